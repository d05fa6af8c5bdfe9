package io.github.fermmavenplugin.bundle;

import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One thing a manifest's rule lets in, at policy level: traffic from {@code source} to {@code port} of the
 * host ({@code INPUT}) or of a container ({@code DOCKER-USER}), the port either as the container sees it or
 * as published on the host. A rule from {@code any} admits both families, so it is two grants.
 *
 * @param rule the rule's name in the descriptor
 * @param routed a container port that clients reach directly (Docker's gateway_mode routed), not only through
 *     Docker's DNAT: it admits more than the same port in NAT mode
 */
public record Grant(String service, String rule, String chain, boolean published, boolean routed, ServicePort port,
        Cidr source) implements Comparable<Grant> {

    private static final String PUBLISHED = "published ";
    private static final String ROUTED = "routed ";
    private static final String CONTAINER_CHAIN = "DOCKER-USER";
    private static final Comparator<Grant> ORDER = Comparator.comparing(Grant::service)
            .thenComparing(Grant::chain).thenComparing(Grant::published).thenComparing(Grant::routed)
            .thenComparing(Grant::port)
            .thenComparing(Grant::source).thenComparing(Grant::rule);

    public Grant {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(source, "source");
    }

    public IpFamily family() {
        return source.family();
    }

    /** Whether the traffic this grant admits is all admitted by {@code wider} too (the rule names aside). */
    public boolean within(Grant wider) {
        return service.equals(wider.service) && chain.equals(wider.chain) && published == wider.published
                && routed == wider.routed
                && wider.port.protocol() == port.protocol() && wider.port.range().contains(port.range())
                && wider.source.contains(source);
    }

    /**
     * "billing-api DOCKER-USER published 8443/tcp from 10.0.0.0/8", "shop DOCKER-USER routed 443/tcp from ::/0":
     * what an acknowledgement names.
     */
    public String key() {
        return service + " " + chain + " " + (published ? PUBLISHED : "") + (routed ? ROUTED : "") + port + " from "
                + source;
    }

    /**
     * The grants of every rule of {@code manifest}, sorted.
     *
     * @throws IllegalArgumentException if a rule's ports or sources are not as this plugin writes them
     */
    public static List<Grant> of(BundleManifest manifest) {
        List<Grant> grants = new ArrayList<>();
        for (BundleManifest.Rule rule : manifest.rules()) {
            for (String portText : rule.ports()) {
                boolean published = portText.startsWith(PUBLISHED);
                ServicePort port = parsePort(published ? portText.substring(PUBLISHED.length()) : portText);
                for (String from : rule.from()) {
                    for (Cidr source : sources(from)) {
                        boolean routed = rule.chain().equals(CONTAINER_CHAIN) && manifest.routedFamilies()
                                .contains(source.family().name().toLowerCase(java.util.Locale.ROOT));
                        grants.add(new Grant(manifest.service(), rule.name(), rule.chain(), published, routed, port,
                                source));
                    }
                }
            }
        }
        return grants.stream().sorted().toList();
    }

    private static List<Cidr> sources(String from) {
        if (from.equals("any")) {
            return List.of(Cidr.any(IpFamily.IPV4), Cidr.any(IpFamily.IPV6));
        }
        return List.of(Cidr.parse(from));
    }

    /** "80/tcp" or "8000-8010/udp", as {@link ServicePort#toString()} writes it. */
    static ServicePort parsePort(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("port '" + text + "' has no protocol");
        }
        Protocol protocol = Protocol.parse(text.substring(slash + 1))
                .orElseThrow(() -> new IllegalArgumentException("port '" + text + "' has no known protocol"));
        String range = text.substring(0, slash);
        int dash = range.indexOf('-');
        try {
            PortRange ports = dash < 0 ? PortRange.single(Integer.parseInt(range))
                    : new PortRange(Integer.parseInt(range.substring(0, dash)), Integer.parseInt(range.substring(dash + 1)));
            return new ServicePort(ports, protocol);
        } catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException("port '" + text + "' is not a port or range");
        }
    }

    @Override
    public int compareTo(Grant other) {
        return ORDER.compare(this, other);
    }
}
