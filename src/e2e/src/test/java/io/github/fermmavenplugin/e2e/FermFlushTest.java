package io.github.fermmavenplugin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.DockerVersion;
import io.github.fermmavenplugin.e2e.harness.Environment;
import io.github.fermmavenplugin.e2e.harness.FermConfig;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.IptablesSnapshot;
import io.github.fermmavenplugin.e2e.harness.ProcessRunner;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import io.github.fermmavenplugin.policy.DockerMode;
import io.github.fermmavenplugin.net.IpFamily;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stopping ferm ({@code /etc/init.d/ferm stop} runs {@code ferm --flush}) with the bundle in place: ferm would
 * delete its own DOCKER-USER while Docker's preserved FORWARD still jumps to it, so iptables-restore refuses,
 * ferm reports the failure and rolls back. Pinned here because "stop" then leaves the firewall up and says so
 * with an error, which operators must know.
 */
@Tag("e2e")
class FermFlushTest {

    private static final Scenario SCENARIO = new Scenario(DockerVersion.DOCKER_29, DockerMode.BRIDGE,
            BridgeNetwork.DOCKER0, FallbackAction.DROP, false, new PipelineBundles());

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    @Test
    void flushFailsAndRollsBackWhileDockersForwardJumpsToDockerUser() {
        try (Topology topology = Topology.create(SCENARIO.network(), SCENARIO.containers());
             FermConfig ferm = FermConfig.write(SCENARIO.bundle())) {
            SCENARIO.dockerRules().apply(topology.host(), IptablesBackend.LEGACY);
            ferm.apply(topology.host());
            IptablesSnapshot v4Applied = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY);

            ProcessRunner.Result flush = ferm.flush(topology.host());

            assertThat(flush.exitCode()).as("ferm --flush exit code").isNotZero();
            assertThat(flush.stderr()).contains("DOCKER-USER").contains("rolled back");
            assertThat(IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY))
                    .as("rules after the failed flush").isEqualTo(v4Applied);
            assertThat(ScenarioRun.mismatches(topology, SCENARIO.expectations())).isEmpty();
        }
    }
}
