package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.descriptor.Descriptor;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.ServicePort;
import io.github.fermmavenplugin.policy.Policy;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A descriptor checked against its Dockerfile: what {@code ferm:check} proves and {@code ferm:bundle} writes. */
public record Analysis(UserFile descriptorFile, Descriptor descriptor, UserFile dockerfile, ImageMetadata image,
        Policy policy) {

    /** Where the service's name came from, for the build log: the descriptor, the image's title, or the fallback. */
    public String serviceNameOrigin() {
        if (descriptor.service() != null) {
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
}
