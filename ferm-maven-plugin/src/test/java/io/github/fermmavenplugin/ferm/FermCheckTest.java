package io.github.fermmavenplugin.ferm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleLayout;
import io.github.fermmavenplugin.ferm.FermCheck.FermRejectedException;
import io.github.fermmavenplugin.ferm.FermCheck.FermTimeoutException;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.testing.Images;
import io.github.fermmavenplugin.testing.Policies;
import io.github.fermmavenplugin.testing.RealTools;
import io.github.fermmavenplugin.testing.TempFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** Debian's stock ferm.conf fills FORWARD: the check with it says so, and what to change, not ferm's riddle. */
    @Test
    void aBaseConfigThatFillsForwardIsRefusedWithTheFix() {
        UserFile stock = debiansStockFermConf();

        assertThatThrownBy(() -> FermCheck.run(RealTools.ferm(), serviceBundle(), stock))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(stock.path() + ": the base config gives chain FORWARD rules or a policy of its own, so"
                        + " ferm refuses to keep Docker's (Cannot @preserve chain FORWARD because it is not empty)"
                        + " and would load nothing on this host. Remove chain FORWARD's rules and policy from the"
                        + " base config (Debian's stock ferm.conf has them, in table filter): Docker fills FORWARD and"
                        + " the bundle keeps it (see the README, Installing a bundle on a host).");
    }

    /** Where ferm itself points, in 00-docker.ferm, the comment just above says what is wrong. */
    @Test
    void fermsOwnErrorPointsAtTheCommentThatExplainsIt() throws IOException {
        String stock = debiansStockFermConf().text();
        List<BundleFile> bundle = serviceBundle();

        FermRejectedException refusal = org.junit.jupiter.api.Assertions.assertThrows(FermRejectedException.class,
                () -> FermCheck.run(RealTools.ferm(), bundle, stock, Duration.ofSeconds(60)));
        Matcher where = Pattern.compile("Error in ferm\\.d/00-docker\\.ferm line (\\d+)").matcher(refusal.getMessage());
        assertThat(where.find()).as(refusal.getMessage()).isTrue();
        List<String> lines = bundle.stream().filter(f -> f.path().equals(BundleLayout.DOCKER_CHAINS_FILE)).findFirst()
                .map(f -> new String(f.content(), StandardCharsets.UTF_8).lines().toList()).orElseThrow();
        int line = Integer.parseInt(where.group(1));
        assertThat(lines.get(line - 1)).contains("@preserve");
        assertThat(String.join("\n", lines.subList(line - 4, line - 1)))
                .contains("Cannot @preserve chain FORWARD because it is not empty")
                .contains("remove them");
    }

    @Test
    void thePluginsOwnBaseConfigAsTheHostsLoadsTheBundle() {
        UserFile base = TempFiles.userFile(dir, "ferm.conf", FermCheck.baseConfig());

        assertThat(FermCheck.run(RealTools.ferm(), serviceBundle(), base)).contains("DOCKER-USER");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"domain ip table filter chain INPUT policy DROP;\n",
        "domain ip table filter chain INPUT policy DROP;\n@include /etc/ferm/ferm.d/;\n",
        "# @include ferm.d/;\n"})
    void aBaseConfigThatDoesNotReadThisBundleIsRefused(String text) {
        UserFile base = TempFiles.userFile(dir, "ferm.conf", text);

        assertThatThrownBy(() -> FermCheck.run(Path.of("/nonexistent/ferm"), serviceBundle(), base))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the base config has no line '@include ferm.d/;'");
    }

    private List<BundleFile> serviceBundle() {
        return FermRenderer.render(Policies.from(dir, "version: 1\nservice: shop\ningress:\n  - name: web\n"
                + "    ports: [80]\n", Images.exposing("80"))).files();
    }

    private static UserFile debiansStockFermConf() {
        Path stock = Path.of("/etc/ferm/ferm.conf");
        if (!Files.isRegularFile(stock)) {
            RealTools.unavailable("Debian's ferm package installs " + stock);
        }
        return UserFile.read(stock, "base ferm.conf", "ferm.baseConfig");
    }

    private Path executable(String body) throws IOException {
        Path script = dir.resolve("ferm");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
