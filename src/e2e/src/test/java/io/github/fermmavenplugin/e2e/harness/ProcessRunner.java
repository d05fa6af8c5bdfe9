package io.github.fermmavenplugin.e2e.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command with a hard time limit and captures what it printed.
 */
public final class ProcessRunner {

    private static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);

    /** What a finished command left behind. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** Returns this result, or throws with the command's own words when it failed. */
        public Result orThrow() {
            if (!succeeded()) {
                throw new IllegalStateException("command failed with exit code " + exitCode + ": "
                        + String.join(" ", command) + "\nstdout: " + stdout + "\nstderr: " + stderr);
            }
            return this;
        }
    }

    private ProcessRunner() {
    }

    public static Result run(List<String> command) {
        return run(command, null, DEFAULT_LIMIT);
    }

    public static Result run(List<String> command, String stdin) {
        return run(command, stdin, DEFAULT_LIMIT);
    }

    public static Result run(List<String> command, String stdin, Duration limit) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The command may exit without reading its input; its exit code tells the story.
        }
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("command did not finish within " + limit + ": " + String.join(" ", command));
            }
            return new Result(List.copyOf(command), process.exitValue(), stdout.join(), stderr.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
