package io.github.fermmavenplugin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fermmavenplugin.e2e.harness.Addresses;
import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.DockerVersion;
import io.github.fermmavenplugin.e2e.harness.Environment;
import io.github.fermmavenplugin.e2e.harness.FermConfig;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.IptablesSnapshot;
import io.github.fermmavenplugin.e2e.harness.Outcome;
import io.github.fermmavenplugin.e2e.harness.Probe;
import io.github.fermmavenplugin.e2e.harness.ProcessRunner;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import io.github.fermmavenplugin.policy.DockerMode;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.Protocol;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ferm 2.5 runs the {@code iptables-legacy} tools whenever they are installed (and Debian's iptables package
 * always installs them), while Docker uses the system's {@code iptables}, which is nft on current Debian and
 * Ubuntu. These tests reproduce that host and show what it does to traffic, then the two setups that work:
 * both on legacy, or both on nft.
 */
@Tag("e2e")
class BackendMismatchTest {

    private static final Scenario SCENARIO = new Scenario(DockerVersion.DOCKER_28, DockerMode.BRIDGE,
            BridgeNetwork.DOCKER0, FallbackAction.DROP, false, new PipelineBundles());

    private static final Expectation OTHER_SOURCE_STOPPED = new Expectation("other source is stopped",
            Probe.toHost(Protocol.TCP, Addresses.DENIED_V4, 8080), Outcome.TIMEOUT);

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    @Test
    void dockerOnNftAndFermOnLegacyFiltersNothingForContainers() {
        try (Topology topology = Topology.create(SCENARIO.network(), SCENARIO.containers());
             FermConfig ferm = FermConfig.write(SCENARIO.bundle())) {
            SCENARIO.dockerRules().apply(topology.host(), IptablesBackend.NFT);
            IptablesSnapshot nftBefore = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.NFT);

            ferm.apply(topology.host());

            IptablesSnapshot legacy = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY);
            IptablesSnapshot nft = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.NFT);
            assertThat(legacy.table("filter").rulesOf("DOCKER-USER"))
                    .as("ferm wrote our rules, but into the legacy tables").isNotEmpty();
            assertThat(legacy.table("filter").rulesOf("FORWARD"))
                    .as("where no FORWARD rule ever jumps to them").isEmpty();
            assertThat(nft.table("filter").rulesOf("DOCKER-USER"))
                    .as("the DOCKER-USER that Docker's FORWARD jumps to (nft) holds none of ours, only Docker's")
                    .noneMatch(rule -> rule.contains(" -i eth0 "))
                    .containsExactlyElementsOf(nftBefore.table("filter").rulesOf("DOCKER-USER"));
            assertThat(nft).as("Docker's nft rules are untouched").isEqualTo(nftBefore);

            List<String> mismatches = ScenarioRun.mismatches(topology, SCENARIO.expectations());
            assertThat(mismatches)
                    .as("with the backends mixed, the bundle filters nothing on the way to the containers")
                    .anyMatch(m -> m.startsWith("other source is stopped on the same port") && m.contains("=> OPEN"))
                    .anyMatch(m -> m.startsWith("exposed but unopened port is closed") && m.contains("=> OPEN"))
                    .anyMatch(m -> m.startsWith("other IPv6 source is stopped") && m.contains("=> OPEN"));
            assertThat(mismatches)
                    .as("while the host's own INPUT rules still apply: legacy and nft chains both see every packet")
                    .noneMatch(m -> m.startsWith("host policy drops ssh from other sources"));
        }
    }

    @Test
    void dockerAndFermBothOnLegacyWork() {
        try (Topology topology = Topology.create(SCENARIO.network(), SCENARIO.containers());
             FermConfig ferm = FermConfig.write(SCENARIO.bundle())) {
            SCENARIO.dockerRules().apply(topology.host(), IptablesBackend.LEGACY);
            ferm.apply(topology.host());

            assertThat(ScenarioRun.mismatches(topology, SCENARIO.expectations())).isEmpty();
        }
    }

    @Test
    void dockerAndFermBothOnNftWorkWhenFermCannotFindTheLegacyTools() {
        assumeTrue(ProcessRunner.run(List.of("iptables", "--version")).stdout().contains("nf_tables"),
                "the system's iptables is not the nft variant here");
        try (Topology topology = Topology.create(SCENARIO.network(), SCENARIO.containers());
             FermConfig ferm = FermConfig.write(SCENARIO.bundle())) {
            SCENARIO.dockerRules().apply(topology.host(), IptablesBackend.NFT);
            IptablesSnapshot v4Before = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.NFT);
            IptablesSnapshot v6Before = IptablesSnapshot.take(topology.host(), IpFamily.IPV6, IptablesBackend.NFT);

            ferm.applyWithoutLegacyTools(topology.host());

            assertThat(IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY).tables())
                    .as("nothing went to the legacy tables").isEmpty();
            assertThat(ScenarioRun.mismatches(topology, SCENARIO.expectations())).isEmpty();
            FirewallScenarioTest.assertDockerRulesIntact(v4Before,
                    IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.NFT));
            FirewallScenarioTest.assertDockerRulesIntact(v6Before,
                    IptablesSnapshot.take(topology.host(), IpFamily.IPV6, IptablesBackend.NFT));
        }
    }
}
