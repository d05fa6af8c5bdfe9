package io.github.fermmavenplugin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A ferm configuration directory as on a host: the base {@code ferm.conf} (ending in {@code @include ferm.d/;})
 * and the bundle extracted into {@code ferm.d/}. Deleted on {@link #close()}.
 */
final class FermConfig implements AutoCloseable {

    private final Path directory;

    private FermConfig(Path directory) {
        this.directory = directory;
    }

    static FermConfig write(Bundle bundle) {
        try {
            Path directory = Files.createTempDirectory("ferm-e2e-");
            Files.writeString(directory.resolve("ferm.conf"), Bundle.resource("ferm.conf"));
            Path fermD = Files.createDirectory(directory.resolve("ferm.d"));
            for (Map.Entry<String, String> file : bundle.files().entrySet()) {
                Files.writeString(fermD.resolve(file.getKey()), file.getValue());
            }
            return new FermConfig(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path conf() {
        return directory.resolve("ferm.conf");
    }

    /** Applies the configuration with the real ferm inside {@code host}, as {@code systemctl reload ferm} would. */
    void apply(NetworkNamespace host) {
        host.exec("ferm", conf().toString());
    }

    /**
     * Applies the configuration with ferm unable to see the {@code -legacy} tools, so that it falls back to the
     * system's {@code iptables} (nft on this machine): a bind mount of a non-executable file over the legacy
     * multi-call binary, inside a private mount namespace that ends with the command. Nothing on the machine
     * outside that one ferm process sees the change.
     */
    void applyWithoutLegacyTools(NetworkNamespace host) {
        try {
            Path legacyBinary = Environment.locate("iptables-legacy").orElseThrow().toRealPath();
            Path notExecutable = Files.writeString(directory.resolve("not-executable"), "");
            host.exec("unshare", "--mount", "--propagation", "private", "sh", "-c",
                    "mount --bind \"$1\" \"$2\" && exec ferm \"$3\"", "sh",
                    notExecutable.toString(), legacyBinary.toString(), conf().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The iptables-restore lines ferm would load, without touching the kernel: {@code ferm --remote --lines}.
     * Needs no root, so it also shows what a bundle creates.
     */
    List<String> remoteLines() {
        ProcessRunner.Result result = ProcessRunner.run(
                List.of("ferm", "--remote", "--noexec", "--lines", conf().toString())).orThrow();
        return result.stdout().lines().toList();
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
