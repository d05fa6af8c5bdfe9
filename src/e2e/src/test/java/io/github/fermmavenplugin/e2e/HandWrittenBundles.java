package io.github.fermmavenplugin.e2e;

import io.github.fermmavenplugin.e2e.harness.Bundle;
import io.github.fermmavenplugin.policy.DockerMode;

/**
 * Bundles written by hand in the test resources, in the shape the plugin emits: a reference that does not depend
 * on the plugin, so that a failure can be told apart as "the bundle is wrong" or "the harness is wrong".
 */
final class HandWrittenBundles implements Scenario.BundleSource {

    @Override
    public String label() {
        return "hand-written";
    }

    @Override
    public Bundle render(Scenario scenario, String service) {
        String bridge = scenario.network().bridge();
        String action = scenario.action().name();
        return switch (service) {
            case "web" -> Bundle.handWritten(scenario.mode() == DockerMode.SWARM ? "web-swarm" : "web-bridge",
                    "20-in.docker.web.ferm", "20-in.web.ferm", bridge, action);
            case "api" -> Bundle.handWritten("api-bridge", "20-in.docker.api.ferm", null, bridge, action);
            default -> throw new IllegalArgumentException("no hand-written bundle for " + service);
        };
    }
}
