package io.github.fermmavenplugin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix: for each scenario, Docker's rules first, then the bundle applied with the real ferm, then real
 * TCP and UDP traffic from allowed and other sources, IPv4 and IPv6, and Docker's rules checked intact.
 */
@Tag("e2e")
class FirewallScenarioTest {

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    static Stream<Scenario> scenarios() {
        Scenario.BundleSource handWritten = new HandWrittenBundles();
        List<Scenario> scenarios = new ArrayList<>();
        for (DockerVersion version : DockerVersion.values()) {
            scenarios.add(new Scenario(version, DockerMode.BRIDGE, BridgeNetwork.DOCKER0, DefaultAction.DROP, false, handWritten));
        }
        scenarios.add(new Scenario(DockerVersion.DOCKER_28, DockerMode.BRIDGE, BridgeNetwork.DOCKER0, DefaultAction.REJECT, false, handWritten));
        return scenarios.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void bundleFiltersRealTrafficAndKeepsDockersRules(Scenario scenario) {
        try (Topology topology = Topology.create(scenario.network(), scenario.containers());
             FermConfig ferm = FermConfig.write(scenario.bundle())) {
            scenario.dockerRules().apply(topology.host(), IptablesBackend.LEGACY);
            assertThat(ScenarioRun.mismatches(topology, scenario.baseline()))
                    .as("before ferm, Docker's rules alone must publish the ports (else the harness is broken)")
                    .isEmpty();
            IptablesSnapshot v4Before = IptablesSnapshot.take(topology.host(), Family.V4, IptablesBackend.LEGACY);
            IptablesSnapshot v6Before = IptablesSnapshot.take(topology.host(), Family.V6, IptablesBackend.LEGACY);

            ferm.apply(topology.host());

            assertThat(ScenarioRun.mismatches(topology, scenario.expectations()))
                    .as("traffic after ferm applied " + scenario)
                    .isEmpty();
            IptablesSnapshot v4After = IptablesSnapshot.take(topology.host(), Family.V4, IptablesBackend.LEGACY);
            IptablesSnapshot v6After = IptablesSnapshot.take(topology.host(), Family.V6, IptablesBackend.LEGACY);
            assertDockerRulesIntact(v4Before, v4After);
            assertDockerRulesIntact(v6Before, v6After);
        }
    }

    static void assertDockerRulesIntact(IptablesSnapshot before, IptablesSnapshot after) {
        List<String> afterLines = new ArrayList<>(after.dockerOwnedLines());
        afterLines.removeAll(after.emptyChainsAddedSince(before));
        assertThat(afterLines)
                .as("Docker's %s rules after ferm, byte for byte (apart from empty chains ferm's @preserve added: %s)",
                        before.family(), after.emptyChainsAddedSince(before))
                .containsExactlyElementsOf(before.dockerOwnedLines());
    }
}
