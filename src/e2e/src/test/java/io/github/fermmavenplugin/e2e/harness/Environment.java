package io.github.fermmavenplugin.e2e.harness;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether this machine can run the end-to-end suite: root (for network namespaces), and the
 * {@code ip}, {@code ferm} and iptables tools of both backends. Missing pieces skip the tests with the
 * reason printed, unless {@code -Dferm.tests.required=true} makes them mandatory (CI).
 */
public final class Environment {

    public static final String REQUIRED_PROPERTY = "ferm.tests.required";

    private static final List<String> TOOLS = List.of("ip", "ferm", "unshare", "nsenter",
            "iptables-legacy", "iptables-legacy-save", "iptables-legacy-restore",
            "ip6tables-legacy", "ip6tables-legacy-save", "ip6tables-legacy-restore",
            "iptables-nft", "iptables-nft-save", "iptables-nft-restore",
            "ip6tables-nft", "ip6tables-nft-save", "ip6tables-nft-restore");

    private static volatile Optional<String> cachedProblem;
    private static volatile boolean skipAnnounced;

    private Environment() {
    }

    /** Skips (or, when required, fails) the calling test if the machine cannot run it. */
    public static void assumeReady() {
        assume(problem());
    }

    /** Skips (or, when required, fails) the calling test if {@code problem} names something missing. */
    public static void assume(Optional<String> problem) {
        if (problem.isEmpty()) {
            return;
        }
        String reason = "end-to-end firewall tests need " + problem.get();
        if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
            fail(reason + " (and -D" + REQUIRED_PROPERTY + "=true makes them mandatory)");
        }
        if (!skipAnnounced) {
            skipAnnounced = true;
            System.out.println("SKIPPED: " + reason);
        }
        assumeTrue(false, reason);
    }

    private static Optional<String> problem() {
        Optional<String> known = cachedProblem;
        if (known == null) {
            known = detectProblem();
            cachedProblem = known;
        }
        return known;
    }

    private static Optional<String> detectProblem() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("Linux (network namespaces), this is " + System.getProperty("os.name"));
        }
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            if (locate(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of("these tools on PATH or in /usr/sbin, missing: " + String.join(", ", missing));
        }
        ProcessRunner.Result id = ProcessRunner.run(List.of("id", "-u"));
        if (!id.succeeded() || !id.stdout().strip().equals("0")) {
            return Optional.of("root (to create network namespaces); running as uid " + id.stdout().strip());
        }
        return namespacesUnavailable();
    }

    /** uid 0 is not enough in a rootless container: try to make (and remove) a namespace. */
    private static Optional<String> namespacesUnavailable() {
        String name = "fe2e-check-" + ProcessHandle.current().pid();
        ProcessRunner.Result add = ProcessRunner.run(List.of("ip", "netns", "add", name));
        ProcessRunner.run(List.of("ip", "netns", "delete", name));
        if (!add.succeeded()) {
            return Optional.of("permission to create network namespaces; 'ip netns add' said: " + add.stderr().strip());
        }
        return Optional.empty();
    }

    /** Where an executable lives; ferm itself searches /usr/sbin and /sbin before PATH. */
    public static Optional<Path> locate(String tool) {
        List<String> directories = new ArrayList<>(List.of("/usr/sbin", "/sbin"));
        directories.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return directories.stream()
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
