package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.net.InterfaceName;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The firewall a service asks for, checked and normalised: nothing in it is a raw string from the
 * user any more, and every value is one that may stand in ferm text.
 *
 * @param exposed every port the image exposes, inherited ones included
 * @param inherited the ports the descriptor says an external base image exposes
 * @param closed exposed ports that no ingress rule opens
 * @param swarm the swarm peers' access to the host, when the descriptor names them
 */
public record Policy(
        ServiceName service,
        DockerNetwork network,
        List<AllowRule> ingress,
        List<AllowRule> host,
        Fallback fallback,
        List<ServicePort> exposed,
        List<ServicePort> inherited,
        List<ServicePort> closed,
        Optional<Swarm> swarm) {

    public Policy {
        ingress = List.copyOf(ingress);
        host = List.copyOf(host);
        exposed = List.copyOf(exposed);
        inherited = List.copyOf(inherited);
        closed = List.copyOf(closed);
    }

    /**
     * Where the service's containers sit and where the outside world comes in.
     *
     * @param bridge the service's own bridge, one that {@link #DOCKER_BRIDGES} covers: its allow rules
     *     match traffic towards it, while the files all bundles share guard all of those bridges, so
     *     that they read the same for every service and bundles extracted into one ferm.d add up
     * @param gatewayModes how the bridge's network reaches each family's containers, NAT where not given
     * @param preserved other tools' chains that 00-docker.ferm keeps beside Docker's
     */
    public record DockerNetwork(InterfaceName bridge, List<InterfaceName> external,
            Map<IpFamily, GatewayMode> gatewayModes, PreservedChains preserved) {

        /** docker0, swarm's docker_gwbridge, and the br-... of user-defined networks. */
        public static final List<InterfaceName> DOCKER_BRIDGES = List.of(InterfaceName.parse("docker0"),
                InterfaceName.parse("docker_gwbridge"), InterfaceName.parse("br-+"));

        public DockerNetwork {
            if (DOCKER_BRIDGES.stream().noneMatch(known -> known.matches(bridge))) {
                throw new IllegalArgumentException("not a bridge the shared files guard: " + bridge);
            }
            external = List.copyOf(external);
            EnumMap<IpFamily, GatewayMode> modes = new EnumMap<>(IpFamily.class);
            for (IpFamily family : IpFamily.values()) {
                modes.put(family, gatewayModes.getOrDefault(family, GatewayMode.NAT));
            }
            gatewayModes = java.util.Collections.unmodifiableMap(modes);
        }

        public DockerNetwork(InterfaceName bridge, List<InterfaceName> external) {
            this(bridge, external, Map.of(), PreservedChains.NONE);
        }

        public GatewayMode gatewayMode(IpFamily family) {
            return gatewayModes.get(family);
        }

        public boolean anyRouted() {
            return gatewayModes.containsValue(GatewayMode.ROUTED);
        }
    }

    /**
     * How clients reach the containers of one IP family, as Docker's
     * {@code com.docker.network.bridge.gateway_mode_ipv4/6} says.
     */
    public enum GatewayMode {
        /** Docker DNATs published host ports to the containers; nothing else reaches them. */
        NAT,
        /** Clients reach the container addresses directly, through the host's routing; nothing is DNATted. */
        ROUTED
    }

    /** What happens to external traffic towards the containers that no rule allows. */
    public record Fallback(FallbackAction action, boolean log) {
    }

    public enum FallbackAction {
        DROP, REJECT
    }
}
