package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.net.Cidr;
import java.util.List;
import java.util.Optional;

/**
 * The host's swarm: the nodes that may reach its swarm ports, the managers whose addresses take cluster
 * management, and whether the overlays' VXLAN must have come through IPsec.
 *
 * @param peers every node of the swarm, never "any"
 * @param managers the managers' networks, each inside {@code peers}; empty when 2377/tcp is for any of the
 *     host's addresses
 * @param encrypted every overlay network is encrypted, so cleartext VXLAN is dropped even from a peer
 * @param position where the descriptor writes {@code swarm:}
 */
public record Swarm(Sources peers, Optional<List<Cidr>> managers, boolean encrypted, SourcePosition position) {

    public Swarm {
        if (peers.any()) {
            throw new IllegalArgumentException("swarm peers are named networks");
        }
        managers = managers.map(List::copyOf);
    }
}
