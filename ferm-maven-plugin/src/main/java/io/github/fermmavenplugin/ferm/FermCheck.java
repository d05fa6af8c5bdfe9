package io.github.fermmavenplugin.ferm;

import io.github.fermmavenplugin.bundle.BundleDirectory;
import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Has the real {@code ferm} read a bundle, beside a base {@code ferm.conf} that includes it, in
 * {@code --remote} mode: it prints the iptables-restore input it would load, needs no root and
 * touches no firewall.
 */
public final class FermCheck {

    /** Debian installs ferm in /usr/sbin, which is not on every user's PATH. */
    private static final List<Path> SYSTEM_DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/sbin"));
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String BASE_CONFIG = "ferm.conf";
    /** How a base config takes the bundles in: relative, so that the check reads this bundle, not the machine's. */
    private static final Pattern INCLUDES_BUNDLES = Pattern.compile("(?m)^\\s*@include\\s+([\"']?)ferm\\.d/?\\1\\s*;");
    /** ferm's words when the base config fills a chain the bundle preserves (Debian's stock FORWARD). */
    private static final Pattern NOT_EMPTY = Pattern.compile("Cannot @preserve chain (\\S+) because it is not empty");

    private FermCheck() {
    }

    /** The base configuration the bundles plug into, as ops keep it in /etc/ferm/ferm.conf. */
    public static String baseConfig() {
        try (InputStream in = FermCheck.class.getResourceAsStream("ferm.conf")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ferm executable on PATH, or in the system directories Debian puts it in. */
    public static Optional<Path> findExecutable(String path) {
        List<Path> directories = new ArrayList<>();
        if (path != null) {
            Stream.of(path.split(java.io.File.pathSeparator)).filter(d -> !d.isEmpty()).map(Path::of)
                    .forEach(directories::add);
        }
        directories.addAll(SYSTEM_DIRECTORIES);
        return directories.stream().map(d -> d.resolve("ferm")).filter(Files::isExecutable).findFirst();
    }

    /** The check's command line for the build log; it runs in a temporary copy of /etc/ferm holding the bundle. */
    public static String commandLine(Path ferm) {
        return String.join(" ", command(ferm, Path.of(BASE_CONFIG)));
    }

    private static List<String> command(Path ferm, Path config) {
        return List.of(ferm.toString(), "--remote", "--lines", config.toString());
    }

    /**
     * @param files the bundle's files, as they would be extracted into /etc/ferm
     * @return the iptables-restore lines ferm prints for both domains
     * @throws FermRejectedException when ferm refuses the configuration, with ferm's own message
     * @throws FermTimeoutException when ferm does not finish within 60 seconds
     */
    public static String run(Path ferm, List<BundleFile> files) {
        return run(ferm, files, TIMEOUT);
    }

    /**
     * Checks the bundle inside a host's own base configuration instead of the plugin's: what ferm would do with
     * both on that host. ferm runs the backticks of that file, as it would on the host.
     *
     * @throws InvalidInputException when ferm refuses the two together: the host's base config must change
     */
    public static String run(Path ferm, List<BundleFile> files, UserFile hostBaseConfig) {
        SourcePosition whole = SourcePosition.wholeFile(hostBaseConfig.path());
        if (!INCLUDES_BUNDLES.matcher(hostBaseConfig.text()).find()) {
            throw new InvalidInputException(whole, "the base config has no line '@include ferm.d/;', so ferm would"
                    + " not read the bundle beside it", "Add '@include ferm.d/;' after its own rules, relative to"
                    + " /etc/ferm, as Debian's stock ferm.conf has it.");
        }
        try {
            return run(ferm, files, hostBaseConfig.text(), TIMEOUT);
        } catch (FermRejectedException e) {
            Matcher notEmpty = NOT_EMPTY.matcher(e.getMessage());
            if (notEmpty.find()) {
                String chain = notEmpty.group(1);
                throw new InvalidInputException(whole, "the base config gives chain " + chain + " rules or a policy"
                        + " of its own, so ferm refuses to keep Docker's (" + notEmpty.group() + ") and would load"
                        + " nothing on this host", "Remove chain " + chain + "'s rules and policy from the base"
                        + " config (Debian's stock ferm.conf has them, in table filter): Docker fills " + chain
                        + " and the bundle keeps it (see the README, Installing a bundle on a host).");
            }
            throw new InvalidInputException(whole, "ferm refuses this base config with the bundle: "
                    + e.getMessage(), "Check that the base config loads on its own (ferm --remote --lines), and"
                    + " that it leaves Docker's chains and DOCKER-USER to Docker and the bundle.");
        }
    }

    static String run(Path ferm, List<BundleFile> files, Duration timeout) {
        return run(ferm, files, baseConfig(), timeout);
    }

    static String run(Path ferm, List<BundleFile> files, String baseConfig, Duration timeout) {
        Path work = null;
        try {
            work = Files.createTempDirectory("ferm-check");
            Path etc = work.resolve("etc");
            List<BundleFile> tree = new ArrayList<>(files);
            tree.add(new BundleFile(BASE_CONFIG, baseConfig.getBytes(StandardCharsets.UTF_8)));
            BundleDirectory.write(tree, etc);
            return execute(ferm, etc.resolve(BASE_CONFIG), work, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + ferm, e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static String execute(Path ferm, Path config, Path work, Duration timeout) throws IOException {
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command(ferm, config))
                .directory(config.getParent().toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new FermTimeoutException("ferm --remote did not finish within " + timeout.toSeconds()
                        + " seconds, so the bundle could not be checked.");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FermTimeoutException("The build was interrupted while ferm --remote checked the bundle.");
        }
        String errors = Files.readString(err).strip();
        if (process.exitValue() != 0) {
            throw new FermRejectedException("ferm refused the bundle (exit " + process.exitValue() + "): "
                    + errors.replace(config.getParent() + "/", ""));
        }
        return Files.readString(out);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            BundleDirectory.delete(directory);
        } catch (IOException e) {
            // A leftover temporary directory is no reason to fail the build.
        }
    }

    /** ferm did not answer in time: the machine is slow or loaded, not the bundle wrong. */
    public static final class FermTimeoutException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FermTimeoutException(String message) {
            super(message);
        }
    }

    /** ferm would not load the bundle: a defect of ours or of this ferm, never to be shipped. */
    public static final class FermRejectedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FermRejectedException(String message) {
            super(message);
        }
    }
}
