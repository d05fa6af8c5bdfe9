package io.github.fermmavenplugin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.Bundle;
import io.github.fermmavenplugin.e2e.harness.DockerVersion;
import io.github.fermmavenplugin.e2e.harness.Environment;
import io.github.fermmavenplugin.e2e.harness.FermConfig;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.IptablesSnapshot;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import io.github.fermmavenplugin.policy.DockerMode;
import io.github.fermmavenplugin.net.IpFamily;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The harness must be able to fail: deliberately broken bundles are applied to the same topology and the
 * expectations that guard against each mistake must then report it.
 */
@Tag("e2e")
class BrokenBundleTest {

    private static final Scenario SCENARIO = new Scenario(DockerVersion.DOCKER_28, DockerMode.BRIDGE,
            BridgeNetwork.DOCKER0, FallbackAction.DROP, false, new HandWrittenBundles());

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    @Test
    void withoutTheFinalDropOtherSourcesGetIn() {
        List<String> mismatches = mismatchesWith(files -> {
            files.remove("99-docker.ferm");
            return files;
        });
        assertThat(mismatches).anyMatch(m -> m.startsWith("other source is stopped on the same port"));
        assertThat(mismatches).anyMatch(m -> m.startsWith("exposed but unopened port is closed"));
    }

    @Test
    void matchingTheContainerPortInsteadOfThePublishedPortOpensEveryPublicationOfIt() {
        List<String> mismatches = mismatchesWith(files -> {
            files.computeIfPresent("20-in.docker.web.ferm",
                    (name, text) -> text.replace("mod conntrack ctorigdstport 8443", "dport 443"));
            return files;
        });
        assertThat(mismatches)
                .anyMatch(m -> m.startsWith("published-port rule matches the host port, not the container port"));
    }

    @Test
    void withoutPreserveFermWipesDockersRulesAndThePublishedPortsWithThem() {
        try (Topology topology = Topology.create(SCENARIO.network(), SCENARIO.containers());
             FermConfig ferm = FermConfig.write(broken(files -> {
                 files.put("00-docker.ferm", "domain (ip ip6) table filter chain DOCKER-USER"
                         + " interface eth0 outerface docker0 mod conntrack ctstate (RELATED ESTABLISHED) ACCEPT;\n");
                 return files;
             }))) {
            SCENARIO.dockerRules().apply(topology.host(), IptablesBackend.LEGACY);
            IptablesSnapshot before = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY);
            ferm.apply(topology.host());
            IptablesSnapshot after = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY);

            assertThat(after.table("filter").rulesOf("FORWARD")).doesNotContain("-A FORWARD -j DOCKER-USER");
            assertThat(ScenarioRun.mismatches(topology, SCENARIO.expectations()))
                    .anyMatch(m -> m.startsWith("allowed source reaches the web port"));
            assertThat(after.dockerOwnedLines()).isNotEqualTo(before.dockerOwnedLines());
        }
    }

    private static List<String> mismatchesWith(UnaryOperator<Map<String, String>> breakage) {
        try (Topology topology = Topology.create(SCENARIO.network(), SCENARIO.containers());
             FermConfig ferm = FermConfig.write(broken(breakage))) {
            SCENARIO.dockerRules().apply(topology.host(), IptablesBackend.LEGACY);
            ferm.apply(topology.host());
            return ScenarioRun.mismatches(topology, SCENARIO.expectations());
        }
    }

    private static Bundle broken(UnaryOperator<Map<String, String>> breakage) {
        return new Bundle(breakage.apply(new HashMap<>(SCENARIO.bundle().files())));
    }
}
