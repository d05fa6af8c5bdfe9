package io.github.fermmavenplugin.e2e.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * A Linux network namespace created for one scenario and deleted on {@link #close()}, together with any
 * process still running in it.
 */
public final class NetworkNamespace implements AutoCloseable {

    private final String name;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    public static NetworkNamespace create(String name) {
        ProcessRunner.run(List.of("ip", "netns", "add", name)).orThrow();
        NetworkNamespace namespace = new NetworkNamespace(name);
        try {
            namespace.exec("ip", "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            namespace.close();
            throw e;
        }
        return namespace;
    }

    public String name() {
        return name;
    }

    /** The command line that runs {@code command} inside this namespace. */
    public List<String> command(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(command);
        return full;
    }

    public ProcessRunner.Result exec(String... command) {
        return ProcessRunner.run(command(List.of(command))).orThrow();
    }

    public ProcessRunner.Result tryExec(String... command) {
        return ProcessRunner.run(command(List.of(command)));
    }

    public ProcessRunner.Result execWithInput(String stdin, String... command) {
        return ProcessRunner.run(command(List.of(command)), stdin).orThrow();
    }

    public void sysctl(String key, String value) {
        exec("sysctl", "-q", "-w", key + "=" + value);
    }

    @Override
    public void close() {
        ProcessRunner.Result pids = ProcessRunner.run(List.of("ip", "netns", "pids", name));
        if (pids.succeeded()) {
            for (String pid : pids.stdout().strip().split("\\s+")) {
                if (!pid.isEmpty()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
        ProcessRunner.run(List.of("ip", "netns", "delete", name));
    }

    @Override
    public String toString() {
        return name;
    }
}
