package io.github.fermmavenplugin.e2e;

import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.DockerVersion;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import io.github.fermmavenplugin.policy.DockerMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scenarios the suite runs. Every Docker version meets the default bridge with DROP; the other axes (swarm,
 * user-defined bridge, REJECT, two services) are spread over the versions so that each value is covered without
 * running the full cross product.
 */
final class Matrix {

    static final String FILTER_PROPERTY = "ferm.e2e.scenario";

    private Matrix() {
    }

    static Stream<Scenario> scenarios() {
        Scenario.BundleSource plugin = new PipelineBundles();
        List<Scenario> all = new ArrayList<>();
        for (DockerVersion version : DockerVersion.values()) {
            all.add(new Scenario(version, DockerMode.BRIDGE, BridgeNetwork.DOCKER0, FallbackAction.DROP, false, plugin));
        }
        all.add(new Scenario(DockerVersion.DOCKER_28, DockerMode.BRIDGE, BridgeNetwork.DOCKER0, FallbackAction.REJECT, false, plugin));
        all.add(new Scenario(DockerVersion.DOCKER_27, DockerMode.SWARM, BridgeNetwork.GWBRIDGE, FallbackAction.DROP, false, plugin));
        all.add(new Scenario(DockerVersion.DOCKER_28, DockerMode.SWARM, BridgeNetwork.GWBRIDGE, FallbackAction.DROP, true, plugin));
        all.add(new Scenario(DockerVersion.DOCKER_29, DockerMode.SWARM, BridgeNetwork.GWBRIDGE, FallbackAction.REJECT, false, plugin));
        all.add(new Scenario(DockerVersion.DOCKER_27, DockerMode.BRIDGE, BridgeNetwork.USER_DEFINED, FallbackAction.REJECT, true, plugin));
        all.add(new Scenario(DockerVersion.DOCKER_29, DockerMode.BRIDGE, BridgeNetwork.DOCKER0, FallbackAction.DROP, true, plugin));
        // The hand-written reference bundle, so a failure can be pinned on the plugin or on the harness.
        all.add(new Scenario(DockerVersion.DOCKER_28, DockerMode.BRIDGE, BridgeNetwork.DOCKER0, FallbackAction.DROP, false,
                new HandWrittenBundles()));
        return filtered(all);
    }

    static Stream<Scenario> filtered(List<Scenario> scenarios) {
        String wanted = System.getProperty(FILTER_PROPERTY, "");
        return scenarios.stream().filter(scenario -> scenario.name().contains(wanted));
    }
}
