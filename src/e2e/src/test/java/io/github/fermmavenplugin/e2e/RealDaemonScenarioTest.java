package io.github.fermmavenplugin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.e2e.harness.DockerDistribution;
import io.github.fermmavenplugin.e2e.harness.FermConfig;
import io.github.fermmavenplugin.e2e.harness.IptablesSnapshot;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundles on real Docker daemons (20.10.24, 26.1.5, 28.5.2 from Debian's archives, see
 * {@code src/e2e/fetch-daemons.sh}), each with both host setups: real containers, real {@code -p}
 * publications, a real {@code docker network create} bridge, and real traffic from the outside namespace.
 *
 * <p>One story per daemon: Docker alone publishes to anyone; ferm loads the web and api bundles; the probes see
 * {@link RealTruth}; Docker's rules stay byte for byte; a container restart, then a dockerd restart and a ferm
 * reload, change nothing of that; ten more reloads leave Docker's rules as they were. {@code -Dferm.e2e.scenario=TEXT}
 * runs only the daemons whose name contains TEXT (e.g. {@code 28.5.2}).
 */
@Tag("e2e")
class RealDaemonScenarioTest {

    private static final List<SupportMatrix.Row> MATRIX = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final int RELOADS = 10;

    static Stream<Arguments> daemons() {
        String wanted = System.getProperty(Matrix.FILTER_PROPERTY, "");
        List<Arguments> all = new ArrayList<>();
        for (HostSetup setup : HostSetup.values()) {
            for (DockerDistribution distribution : DockerDistribution.values()) {
                all.add(Arguments.of(distribution, setup, FallbackAction.DROP));
            }
        }
        // REJECT where the bundle itself refuses direct routing (Docker 28 drops it before, in raw).
        all.add(Arguments.of(DockerDistribution.DOCKER_26_1, HostSetup.NFT_FERM_2_7, FallbackAction.REJECT));
        return all.stream().filter(arguments -> name(arguments.get()).contains(wanted));
    }

    private static String name(Object[] arguments) {
        return ((DockerDistribution) arguments[0]).label() + " with " + ((HostSetup) arguments[1]).label() + ", "
                + arguments[2].toString().toLowerCase(java.util.Locale.ROOT);
    }

    @ParameterizedTest(name = "{0} with {1}, {2}")
    @MethodSource("daemons")
    void bundlesHoldOnARealDaemon(DockerDistribution distribution, HostSetup setup, FallbackAction action) {
        RealDocker.assumeReady(distribution, setup);
        try (Topology topology = Topology.createForRealDocker();
             FermConfig ferm = FermConfig.write(RealDocker.webAndApiBundles(action))) {
            RealHost host = RealHost.start(topology, distribution, setup.backend());
            assertThat(ScenarioRun.mismatches(topology, RealTruth.baseline()))
                    .as("before ferm, %s alone publishes the ports", distribution.label()).isEmpty();
            assertThat(host.snapshot(IpFamily.IPV6).table("filter").chains().containsKey("DOCKER-USER"))
                    .as("%s makes an ip6 DOCKER-USER", distribution.label()).isEqualTo(distribution.ip6DockerUser());
            IptablesSnapshot v4Before = host.snapshot(IpFamily.IPV4);
            IptablesSnapshot v6Before = host.snapshot(IpFamily.IPV6);

            ferm.apply(topology.host(), setup.ferm(), setup.backend());
            List<Expectation> truth = truth(host, distribution, setup, action);
            assertThat(ScenarioRun.mismatches(topology, truth)).as("%s with %s, ferm loaded", distribution.label(),
                    setup.label()).isEmpty();
            FirewallScenarioTest.assertDockerRulesIntact(v4Before, host.snapshot(IpFamily.IPV4));
            FirewallScenarioTest.assertDockerRulesIntact(v6Before, host.snapshot(IpFamily.IPV6));

            host.restartContainer("web");
            assertThat(ScenarioRun.mismatches(topology, truth(host, distribution, setup, action)))
                    .as("%s after docker restart web", distribution.label()).isEmpty();

            host.restartDaemon();
            ferm.apply(topology.host(), setup.ferm(), setup.backend());
            assertThat(ScenarioRun.mismatches(topology, truth(host, distribution, setup, action)))
                    .as("%s after a dockerd restart and a ferm reload", distribution.label()).isEmpty();

            IptablesSnapshot v4Settled = host.snapshot(IpFamily.IPV4);
            IptablesSnapshot v6Settled = host.snapshot(IpFamily.IPV6);
            for (int reload = 0; reload < RELOADS; reload++) {
                ferm.apply(topology.host(), setup.ferm(), setup.backend());
            }
            assertThat(host.snapshot(IpFamily.IPV4).dockerOwnedLines()).as("IPv4 after %s reloads", RELOADS)
                    .containsExactlyElementsOf(v4Settled.dockerOwnedLines());
            assertThat(host.snapshot(IpFamily.IPV6).dockerOwnedLines()).as("IPv6 after %s reloads", RELOADS)
                    .containsExactlyElementsOf(v6Settled.dockerOwnedLines());
            if (action == FallbackAction.DROP) {
                MATRIX.add(SupportMatrix.Row.of(distribution, setup, truth));
            }
        }
    }

    /** The truth for the host as it is now: its IPv6 DNAT rules are first checked against what hole 6 predicts. */
    private static List<Expectation> truth(RealHost host, DockerDistribution distribution, HostSetup setup,
            FallbackAction action) {
        assertThat(host.dnatPorts(IpFamily.IPV4)).as("%s IPv4 DNAT rules", distribution.label())
                .containsExactlyInAnyOrderElementsOf(RealTruth.ALL_PUBLISHED);
        RealTruth.assertV6DnatAsExpected(host.dnatPorts(IpFamily.IPV6), setup,
                distribution.label() + " IPv6 DNAT rules with " + setup.label());
        return new RealTruth(distribution, setup, action, host.dnatPorts(IpFamily.IPV6), host.addresses("web"),
                host.addresses("hidden")).expectations();
    }

    @AfterAll
    static void printSupportMatrix() {
        if (!MATRIX.isEmpty()) {
            System.out.println("Measured on real daemons by " + RealDaemonScenarioTest.class.getSimpleName() + ":\n"
                    + SupportMatrix.markdown(MATRIX));
        }
    }
}
