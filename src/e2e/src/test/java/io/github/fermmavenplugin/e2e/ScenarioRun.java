package io.github.fermmavenplugin.e2e;

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

    /** The mismatches, one line each with the probe's detail; empty when all expectations held. */
    static List<String> mismatches(Topology topology, List<Expectation> expectations) {
        Map<Probe, ProbeClient.Result> results = topology.probes().probeAll(
                expectations.stream().map(Expectation::probe).toList(), PROBE_TIMEOUT_MILLIS);
        return expectations.stream()
                .filter(expectation -> results.get(expectation.probe()).outcome() != expectation.outcome())
                .map(expectation -> expectation + ", was " + results.get(expectation.probe()))
                .collect(Collectors.toList());
    }
}
