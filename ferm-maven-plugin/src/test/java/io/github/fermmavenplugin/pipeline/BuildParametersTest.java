package io.github.fermmavenplugin.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The build's parameters, parsed before any file is read: each mistake is an InvalidInputException naming it. */
class BuildParametersTest {

    private static final Path BUILD = Path.of("/project/target");

    @ParameterizedTest(name = "classifier {0}, finalName {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ferm          | app-1.0   | /project/target/app-1.0-ferm.tar.gz
            linux-x86_64  | app       | /project/target/app-linux-x86_64.tar.gz
            fw.1_0        | ..app     | /project/target/..app-fw.1_0.tar.gz
            """)
    void theArchiveStaysInTheBuildDirectory(String classifier, String finalName, String archive) {
        BundleTarget target = BundleTarget.of(BUILD, finalName, classifier);

        assertThat(target.archive()).isEqualTo(Path.of(archive));
        assertThat(target.directory()).isEqualTo(Path.of("/project/target/ferm"));
    }

    @ParameterizedTest(name = "classifier {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            x/../../y    | 'x/../../y'
            ../../etc    | '../../etc'
            a b          | 'a b'
            ..           | '..'
            ""           | ''
            """)
    void aClassifierOutsideMavensGrammarIsRefused(String classifier, String shown) {
        assertThatThrownBy(() -> BundleTarget.of(BUILD, "app", classifier))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ferm.classifier " + shown + " is not a Maven classifier. Use letters, digits, '_', '-'"
                        + " and '.' only, like ferm.");
    }

    @ParameterizedTest(name = "finalName {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ../app       | '../app'
            ../../../tmp/app | '../../../tmp/app'
            sub/app      | 'sub/app'
            a\\b         | 'aU+005Cb'
            """)
    void aFinalNameThatLeavesTheBuildDirectoryIsRefused(String finalName, String shown) {
        assertThatThrownBy(() -> BundleTarget.of(BUILD, finalName, "ferm"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("finalName " + shown + " would put the archive outside the build directory /project/target."
                        + " Give a finalName that is a file name, without '/', '\\' or '..'.");
    }

    @Test
    void aClassifierAttachedBeforeIsRefused() {
        BundleTarget target = BundleTarget.of(BUILD, "app", "ferm");

        target.requireNotAttached(List.of("other"), "g:a:pom:1");
        assertThatThrownBy(() -> target.requireNotAttached(List.of("other", "ferm"), "g:a:pom:1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("An artifact with classifier 'ferm' and type tar.gz is already attached to g:a:pom:1."
                        + " Give this execution another 'classifier'.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0                     | 1970-01-01T00:00:00Z
            8589934591            | 2242-03-16T12:56:31Z
            2024-05-01T10:15:30+02:00 | 2024-05-01T08:15:30Z
            """)
    void timestampsATarHeaderHoldsAreTaken(String value, String expected) {
        assertThat(BundleSettings.parse(value, null, "auto").entryTime()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1969-12-31T00:00:00Z
            99999999999
            8589934592
            2243-01-01T00:00:00Z
            """)
    void timestampsOutsideTheTarRangeAreUserErrors(String value) {
        assertThatThrownBy(() -> BundleSettings.parse(value, null, "auto"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("outputTimestamp '" + value + "' is invalid: it is outside what a tar header holds"
                        + " (1970-01-01T00:00:00Z to 2242-03-16T12:56:31Z); use e.g. 1714551330 or"
                        + " 2024-05-01T08:15:30Z, or leave it unset");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            auto  | AUTO
            TRUE  | TRUE
            ' false ' | FALSE
            """)
    void verifyModesInAnyCase(String value, VerifyMode expected) {
        assertThat(VerifyMode.parse(value)).isEqualTo(expected);
    }

    @Test
    void anUnknownVerifyModeIsAUserError() {
        assertThatThrownBy(() -> VerifyMode.parse("bogus"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ferm.verify is 'bogus'. Use auto, true or false.");
    }

    @Test
    void aBuildArgWithoutValueIsAUserError() {
        Map<String, String> args = new HashMap<>();
        args.put("PORT", null);

        assertThatThrownBy(() -> AnalysisParameters.parse(Path.of("f.yaml"), Path.of("Dockerfile"), null, args, "s",
                10_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("buildArgs: 'PORT' has no value. Give it one, as --build-arg NAME=value does, or remove it.");
    }

    /**
     * Half a surrogate pair is no character: no file, no docker build and no UTF-8 manifest can carry it, and the
     * fingerprint would read two different halves as the same '?'. (javac reads each u-escape below as that char.)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            value, high half alone      | NOTE     | a\uD800     | buildArgs: 'NOTE' holds U+D800 at position 2, half a surrogate pair without its other half
            value, low half at the end  | NOTE     | ok\uDC00    | buildArgs: 'NOTE' holds U+DC00 at position 3, half a surrogate pair without its other half
            value, halves reversed      | NOTE     | \uDE00\uD83D | buildArgs: 'NOTE' holds U+DE00 at position 1, half a surrogate pair without its other half
            name                        | N\uD800 | 1           | buildArgs: 'NU+D800' holds U+D800 at position 2, half a surrogate pair without its other half
            """)
    void aBuildArgWithHalfASurrogatePairIsAUserError(String where, String name, String value, String problem) {
        assertThatThrownBy(() -> AnalysisParameters.parse(Path.of("f.yaml"), Path.of("Dockerfile"), null,
                Map.of(name, value), "s", 10_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(problem + ". Write the whole character, as a UTF-8 file would hold it, or remove it.");
    }

    @Test
    void aBuildArgWithAWholeSurrogatePairIsKept() {
        AnalysisParameters parameters = AnalysisParameters.parse(Path.of("f.yaml"), Path.of("Dockerfile"), null,
                Map.of("NOTE", "fire \uD83D\uDD25"), "s", 10_000);

        assertThat(parameters.build().buildArgs()).containsEntry("NOTE", "fire \uD83D\uDD25");
    }

    @ParameterizedTest(name = "maxRules {0}")
    @CsvSource({"0", "-1"})
    void maxRulesBelowOneIsAUserError(int maxRules) {
        assertThatThrownBy(() -> AnalysisParameters.parse(Path.of("f.yaml"), Path.of("Dockerfile"), null, null, "s",
                maxRules))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ferm.maxRules is " + maxRules + ". Give the most iptables rules a bundle may make,"
                        + " 1 or more (10000 when not set).");
    }
}
