package io.github.fermmavenplugin.ferm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Has the real {@code ferm} read a bundle, beside a base {@code ferm.conf} that includes it, in
 * {@code --remote} mode: it prints the iptables-restore input it would load, needs no root and
 * touches no firewall.
 */
public final class FermCheck {

    /** Debian installs ferm in /usr/sbin, which is not on every user's PATH. */
    private static final List<Path> SYSTEM_DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/sbin"));
    private static final long TIMEOUT_SECONDS = 60;

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

    /**
     * @param files bundle file names ({@code ferm.d/...}) to content
     * @return the iptables-restore lines ferm prints for both domains
     * @throws FermRejectedException when ferm refuses the configuration, with ferm's own message
     */
    public static String run(Path ferm, Map<String, String> files) {
        Path work = null;
        try {
            work = Files.createTempDirectory("ferm-check");
            Path config = work.resolve("ferm.conf");
            Files.writeString(config, baseConfig());
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = work.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            return execute(ferm, config, work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + ferm, e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static String execute(Path ferm, Path config, Path work) throws IOException {
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(ferm.toString(), "--remote", "--lines", config.toString())
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new FermRejectedException("ferm did not finish within " + TIMEOUT_SECONDS + " seconds");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FermRejectedException("interrupted while waiting for ferm");
        }
        String errors = Files.readString(err).strip();
        if (process.exitValue() != 0) {
            throw new FermRejectedException("ferm refused the bundle (exit " + process.exitValue() + "): "
                    + errors.replace(work + "/", ""));
        }
        return Files.readString(out);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is no reason to fail the build.
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
