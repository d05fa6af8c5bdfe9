package io.github.fermmavenplugin.net;

import java.util.Comparator;
import java.util.Objects;

/**
 * Ports of one protocol, as an EXPOSE line or a firewall rule names them ("80/tcp", "8000-8010/udp").
 * Orders by port, then protocol.
 */
public record ServicePort(PortRange range, Protocol protocol) implements Comparable<ServicePort> {

    private static final Comparator<ServicePort> ORDER =
            Comparator.comparing(ServicePort::range).thenComparing(ServicePort::protocol);

    public ServicePort {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public String toString() {
        return range + "/" + protocol.token();
    }

    @Override
    public int compareTo(ServicePort other) {
        return ORDER.compare(this, other);
    }
}
