package io.github.fermmavenplugin.e2e;

import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.Bundle;
import io.github.fermmavenplugin.e2e.harness.DockerDistribution;
import io.github.fermmavenplugin.e2e.harness.Environment;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import java.util.Locale;

/** What the real-daemon scenarios share: their preconditions and the bundles they load. */
final class RealDocker {

    private RealDocker() {
    }

    /** Root, the tools, the unpacked daemon and the ferm of {@code setup}: else skip, or fail when required. */
    static void assumeReady(DockerDistribution distribution, HostSetup setup) {
        Environment.assumeReady();
        Environment.assume(distribution.problem().map(p -> "the real Docker daemon " + p));
        Environment.assume(setup.ferm().problem());
        Environment.assume(setup.ferm().defaultBackend() == setup.backend() ? java.util.Optional.empty()
                : java.util.Optional.of(setup.ferm().label() + " on " + setup.backend() + ", but /usr/sbin/iptables is "
                        + setup.ferm().defaultBackend()));
    }

    /** The web bundle on docker0 and the api bundle on {@link RealHost#API_NETWORK}, both with DROP, in one ferm.d. */
    static Bundle webAndApiBundles() {
        return webAndApiBundles(FallbackAction.DROP);
    }

    static Bundle webAndApiBundles(FallbackAction action) {
        return webAndApiBundles(action, "");
    }

    /** @param dockerSettings more lines of both descriptors' docker: section, indented by two spaces */
    static Bundle webAndApiBundles(FallbackAction action, String dockerSettings) {
        return Bundle.compose(bundle("web", BridgeNetwork.DOCKER0, action, dockerSettings),
                bundle("api", RealHost.API_NETWORK, action, dockerSettings));
    }

    private static Bundle bundle(String service, BridgeNetwork network, FallbackAction action, String dockerSettings) {
        String descriptor = Bundle.resource("descriptors/" + service + "/firewall-bridge.yaml")
                .replace("@BRIDGE@", network.bridge())
                .replace("@ACTION@", action.name().toLowerCase(Locale.ROOT))
                .replace("\ndocker:\n", "\ndocker:\n" + dockerSettings);
        return PipelineBundles.render(service, descriptor, Bundle.resource("descriptors/" + service + "/Dockerfile"));
    }
}
