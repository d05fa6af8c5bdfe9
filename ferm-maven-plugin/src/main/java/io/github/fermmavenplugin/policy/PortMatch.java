package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.Protocol;
import java.util.List;

/**
 * Ports of one protocol that a rule matches in one packet field.
 *
 * @param ports sorted, each once
 */
public record PortMatch(Protocol protocol, PortField field, List<PortRange> ports) {

    public PortMatch {
        ports = ports.stream().distinct().sorted().toList();
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("a port match needs ports");
        }
    }

    /** Which destination port a rule looks at. */
    public enum PortField {
        /** The port the packet goes to as it passes the filter: after Docker's DNAT, the container port. */
        DESTINATION,
        /** The port the client asked for, before any DNAT: a published port, read from conntrack. */
        ORIGINAL_DESTINATION
    }
}
