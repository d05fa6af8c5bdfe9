package io.github.fermmavenplugin.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Messages point at the line and column an editor shows, also inside continued instructions. */
class DockerfilePositionsTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "the bad EXPOSE word on the first line|FROM alpine\\n  EXPOSE 80 abc|2|13",
        "the bad EXPOSE word on a continuation line|FROM alpine\\nEXPOSE 80 \\\\\\n    443 bad|3|9",
        "CRLF does not shift columns|FROM alpine\\r\\nEXPOSE 80 \\\\\\r\\n  bad\\r\\n|3|3",
        "an ONBUILD trigger's word|FROM alpine AS base\\nONBUILD EXPOSE 80 bad\\nFROM base|2|19",
        "an unset variable in EXPOSE|FROM alpine\\nEXPOSE 80 $NOPE|2|11",
        "instructions without word positions point at the keyword|FROM alpine\\n\\tENV =1|2|2",
        "an unknown instruction|FROM alpine\\n   BOGUS x|2|4",
        "a parser directive|# escape=x\\nFROM alpine|1|1",
    })
    void pointsAtTheMistake(String what, String escapedText, int line, int column) {
        String text = escapedText.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t")
                .replace("\\\\", "\\");
        UserFile file = new UserFile(DOCKERFILE, text, "0".repeat(64));
        assertThatThrownBy(() -> DockerfileReader.read(file, BuildOptions.DEFAULT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.position()).isEqualTo(new SourcePosition(DOCKERFILE, line, column)));
    }

    @Test
    void aPortExposedOnAContinuedLineAndAgainLaterCountsOnce() {
        String text = "FROM alpine\nEXPOSE 80 \\\n  443\nEXPOSE 80\n";
        ImageMetadata metadata = DockerfileReader.read(new UserFile(DOCKERFILE, text, "0".repeat(64)),
                BuildOptions.DEFAULT);
        assertThat(metadata.ports()).map(Object::toString).containsExactly("80/tcp", "443/tcp");
    }
}
