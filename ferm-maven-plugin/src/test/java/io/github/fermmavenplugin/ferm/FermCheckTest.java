package io.github.fermmavenplugin.ferm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleLayout;
import io.github.fermmavenplugin.ferm.FermCheck.FermRejectedException;
import io.github.fermmavenplugin.ferm.FermCheck.FermTimeoutException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How FermCheck tells apart what can happen to {@code ferm --remote}: it prints the rules, refuses the bundle, or
 * does not answer. Stand-in executables play ferm where its real behaviour cannot be provoked.
 */
class FermCheckTest {

    private static final List<BundleFile> BUNDLE = List.of(new BundleFile(BundleLayout.FALLBACK_FILE,
            "domain ip table filter chain INPUT ACCEPT;\n".getBytes(StandardCharsets.UTF_8)));

    @TempDir
    Path dir;

    @Test
    void aFermThatDoesNotAnswerIsATimeoutNotARefusal() throws IOException {
        Path ferm = executable("exec sleep 30\n");

        assertThatThrownBy(() -> FermCheck.run(ferm, BUNDLE, Duration.ofSeconds(1)))
                .isInstanceOf(FermTimeoutException.class)
                .hasMessage("ferm --remote did not finish within 1 seconds, so the bundle could not be checked.");
    }

    @Test
    void aFermThatExitsWithAnErrorRefusesTheBundleWithItsOwnMessage() throws IOException {
        Path ferm = executable("echo \"Error in $PWD/ferm.d/99-docker.ferm line 1\" >&2\nexit 2\n");

        assertThatThrownBy(() -> FermCheck.run(ferm, BUNDLE))
                .isInstanceOf(FermRejectedException.class)
                .hasMessage("ferm refused the bundle (exit 2): Error in ferm.d/99-docker.ferm line 1");
    }

    @Test
    void theRealFermReadsTheBundleFilesBesideTheBaseConfig() {
        Path ferm = io.github.fermmavenplugin.testing.RealTools.ferm();

        assertThat(FermCheck.run(ferm, BUNDLE)).contains("-A INPUT --jump ACCEPT");
    }

    private Path executable(String body) throws IOException {
        Path script = dir.resolve("ferm");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
