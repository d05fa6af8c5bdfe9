package io.github.fermmavenplugin.e2e.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts {@link NetAgent} in a namespace as a separate JVM (threads cannot change namespace; processes can).
 */
public final class Agents {

    private static final long START_LIMIT_SECONDS = 20;

    private Agents() {
    }

    /** A running agent; closing it ends the process. */
    public static final class Running implements AutoCloseable {

        private final Process process;
        private final BufferedReader output;

        private Running(Process process) {
            this.process = process;
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        public Process process() {
            return process;
        }

        public BufferedReader output() {
            return output;
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // Already gone.
            }
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts echo servers on the given {@code tcp:PORT} / {@code udp:PORT} listeners and waits until they are bound. */
    public static Running serve(NetworkNamespace namespace, List<String> listeners) {
        List<String> arguments = new ArrayList<>(List.of("serve"));
        arguments.addAll(listeners);
        Running agent = start(namespace, arguments);
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return agent.output().readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String line = firstLine.get(START_LIMIT_SECONDS, TimeUnit.SECONDS);
            if (!"ready".equals(line)) {
                agent.close();
                throw new IllegalStateException("agent in " + namespace + " did not start: " + line + " "
                        + new String(agent.process().getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return agent;
        } catch (InterruptedException | ExecutionException | TimeoutException | IOException e) {
            agent.close();
            throw new IllegalStateException("agent in " + namespace + " did not start", e);
        }
    }

    public static Running probe(NetworkNamespace namespace) {
        return start(namespace, List.of("probe"));
    }

    private static Running start(NetworkNamespace namespace, List<String> arguments) {
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xss256k",
                "-cp", classpath(), NetAgent.class.getName()));
        java.addAll(arguments);
        try {
            return new Running(new ProcessBuilder(namespace.command(java)).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the agent in " + namespace, e);
        }
    }

    private static String classpath() {
        try {
            return Path.of(NetAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
