package io.github.fermmavenplugin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.e2e.harness.Addresses;
import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.Bundle;
import io.github.fermmavenplugin.e2e.harness.DockerVersion;
import io.github.fermmavenplugin.e2e.harness.Environment;
import io.github.fermmavenplugin.e2e.harness.FermConfig;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.Outcome;
import io.github.fermmavenplugin.e2e.harness.Probe;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import io.github.fermmavenplugin.policy.DockerMode;
import io.github.fermmavenplugin.net.Protocol;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A data-path fact the descriptor's author must know: the swarm ingress DNAT keeps the published port, so on
 * docker_gwbridge a rule on the container port alone ({@code ports: [80]} for {@code -p 8080:80}) matches
 * nothing and the service stays closed; the published form ({@code "8080:80"}) is what opens it.
 */
@Tag("e2e")
class SwarmContainerPortTest {

    private static final Scenario SWARM = new Scenario(DockerVersion.DOCKER_29, DockerMode.SWARM,
            BridgeNetwork.GWBRIDGE, FallbackAction.DROP, false, new PipelineBundles());

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    @Test
    void containerPortRuleDoesNotOpenAPortPublishedUnderAnotherNumber() {
        String descriptor = Bundle.resource("descriptors/web/firewall-swarm.yaml")
                .replace("@BRIDGE@", SWARM.network().bridge())
                .replace("@ACTION@", "drop")
                .replace("ports: [\"8080:80\"]", "ports: [80]");
        Bundle bundle = PipelineBundles.render("web", descriptor, Bundle.resource("descriptors/web/Dockerfile"));
        assertThat(bundle.files().get("20-in.docker.web.ferm")).contains("dport 80").doesNotContain("ctorigdstport 8080");

        try (Topology topology = Topology.create(SWARM.network(), SWARM.containers());
             FermConfig ferm = FermConfig.write(bundle)) {
            SWARM.dockerRules().apply(topology.host(), IptablesBackend.LEGACY);
            ferm.apply(topology.host());

            assertThat(ScenarioRun.mismatches(topology, List.of(
                    new Expectation("swarm keeps the published port, so a container-port rule never matches",
                            Probe.toHost(Protocol.TCP, Addresses.ALLOWED_V4, 8080), Outcome.TIMEOUT),
                    new Expectation("the published-port rule in the same bundle still works",
                            Probe.toHost(Protocol.TCP, Addresses.ALLOWED_V4, 8443), Outcome.OPEN))))
                    .isEmpty();
        }
    }
}
