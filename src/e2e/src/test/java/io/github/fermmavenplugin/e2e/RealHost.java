package io.github.fermmavenplugin.e2e;

import io.github.fermmavenplugin.e2e.harness.Addresses;
import io.github.fermmavenplugin.e2e.harness.AgentImage;
import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.Container;
import io.github.fermmavenplugin.e2e.harness.DockerDaemon;
import io.github.fermmavenplugin.e2e.harness.DockerDistribution;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.IptablesSnapshot;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link Topology} whose host runs a real dockerd with real containers of {@link AgentImage}:
 *
 * <ul>
 *   <li>{@code web} on docker0: {@code -p 8080:80 -p 8443:443 -p 9443:443 -p 5005:5005 -p 5353:53/udp};</li>
 *   <li>{@code hidden} on docker0, listening on 80 and published nowhere;</li>
 *   <li>{@code api} on a {@code docker network create} bridge {@link #API_NETWORK}, {@code -p 9000:9000}.</li>
 * </ul>
 */
final class RealHost {

    static final BridgeNetwork API_NETWORK = new BridgeNetwork("br-ferm-api", "172.19", "fd00:19::");
    static final List<String> WEB_PUBLICATIONS = List.of("8080:80", "8443:443", "9443:443", "5005:5005", "5353:53/udp");

    /** A container's addresses on its bridge, as Docker gave them. */
    record ContainerAddresses(String v4, String v6) {
    }

    private final Topology topology;
    private final DockerDaemon daemon;
    /** How often each container's agent has started: each start prints one more "ready" into its log. */
    private final java.util.Map<String, Integer> starts = new java.util.HashMap<>(java.util.Map.of("web", 1, "hidden", 1, "api", 1));

    private RealHost(Topology topology, DockerDaemon daemon) {
        this.topology = topology;
        this.daemon = daemon;
    }

    /** Starts the daemon in {@code topology}'s host and the three containers; the topology stops all of it. */
    static RealHost start(Topology topology, DockerDistribution distribution, IptablesBackend backend) {
        DockerDaemon daemon = topology.own(DockerDaemon.start(distribution, topology.host(), backend));
        AgentImage.importInto(daemon);
        List<String> webOptions = new ArrayList<>();
        WEB_PUBLICATIONS.forEach(p -> webOptions.addAll(List.of("--publish", p)));
        AgentImage.run(daemon, "web", webOptions, List.of(listener(Protocol.TCP, 80), listener(Protocol.TCP, 443),
                listener(Protocol.TCP, 5005), listener(Protocol.UDP, 53)));
        AgentImage.run(daemon, "hidden", List.of(), List.of(listener(Protocol.TCP, 80)));
        daemon.docker("network", "create", "--ipv6", "--subnet", API_NETWORK.subnetV4(), "--subnet", API_NETWORK.subnetV6(),
                "--opt", "com.docker.network.bridge.name=" + API_NETWORK.bridge(), "api-net");
        AgentImage.run(daemon, "api", List.of("--network", "api-net", "--publish", "9000:9000"),
                List.of(listener(Protocol.TCP, 9000)));
        // A neighbour on eth0's segment that routes the container subnets via the host (hole 1's attacker).
        for (BridgeNetwork network : List.of(BridgeNetwork.DOCKER0, API_NETWORK)) {
            topology.outside().exec("ip", "route", "add", network.subnetV4(), "via", Addresses.HOST_V4);
            topology.outside().exec("ip", "-6", "route", "add", network.subnetV6(), "via", Addresses.HOST_V6);
        }
        return new RealHost(topology, daemon);
    }

    private static Container.Listener listener(Protocol protocol, int port) {
        return new Container.Listener(protocol, port);
    }

    Topology topology() {
        return topology;
    }

    DockerDaemon daemon() {
        return daemon;
    }

    ContainerAddresses addresses(String container) {
        String[] both = daemon.docker("inspect", "--format",
                "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.GlobalIPv6Address}}{{end}}", container)
                .stdout().strip().split(" ");
        return new ContainerAddresses(both[0], both[1]);
    }

    /** {@code docker restart NAME}, back once its agent listens again. */
    void restartContainer(String container) {
        daemon.docker("restart", container);
        AgentImage.awaitReady(daemon, container, starts.merge(container, 1, Integer::sum));
    }

    /** Restarts dockerd; every container (restart policy always) is back once its agent listens again. */
    void restartDaemon() {
        daemon.restart();
        for (String container : List.of("web", "hidden", "api")) {
            AgentImage.awaitReady(daemon, container, starts.merge(container, 1, Integer::sum));
        }
    }

    /** The host ports Docker DNATs in nat/DOCKER for one family, as {@code 8080/tcp}. */
    Set<String> dnatPorts(IpFamily family) {
        Set<String> ports = new TreeSet<>();
        for (String rule : snapshot(family).table("nat").rulesOf("DOCKER")) {
            if (rule.contains("-j DNAT")) {
                String protocol = rule.replaceAll(".* -p (\\w+) .*", "$1");
                String port = rule.replaceAll(".* --dport (\\d+) .*", "$1");
                ports.add(port + "/" + protocol);
            }
        }
        return ports;
    }

    IptablesSnapshot snapshot(IpFamily family) {
        return IptablesSnapshot.take(topology.host(), family, daemon.backend());
    }
}
