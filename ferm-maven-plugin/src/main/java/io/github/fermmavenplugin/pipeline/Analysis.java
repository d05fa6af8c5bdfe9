package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.descriptor.Descriptor;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.ferm.RuleBudget;
import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.ServicePort;
import io.github.fermmavenplugin.policy.AllowRule;
import io.github.fermmavenplugin.policy.PortMatch;
import io.github.fermmavenplugin.policy.Policy;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A descriptor checked against its Dockerfile: what {@code ferm:check} proves and {@code ferm:bundle} writes. */
public record Analysis(UserFile descriptorFile, Descriptor descriptor, UserFile dockerfile, ImageMetadata image,
        Policy policy) {

    /** The summary names this many ports at most, then counts the others. */
    static final int PORTS_SHOWN = 8;

    public boolean serviceNamedByDescriptor() {
        return descriptor.service().isPresent();
    }

    /** Where the service's name came from, for the build log: the descriptor, the image's title, or the fallback. */
    public String serviceNameOrigin() {
        if (serviceNamedByDescriptor()) {
            return "the descriptor";
        }
        boolean fromTitle = image.label(ImageMetadata.OCI_TITLE).filter(policy.service().value()::equals).isPresent();
        return fromTitle ? "the image's " + ImageMetadata.OCI_TITLE + " label" : "the artifactId";
    }

    /** "exposed but closed: 9090/tcp (no ingress rule opens it)", when some exposed port stays closed. */
    public Optional<String> closedPortsNote() {
        List<ServicePort> closed = policy.closed();
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("exposed but closed: " + closed.stream().map(ServicePort::toString)
                .collect(Collectors.joining(", ")) + " (no ingress rule opens " + (closed.size() == 1 ? "it" : "them")
                + ")");
    }

    /**
     * A note when ingress rules admit IPv6 sources: Docker 20.10 to 22 make no ip6tables DOCKER-USER, so there the
     * bundle's IPv6 rules do nothing (measured on the real 20.10.24, see the README's support matrix).
     */
    public Optional<String> ipv6Note() {
        if (policy.ingress().stream().noneMatch(rule -> rule.sources().in(IpFamily.IPV6).isPresent())) {
            return Optional.empty();
        }
        return Optional.of("IPv6 ingress rules need Docker 23 or later: Docker 20.10 to 22 make no ip6tables"
                + " DOCKER-USER, so there every IPv6 client reaches the published ports (README: support matrix)");
    }

    /**
     * The build log's line for the bundle: "billing-api: 3 rules open 8080/tcp, 8125/udp, 8443/tcp, 9100/tcp to
     * any and 2 networks (5 iptables allow rules) -> target/billing-api-1.0-ferm.tar.gz".
     *
     * @param archive the archive as the user should see it, e.g. relative to the project
     */
    public String summary(String archive) {
        List<AllowRule> rules = Stream.concat(policy.ingress().stream(), policy.host().stream()).toList();
        SortedSet<ServicePort> ports = new TreeSet<>();
        SortedSet<Cidr> networks = new TreeSet<>();
        boolean any = false;
        for (AllowRule rule : rules) {
            for (PortMatch match : rule.ports()) {
                for (PortRange range : match.ports()) {
                    ports.add(new ServicePort(range, match.protocol()));
                }
            }
            networks.addAll(rule.sources().networks());
            any |= rule.sources().any();
        }
        long iptablesRules = RuleBudget.count(policy);
        return policy.service() + ": " + count(rules.size(), "rule") + " open " + listed(ports) + " to "
                + sources(any, networks.size()) + " (" + count(iptablesRules, "iptables allow rule") + ") -> " + archive;
    }

    private static String listed(SortedSet<ServicePort> ports) {
        if (ports.isEmpty()) {
            return "no port";
        }
        String shown = ports.stream().limit(PORTS_SHOWN).map(ServicePort::toString).collect(Collectors.joining(", "));
        return ports.size() > PORTS_SHOWN ? shown + " and " + (ports.size() - PORTS_SHOWN) + " more ports" : shown;
    }

    private static String sources(boolean any, int networks) {
        if (networks == 0) {
            return any ? "any source" : "no source";
        }
        return (any ? "any and " : "") + count(networks, "network");
    }

    private static String count(long number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}
