package io.github.fermmavenplugin.e2e.harness;

import io.github.fermmavenplugin.net.IpFamily;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real {@code dockerd} running inside the host namespace of a {@link Topology}, with everything of its own
 * under one temporary directory: data root, exec root, pid file, unix socket, daemon.json, and a {@code bin/}
 * whose {@code iptables} tools are those of the backend under test. It never talks to a Docker of the machine.
 *
 * <p>{@link #close()} removes the containers, stops dockerd by its PID, then ends by PID whatever is left that
 * was started from this directory (containerd, shims), unmounts what dockerd mounted there and deletes it.
 */
public final class DockerDaemon implements AutoCloseable {

    /** How often to ask whether the daemon answers, and how long to wait between asks. */
    private static final int READY_ATTEMPTS = 150;
    private static final long READY_PAUSE_MILLIS = 200;
    private static final Duration DOCKER_COMMAND_LIMIT = Duration.ofSeconds(60);
    private static final long STOP_LIMIT_SECONDS = 30;

    private final DockerDistribution distribution;
    private final NetworkNamespace host;
    private final IptablesBackend backend;
    private final Path directory;
    private Process dockerd;

    private DockerDaemon(DockerDistribution distribution, NetworkNamespace host, IptablesBackend backend, Path directory) {
        this.distribution = distribution;
        this.host = host;
        this.backend = backend;
        this.directory = directory;
    }

    /** Starts the daemon with IPv6 and ip6tables on and waits until it answers. */
    public static DockerDaemon start(DockerDistribution distribution, NetworkNamespace host, IptablesBackend backend) {
        Path directory;
        try {
            directory = Files.createTempDirectory("docker-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DockerDaemon daemon = new DockerDaemon(distribution, host, backend, directory);
        try {
            daemon.prepare();
            daemon.launch();
            return daemon;
        } catch (RuntimeException | Error e) {
            daemon.close();
            throw e;
        }
    }

    public DockerDistribution distribution() {
        return distribution;
    }

    public IptablesBackend backend() {
        return backend;
    }

    public Path directory() {
        return directory;
    }

    private void prepare() {
        try {
            Path bin = Files.createDirectories(directory.resolve("bin"));
            for (IpFamily family : IpFamily.values()) {
                for (String variant : List.of("", "-save", "-restore")) {
                    Path tool = Environment.locate(backend.tool(family, variant)).orElseThrow();
                    Files.createSymbolicLink(bin.resolve(IptablesBackend.command(family) + variant), tool);
                }
            }
            Files.createSymbolicLink(bin.resolve("runc"), DockerDistribution.runc());
            Files.writeString(directory.resolve("daemon.json"), daemonJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** IPv6 on the default bridge, with Docker's ip6tables rules; experimental where ip6tables still needs it. */
    private String daemonJson() {
        BridgeNetwork docker0 = BridgeNetwork.DOCKER0;
        return "{\n"
                + "  \"storage-driver\": \"overlay2\",\n"
                + "  \"bip\": \"" + docker0.gatewayV4() + "/16\",\n"
                + "  \"ipv6\": true,\n"
                + "  \"fixed-cidr-v6\": \"" + docker0.subnetV6() + "\",\n"
                + "  \"ip6tables\": true,\n"
                + "  \"experimental\": " + distribution.ip6tablesNeedsExperimental() + "\n"
                + "}\n";
    }

    private void launch() {
        List<String> path = new ArrayList<>();
        path.add(directory.resolve("bin").toString());
        distribution.binaries().forEach(p -> path.add(p.toString()));
        path.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        List<String> command = List.of("nsenter", "--net=/run/netns/" + host.name(),
                "env", "PATH=" + String.join(":", path),
                distribution.dockerd().toString(),
                "--config-file", directory.resolve("daemon.json").toString(),
                "--data-root", directory.resolve("data").toString(),
                "--exec-root", directory.resolve("exec").toString(),
                "--pidfile", directory.resolve("docker.pid").toString(),
                "--host", "unix://" + socket());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("dockerd.log").toFile()));
        try {
            dockerd = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + distribution.dockerd(), e);
        }
        awaitReady();
    }

    private Path socket() {
        return directory.resolve("docker.sock");
    }

    private void awaitReady() {
        String expected = distribution.version();
        for (int attempt = 0; attempt < READY_ATTEMPTS; attempt++) {
            if (!dockerd.isAlive()) {
                throw new IllegalStateException(distribution.label() + " exited with " + dockerd.exitValue()
                        + ":\n" + log());
            }
            ProcessRunner.Result version = tryDocker("version", "--format", "{{.Server.Version}}");
            if (version.succeeded()) {
                if (!version.stdout().strip().startsWith(expected)) {
                    throw new IllegalStateException("expected Docker " + expected + ", the daemon says " + version.stdout());
                }
                return;
            }
            pause(READY_PAUSE_MILLIS);
        }
        throw new IllegalStateException(distribution.label() + " did not answer after " + READY_ATTEMPTS
                + " attempts:\n" + log());
    }

    /** The daemon's log so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(directory.resolve("dockerd.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Runs the docker CLI against this daemon; throws with its words when it fails. */
    public ProcessRunner.Result docker(String... arguments) {
        return tryDocker(arguments).orThrow();
    }

    public ProcessRunner.Result tryDocker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("env", "DOCKER_HOST=unix://" + socket(),
                "DOCKER_CONFIG=" + directory.resolve("client"), distribution.docker().toString()));
        command.addAll(List.of(arguments));
        return ProcessRunner.run(command, null, DOCKER_COMMAND_LIMIT);
    }

    /** Stops dockerd (as {@code systemctl restart docker} does) and starts it again on the same state. */
    public void restart() {
        stopDaemon();
        launch();
    }

    private void stopDaemon() {
        if (dockerd == null || !dockerd.isAlive()) {
            return;
        }
        dockerd.destroy();
        try {
            if (!dockerd.waitFor(STOP_LIMIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                dockerd.destroyForcibly();
                dockerd.waitFor();
            }
        } catch (InterruptedException e) {
            dockerd.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (dockerd != null && dockerd.isAlive()) {
            ProcessRunner.Result containers = tryDocker("ps", "-aq");
            if (containers.succeeded() && !containers.stdout().isBlank()) {
                List<String> remove = new ArrayList<>(List.of("rm", "-f"));
                remove.addAll(List.of(containers.stdout().strip().split("\\s+")));
                tryDocker(remove.toArray(String[]::new));
            }
            tryDocker("swarm", "leave", "--force");
        }
        stopDaemon();
        killStartedFromHere();
        unmountUnderDirectory();
        deleteDirectory();
    }

    /** containerd and the shims outlive a killed dockerd; each names this directory on its command line. */
    private void killStartedFromHere() {
        String marker = directory.toString();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(process -> process.info().arguments().stream().flatMap(Stream::of).anyMatch(a -> a.contains(marker)))
                    .forEach(process -> {
                        process.descendants().forEach(ProcessHandle::destroyForcibly);
                        process.destroyForcibly();
                    });
        }
    }

    private void unmountUnderDirectory() {
        try {
            List<String> mounts = Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                    .map(line -> line.split(" ")[1])
                    .filter(mountPoint -> mountPoint.startsWith(directory.toString()))
                    .sorted(Comparator.reverseOrder())
                    .toList();
            for (String mountPoint : mounts) {
                ProcessRunner.run(List.of("umount", "-l", mountPoint));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return distribution.label() + " on " + backend.name().toLowerCase() + " in " + host;
    }
}
