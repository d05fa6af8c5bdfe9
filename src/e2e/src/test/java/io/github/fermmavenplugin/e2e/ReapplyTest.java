package io.github.fermmavenplugin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.DockerVersion;
import io.github.fermmavenplugin.e2e.harness.Environment;
import io.github.fermmavenplugin.e2e.harness.FermConfig;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.IptablesSnapshot;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import io.github.fermmavenplugin.policy.DockerMode;
import io.github.fermmavenplugin.net.IpFamily;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ferm is reloaded on every deploy: after 100 reloads Docker's rules must still be exactly as Docker made them,
 * DOCKER-USER exactly as after the first load (nothing duplicated, nothing lost), and the traffic unchanged.
 */
@Tag("e2e")
class ReapplyTest {

    private static final int RELOADS = 100;

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    @ParameterizedTest(name = "{0}: 100 ferm reloads keep Docker's rules and ours unchanged")
    @EnumSource(DockerVersion.class)
    void hundredReloadsChangeNothing(DockerVersion version) {
        Scenario scenario = new Scenario(version, DockerMode.BRIDGE, BridgeNetwork.DOCKER0, FallbackAction.DROP, false,
                new PipelineBundles());
        try (Topology topology = Topology.create(scenario.network(), scenario.containers());
             FermConfig ferm = FermConfig.write(scenario.bundle())) {
            scenario.dockerRules().apply(topology.host(), IptablesBackend.LEGACY);
            IptablesSnapshot v4Docker = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY);
            IptablesSnapshot v6Docker = IptablesSnapshot.take(topology.host(), IpFamily.IPV6, IptablesBackend.LEGACY);
            ferm.apply(topology.host());
            IptablesSnapshot v4First = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY);
            IptablesSnapshot v6First = IptablesSnapshot.take(topology.host(), IpFamily.IPV6, IptablesBackend.LEGACY);

            for (int reload = 2; reload <= RELOADS; reload++) {
                ferm.apply(topology.host());
            }

            IptablesSnapshot v4Last = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY);
            IptablesSnapshot v6Last = IptablesSnapshot.take(topology.host(), IpFamily.IPV6, IptablesBackend.LEGACY);
            FirewallScenarioTest.assertDockerRulesIntact(v4Docker, v4Last);
            FirewallScenarioTest.assertDockerRulesIntact(v6Docker, v6Last);
            assertThat(v4Last).as("IPv4 rules after %d reloads, all tables", RELOADS).isEqualTo(v4First);
            assertThat(v6Last).as("IPv6 rules after %d reloads, all tables", RELOADS).isEqualTo(v6First);
            assertThat(ScenarioRun.mismatches(topology, scenario.expectations())).isEmpty();
        }
    }
}
