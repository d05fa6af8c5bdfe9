package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * Ports of one protocol that a rule matches in one packet field.
 *
 * @param ports sorted, overlapping and adjacent ranges joined (80, 81 and 82-90 are 80-90)
 * @param hostPortsLeftOut for container ports: host ports whose clients this match does not admit,
 *     though Docker forwards them to these ports, because the descriptor publishes them for other rules
 */
public record PortMatch(Protocol protocol, PortField field, List<PortRange> ports, Optional<PortRange> hostPortsLeftOut) {

    public PortMatch {
        ports = PortBits.merged(ports);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("a port match needs ports");
        }
        if (hostPortsLeftOut.isPresent() && field != PortField.DESTINATION) {
            throw new IllegalArgumentException("only container ports leave host ports out");
        }
    }

    public PortMatch(Protocol protocol, PortField field, List<PortRange> ports) {
        this(protocol, field, ports, Optional.empty());
    }

    /** Which destination port a rule looks at. */
    public enum PortField {
        /** The port the packet goes to as it passes the filter: after Docker's DNAT, the container port. */
        DESTINATION,
        /** The port the client asked for, before any DNAT: a published port, read from conntrack. */
        ORIGINAL_DESTINATION
    }
}
