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
 * A container port that one rule opens to everyone and another publishes under a second host port for
 * the office only ({@code ports: [443]} beside {@code "8443:443"}): after Docker's DNAT both arrive on
 * 443, so a plain container-port match would open 8443 to everyone. The bundle must keep 8443 for the
 * office and still let everyone reach 443 through the other host port Docker publishes it on (9443).
 */
@Tag("e2e")
class PublishedTwiceTest {

    private static final Scenario BRIDGE = new Scenario(DockerVersion.DOCKER_28, DockerMode.BRIDGE,
            BridgeNetwork.DOCKER0, FallbackAction.DROP, false, new PipelineBundles());

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    @Test
    void theOfficeOnlyHostPortStaysTheOfficesWhileItsContainerPortIsPublic() {
        String descriptor = Bundle.resource("descriptors/web/firewall-bridge.yaml")
                .replace("@BRIDGE@", BRIDGE.network().bridge())
                .replace("@ACTION@", "drop")
                .replace("  - name: web\n    ports: [80]\n    from: [office]\n",
                        "  - name: web\n    ports: [443]\n");
        Bundle bundle = PipelineBundles.render("web", descriptor, Bundle.resource("descriptors/web/Dockerfile"));
        assertThat(bundle.files().get("20-in.docker.web.ferm")).contains("dport 443 mod conntrack ctorigdstport ! 8443");

        try (Topology topology = Topology.create(BRIDGE.network(), BRIDGE.containers());
             FermConfig ferm = FermConfig.write(bundle)) {
            BRIDGE.dockerRules().apply(topology.host(), IptablesBackend.LEGACY);
            ferm.apply(topology.host());

            assertThat(ScenarioRun.mismatches(topology, List.of(
                    new Expectation("the office reaches its published 8443",
                            Probe.toHost(Protocol.TCP, Addresses.ALLOWED_V4, 8443), Outcome.OPEN),
                    new Expectation("anyone else does not, though 8443 leads to the public container port 443",
                            Probe.toHost(Protocol.TCP, Addresses.DENIED_V4, 8443), Outcome.TIMEOUT),
                    new Expectation("everyone reaches the public container port 443 through 9443",
                            Probe.toHost(Protocol.TCP, Addresses.DENIED_V4, 9443), Outcome.OPEN))))
                    .isEmpty();
        }
    }
}
