package io.github.fermmavenplugin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real Maven builds forked from a test, with the Maven that runs this build and the plugin under test as
 * {@code invoker:install} put it into {@code target/local-repo} (failsafe passes both, see the module's
 * pom). Each build gets the local repository the test names, so that a scratch one starts empty; the
 * invoker's and the user's local repositories are read-only tails behind it (Maven 3.9
 * {@code maven.repo.local.tail}), which keeps the forks from downloading what this build already has.
 */
public final class ForkedMaven {

    /** A hung build (a repository that never answers) ends the test instead of the CI job; a build here takes seconds. */
    private static final int BUILD_LIMIT_MINUTES = 10;

    private final Path mvn;
    private final String pluginVersion;
    private final List<Path> tails;

    private ForkedMaven(Path mvn, String pluginVersion, List<Path> tails) {
        this.mvn = mvn;
        this.pluginVersion = pluginVersion;
        this.tails = tails;
    }

    /** The build that runs this test, or the test skips (fails under -Dferm.tests.required=true) saying how to run it. */
    public static ForkedMaven ofThisBuild() {
        String home = System.getProperty("ferm.it.mavenHome", "");
        String version = System.getProperty("ferm.it.pluginVersion", "");
        String plugins = System.getProperty("ferm.it.pluginRepository", "");
        String user = System.getProperty("ferm.it.userRepository", "");
        if (home.isEmpty() || version.isEmpty() || plugins.isEmpty()) {
            RealTools.unavailable("this test forks Maven with the plugin that invoker:install puts into target/local-repo;"
                    + " run it in verify: ./mvnw -pl ferm-maven-plugin verify -Dit.test=TheTest"
                    + " -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.test=setup-parent");
        }
        Path pluginJar = Path.of(plugins, "io/github/fermmavenplugin/ferm-maven-plugin", version,
                "ferm-maven-plugin-" + version + ".jar");
        if (!Files.isRegularFile(pluginJar)) {
            throw new IllegalStateException("The plugin under test is not in " + plugins + " (no " + pluginJar
                    + "): invoker:install, bound before integration-test, puts it there; -Dinvoker.skip skips that too.");
        }
        return new ForkedMaven(Path.of(home, "bin", "mvn"), version,
                user.isEmpty() ? List.of(Path.of(plugins)) : List.of(Path.of(plugins), Path.of(user)));
    }

    public String pluginVersion() {
        return pluginVersion;
    }

    /** {@code mvn -B -ntp -s settings -Dmaven.repo.local=localRepository arguments...} in {@code directory}; the log is kept beside it. */
    public Run run(Path directory, Path settings, Path localRepository, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "-s", settings.toString(),
                "-Dmaven.repo.local=" + localRepository,
                "-Dmaven.repo.local.tail=" + String.join(",", tails.stream().map(Path::toString).toList())));
        command.addAll(List.of(arguments));
        Files.createDirectories(directory);
        Path log = directory.resolveSibling(directory.getFileName() + "-" + localRepository.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("MAVEN_ARGS");
        Process maven = builder.start();
        if (!maven.waitFor(BUILD_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly().waitFor();
            throw new IllegalStateException("Maven did not finish in " + BUILD_LIMIT_MINUTES + " minutes, so the test"
                    + " stopped it: " + String.join(" ", command) + "\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(String.join(" ", command), maven.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A finished build: its command line, exit code and console output. */
    public record Run(String command, int exitCode, String log) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** For an assertion's description: what ran, and how it ended. */
        public String describe() {
            return command + " exited " + exitCode + ":\n" + log;
        }
    }
}
