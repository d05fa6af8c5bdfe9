package io.github.fermmavenplugin.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The image every real container runs, without a registry: {@code docker import} of a root file system the
 * test builds, that holds nothing but mount points and the merged-/usr links. The container gets the machine's
 * {@code /usr} (and so its JDK) and the test classes read-only, and runs {@link NetAgent}'s echo servers: the
 * same agent that answers the probes in the simulated scenarios.
 */
public final class AgentImage {

    public static final String NAME = "ferm-e2e-agent:1";
    /** How often to read a container's log for the agent's "ready", and the pause between reads. */
    private static final int READY_ATTEMPTS = 150;
    private static final long READY_PAUSE_MILLIS = 200;

    private AgentImage() {
    }

    public static void importInto(DockerDaemon daemon) {
        Path rootfs = daemon.directory().resolve("rootfs");
        try {
            for (String dir : List.of("usr", "tmp", "proc", "sys", "dev", "etc", classes().toString().substring(1),
                    javaHome().toString().substring(1))) {
                Files.createDirectories(rootfs.resolve(dir));
            }
            for (String link : List.of("bin", "lib", "lib64", "sbin")) {
                Files.createSymbolicLink(rootfs.resolve(link), Path.of("usr", link));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path tar = daemon.directory().resolve("rootfs.tar");
        ProcessRunner.run(List.of("tar", "--numeric-owner", "-C", rootfs.toString(), "-cf", tar.toString(), ".")).orThrow();
        daemon.docker("import", tar.toString(), NAME);
    }

    /**
     * {@code docker run} of one agent container, restarted with the daemon, with the given publications
     * ({@code -p HOST:CONTAINER[/udp]}) and listeners; returns once every listener is bound.
     */
    public static void run(DockerDaemon daemon, String name, List<String> runOptions, List<Container.Listener> listeners) {
        List<String> command = new ArrayList<>(List.of("run", "--detach", "--interactive", "--restart", "always",
                "--name", name,
                "--volume", "/usr:/usr:ro",
                "--volume", javaHome() + ":" + javaHome() + ":ro",
                "--volume", classes() + ":" + classes() + ":ro"));
        command.addAll(runOptions);
        command.addAll(List.of(NAME, javaHome().resolve("bin/java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xss256k", "-cp", classes().toString(),
                NetAgent.class.getName(), "serve"));
        listeners.forEach(listener -> command.add(listener.agentArgument()));
        daemon.docker(command.toArray(String[]::new));
        awaitReady(daemon, name, 1);
    }

    /** Waits until the container's log says "ready" {@code times} times (once per start of the agent). */
    public static void awaitReady(DockerDaemon daemon, String name, int times) {
        String last = "";
        for (int attempt = 0; attempt < READY_ATTEMPTS; attempt++) {
            ProcessRunner.Result logs = daemon.tryDocker("logs", name);
            last = logs.stdout() + logs.stderr();
            if (last.lines().filter("ready"::equals).count() >= times) {
                return;
            }
            DockerDaemon.pause(READY_PAUSE_MILLIS);
        }
        throw new IllegalStateException("container " + name + " on " + daemon + " never said ready " + times
                + " times; its log:\n" + last + "\ninspect: " + daemon.tryDocker("inspect", name).stdout());
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private static Path classes() {
        try {
            return Path.of(NetAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
