package io.github.fermmavenplugin.e2e;

import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.Probe;
import io.github.fermmavenplugin.e2e.harness.ProbeClient;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.net.IpFamily;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Helpers shared by the end-to-end tests: run a list of expectations and say every mismatch at once.
 */
final class ScenarioRun {

    /** Long enough for a local round trip many times over; a dropped probe costs exactly this. */
    static final int PROBE_TIMEOUT_MILLIS = 1500;

    private ScenarioRun() {
    }

    static final boolean VERBOSE = Boolean.getBoolean("ferm.e2e.verbose");

    /** With {@code -Dferm.e2e.verbose=true}: the host's rules as the kernel holds them. */
    static void printIfVerbose(Topology topology) {
        if (VERBOSE) {
            for (IpFamily family : IpFamily.values()) {
                System.out.println("=== " + topology.id() + " " + family + " iptables-save after ferm:\n"
                        + topology.host().exec(IptablesBackend.LEGACY.tool(family, "-save")).stdout());
            }
        }
    }

    /** The mismatches, one line each with the probe's detail; empty when all expectations held. */
    static List<String> mismatches(Topology topology, List<Expectation> expectations) {
        Map<Probe, ProbeClient.Result> results = topology.probes().probeAll(
                expectations.stream().map(Expectation::probe).toList(), PROBE_TIMEOUT_MILLIS);
        if (VERBOSE) {
            results.values().forEach(result -> System.out.println("  probe " + result));
        }
        return expectations.stream()
                .filter(expectation -> results.get(expectation.probe()).outcome() != expectation.outcome())
                .map(expectation -> expectation + ", was " + results.get(expectation.probe()))
                .collect(Collectors.toList());
    }
}
