package io.github.fermmavenplugin.e2e;

import static io.github.fermmavenplugin.e2e.harness.Addresses.DENIED_V4;
import static io.github.fermmavenplugin.e2e.harness.Addresses.DENIED_V6;
import static io.github.fermmavenplugin.e2e.harness.Addresses.MONITORING_V4;
import static io.github.fermmavenplugin.e2e.harness.Addresses.MONITORING_V6;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.Bundle;
import io.github.fermmavenplugin.e2e.harness.DockerDistribution;
import io.github.fermmavenplugin.e2e.harness.DockerDaemon;
import io.github.fermmavenplugin.e2e.harness.AgentImage;
import io.github.fermmavenplugin.e2e.harness.Container;
import io.github.fermmavenplugin.e2e.harness.DockerRules;
import io.github.fermmavenplugin.e2e.harness.DockerVersion;
import io.github.fermmavenplugin.e2e.harness.Environment;
import io.github.fermmavenplugin.e2e.harness.FermConfig;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.IptablesSnapshot;
import io.github.fermmavenplugin.e2e.harness.Outcome;
import io.github.fermmavenplugin.e2e.harness.Probe;
import io.github.fermmavenplugin.e2e.harness.Publication;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.policy.DockerMode;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The example project's own bundle ({@code example-project/firewall.yaml} and its Dockerfile, rendered by the
 * plugin's pipeline) on a host where billing-api runs as {@code docker run -p 8080:8080 -p 8443:8443
 * -p 9100:9100 -p 8125:8125/udp -p 5005:5005}.
 */
@Tag("e2e")
class ExampleProjectTest {

    private static final Path EXAMPLE_PROJECT = Path.of("..", "..", "example-project");

    private static final List<Publication> PUBLICATIONS = List.of(Publication.tcp(8080, 8080),
            Publication.tcp(8443, 8443), Publication.tcp(9100, 9100), Publication.udp(8125, 8125),
            Publication.tcp(5005, 5005));

    private static final List<Expectation> EXPECTATIONS = List.of(
            new Expectation("web is open to any source", tcp(DENIED_V4, 8080), Outcome.OPEN),
            new Expectation("web is open to any source over IPv6", tcp(DENIED_V6, 8443), Outcome.OPEN),
            new Expectation("metrics are closed to others", tcp(DENIED_V4, 9100), Outcome.TIMEOUT),
            new Expectation("metrics are open to monitoring", tcp(MONITORING_V4, 9100), Outcome.OPEN),
            new Expectation("metrics are open to monitoring over IPv6", tcp(MONITORING_V6, 9100), Outcome.OPEN),
            new Expectation("statsd is open to monitoring's IPv4 network", udp(MONITORING_V4, 8125), Outcome.OPEN),
            new Expectation("statsd's IPv4-only rule opens nothing over IPv6", udp(MONITORING_V6, 8125), Outcome.TIMEOUT),
            new Expectation("statsd is closed to others", udp(DENIED_V4, 8125), Outcome.TIMEOUT),
            new Expectation("the exposed debugger port stays closed", tcp(MONITORING_V4, 5005), Outcome.TIMEOUT));

    private static Bundle bundle() throws IOException {
        return PipelineBundles.render("billing-api", Files.readString(EXAMPLE_PROJECT.resolve("firewall.yaml")),
                Files.readString(EXAMPLE_PROJECT.resolve("Dockerfile")));
    }

    private static List<Container.Listener> listeners() {
        return PUBLICATIONS.stream()
                .map(publication -> new Container.Listener(publication.protocol(), publication.containerPort())).toList();
    }

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    @ParameterizedTest(name = "example-project billing-api, {0}")
    @EnumSource(DockerVersion.class)
    void exampleBundleOpensWhatItsDescriptorSays(DockerVersion version) throws IOException {
        List<Container> containers = List.of(new Container(Scenario.WEB, listeners(), PUBLICATIONS));

        try (Topology topology = Topology.create(BridgeNetwork.DOCKER0, containers);
             FermConfig ferm = FermConfig.write(bundle())) {
            new DockerRules(version, DockerMode.BRIDGE, BridgeNetwork.DOCKER0, containers)
                    .apply(topology.host(), IptablesBackend.LEGACY);
            IptablesSnapshot v4Before = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY);
            ferm.apply(topology.host());

            assertThat(ScenarioRun.mismatches(topology, EXPECTATIONS)).isEmpty();
            FirewallScenarioTest.assertDockerRulesIntact(v4Before,
                    IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY));
        }
    }

    /**
     * The same bundle on the recommended Debian 12 host: the real Docker 28.5.2 on nft, ferm 2.7, and billing-api
     * as a real container with those publications.
     */
    @Test
    void exampleBundleOnARealDaemonWithTheRecommendedSetup() throws IOException {
        DockerDistribution distribution = DockerDistribution.DOCKER_28_5;
        HostSetup setup = HostSetup.NFT_FERM_2_7;
        RealDocker.assumeReady(distribution, setup);
        try (Topology topology = Topology.createForRealDocker(); FermConfig ferm = FermConfig.write(bundle())) {
            DockerDaemon daemon = topology.own(DockerDaemon.start(distribution, topology.host(), setup.backend()));
            AgentImage.importInto(daemon);
            List<String> options = new ArrayList<>();
            PUBLICATIONS.forEach(p -> options.addAll(List.of("--publish", p.hostPort() + ":" + p.containerPort()
                    + (p.protocol() == Protocol.UDP ? "/udp" : ""))));
            AgentImage.run(daemon, "billing-api", options, listeners());
            IptablesSnapshot v4Before = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, setup.backend());
            ferm.apply(topology.host(), setup.ferm(), setup.backend());

            assertThat(ScenarioRun.mismatches(topology, EXPECTATIONS)).as(distribution.label()).isEmpty();
            FirewallScenarioTest.assertDockerRulesIntact(v4Before,
                    IptablesSnapshot.take(topology.host(), IpFamily.IPV4, setup.backend()));
        }
    }

    private static Probe tcp(String client, int port) {
        return Probe.toHost(Protocol.TCP, client, port);
    }

    private static Probe udp(String client, int port) {
        return Probe.toHost(Protocol.UDP, client, port);
    }
}
