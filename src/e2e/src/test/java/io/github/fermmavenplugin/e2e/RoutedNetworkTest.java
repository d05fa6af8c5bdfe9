package io.github.fermmavenplugin.e2e;

import static io.github.fermmavenplugin.e2e.harness.Addresses.ALLOWED_V4;
import static io.github.fermmavenplugin.e2e.harness.Addresses.ALLOWED_V6;
import static io.github.fermmavenplugin.e2e.harness.Addresses.DENIED_V4;
import static io.github.fermmavenplugin.e2e.harness.Addresses.DENIED_V6;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.e2e.harness.Addresses;
import io.github.fermmavenplugin.e2e.harness.AgentImage;
import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.Bundle;
import io.github.fermmavenplugin.e2e.harness.Container;
import io.github.fermmavenplugin.e2e.harness.DockerDaemon;
import io.github.fermmavenplugin.e2e.harness.DockerDistribution;
import io.github.fermmavenplugin.e2e.harness.FermConfig;
import io.github.fermmavenplugin.e2e.harness.IptablesSnapshot;
import io.github.fermmavenplugin.e2e.harness.Outcome;
import io.github.fermmavenplugin.e2e.harness.Probe;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.Protocol;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A network with Docker's {@code gateway_mode_ipv4=routed} and {@code gateway_mode_ipv6=routed} on the real Docker
 * 28.5.2: a neighbour routes to the container's address itself, and Docker DNATs nothing. The descriptor that says
 * {@code gateway_mode_ipv4/6: routed} opens the container port to the allowed sources alone; the same descriptor
 * without them (NAT mode, {@code ctstate DNAT}) admits nobody, which is why the setting exists.
 */
@Tag("e2e")
class RoutedNetworkTest {

    static final BridgeNetwork ROUTED_NETWORK = new BridgeNetwork("br-ferm-routed", "172.21", "fd00:21::");

    private static final String DESCRIPTOR = """
            version: 1
            service: routed
            docker:
              bridge: br-ferm-routed
            @MODES@
            ingress:
              - name: web
                ports: [80]
                from: [198.51.100.0/24, "2001:db8:a110::/48"]
            """;

    private static Bundle bundle(boolean routed) {
        String modes = routed ? "  gateway_mode_ipv4: routed\n  gateway_mode_ipv6: routed" : "";
        return PipelineBundles.render("routed", DESCRIPTOR.replace("@MODES@", modes), "FROM scratch\nEXPOSE 80 81\n");
    }

    @ParameterizedTest(name = "docker 28.5.2 (sid), {0}: a routed network admits the allowed sources alone")
    @EnumSource(HostSetup.class)
    void aRoutedNetworkOpensTheContainerPortToTheAllowedSourcesAlone(HostSetup setup) {
        DockerDistribution distribution = DockerDistribution.DOCKER_28_5;
        RealDocker.assumeReady(distribution, setup);
        try (Topology topology = Topology.createForRealDocker();
             FermConfig nat = FermConfig.write(bundle(false));
             FermConfig routed = FermConfig.write(bundle(true))) {
            DockerDaemon daemon = topology.own(DockerDaemon.start(distribution, topology.host(), setup.backend()));
            AgentImage.importInto(daemon);
            daemon.docker("network", "create", "--ipv6", "--subnet", ROUTED_NETWORK.subnetV4(),
                    "--subnet", ROUTED_NETWORK.subnetV6(),
                    "--opt", "com.docker.network.bridge.name=" + ROUTED_NETWORK.bridge(),
                    "--opt", "com.docker.network.bridge.gateway_mode_ipv4=routed",
                    "--opt", "com.docker.network.bridge.gateway_mode_ipv6=routed", "routed-net");
            AgentImage.run(daemon, "routed", List.of("--network", "routed-net", "--publish", "80"),
                    List.of(new Container.Listener(Protocol.TCP, 80), new Container.Listener(Protocol.TCP, 81)));
            topology.outside().exec("ip", "route", "add", ROUTED_NETWORK.subnetV4(), "via", Addresses.HOST_V4);
            topology.outside().exec("ip", "-6", "route", "add", ROUTED_NETWORK.subnetV6(), "via", Addresses.HOST_V6);
            String[] container = daemon.docker("inspect", "--format",
                    "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.GlobalIPv6Address}}{{end}}", "routed")
                    .stdout().strip().split(" ");
            String v4 = container[0];
            String v6 = container[1];

            assertThat(ScenarioRun.mismatches(topology, List.of(
                    expect("Docker alone lets anyone reach the routed container's port", DENIED_V4, v4, 80, Outcome.OPEN),
                    expect("Docker alone lets anyone reach it over IPv6", DENIED_V6, v6, 80, Outcome.OPEN))))
                    .as("before ferm").isEmpty();

            IptablesSnapshot v4Before = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, setup.backend());
            nat.apply(topology.host(), setup.ferm(), setup.backend());
            assertThat(ScenarioRun.mismatches(topology, List.of(
                    expect("a NAT-mode bundle (ctstate DNAT) admits nobody on a routed network", ALLOWED_V4, v4, 80,
                            Outcome.TIMEOUT),
                    expect("nor over IPv6", ALLOWED_V6, v6, 80, Outcome.TIMEOUT))))
                    .as("with the descriptor that does not say routed").isEmpty();

            routed.apply(topology.host(), setup.ferm(), setup.backend());
            assertThat(ScenarioRun.mismatches(topology, List.of(
                    expect("allowed source reaches the container port directly", ALLOWED_V4, v4, 80, Outcome.OPEN),
                    expect("other source is stopped", DENIED_V4, v4, 80, Outcome.TIMEOUT),
                    expect("allowed IPv6 source reaches the container port directly", ALLOWED_V6, v6, 80, Outcome.OPEN),
                    expect("other IPv6 source is stopped", DENIED_V6, v6, 80, Outcome.TIMEOUT),
                    expect("a port neither published nor opened stays closed", ALLOWED_V4, v4, 81, Outcome.TIMEOUT),
                    expect("and over IPv6", ALLOWED_V6, v6, 81, Outcome.TIMEOUT))))
                    .as(distribution.label() + ", " + setup.label()).isEmpty();
            FirewallScenarioTest.assertDockerRulesIntact(v4Before,
                    IptablesSnapshot.take(topology.host(), IpFamily.IPV4, setup.backend()));
        }
    }

    private static Expectation expect(String why, String client, String container, int port, Outcome outcome) {
        return new Expectation(why, new Probe(Protocol.TCP, client, container, port), outcome);
    }
}
