package io.github.fermmavenplugin.e2e.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends probes through a {@link NetAgent} running in the outside namespace, all at once, and collects the outcomes.
 */
public final class ProbeClient implements AutoCloseable {

    /** A probe's outcome and the agent's words about it. */
    public record Result(Probe probe, Outcome outcome, String detail) {

        @Override
        public String toString() {
            return probe + " => " + outcome + " (" + detail + ")";
        }
    }

    private final Agents.Running agent;
    private final PrintWriter requests;

    public ProbeClient(NetworkNamespace outside) {
        this.agent = Agents.probe(outside);
        this.requests = new PrintWriter(new OutputStreamWriter(agent.process().getOutputStream(), StandardCharsets.UTF_8), true);
    }

    public Result probe(Probe probe, int timeoutMillis) {
        return probeAll(List.of(probe), timeoutMillis).get(probe);
    }

    /** Runs every probe concurrently; each either connects, is refused, or times out after {@code timeoutMillis}. */
    public synchronized Map<Probe, Result> probeAll(List<Probe> probes, int timeoutMillis) {
        List<Probe> distinct = probes.stream().distinct().toList();
        for (int id = 0; id < distinct.size(); id++) {
            Probe probe = distinct.get(id);
            requests.println(id + " " + probe.protocol().token() + " " + probe.source() + " " + probe.destination()
                    + " " + probe.port() + " " + timeoutMillis);
        }
        Result[] results = new Result[distinct.size()];
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                for (int answered = 0; answered < distinct.size(); answered++) {
                    String line = agent.output().readLine();
                    if (line == null) {
                        throw new IllegalStateException("probe agent ended early: "
                                + new String(agent.process().getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                    }
                    String[] parts = line.split(" ", 3);
                    int id = Integer.parseInt(parts[0]);
                    results[id] = new Result(distinct.get(id), Outcome.valueOf(parts[1]), parts.length > 2 ? parts[2] : "");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            // The agent bounds every attempt; this outer limit only guards against a hung agent.
            reading.get(timeoutMillis * 3L + 20_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("probe agent did not answer", e);
        }
        Map<Probe, Result> byProbe = new LinkedHashMap<>();
        for (Result result : results) {
            byProbe.put(result.probe(), result);
        }
        return byProbe;
    }

    @Override
    public void close() {
        requests.close();
        agent.close();
    }
}
