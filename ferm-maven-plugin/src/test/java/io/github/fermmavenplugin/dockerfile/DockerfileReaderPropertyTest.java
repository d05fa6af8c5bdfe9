package io.github.fermmavenplugin.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the text, the reader either answers or throws the project's user error with a position in the
 * Dockerfile: never another exception, never a hang. Bounded so that it runs in a few seconds in every build.
 */
class DockerfileReaderPropertyTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    @Property(tries = 1500)
    void dockerfileLikeTextNeverEscapesAsAnythingButAUserError(@ForAll("dockerfileLike") String text,
            @ForAll("targets") Optional<String> target, @ForAll("buildArgs") Map<String, String> buildArgs) {
        readExpectingOnlyUserErrors(text, new BuildOptions(target, buildArgs));
    }

    @Property(tries = 500)
    void arbitraryTextNeverEscapesAsAnythingButAUserError(@ForAll("arbitraryText") String text) {
        readExpectingOnlyUserErrors(text, BuildOptions.DEFAULT);
    }

    /**
     * Constructs at their limits, combined: an escape directive of either kind, an EXPOSE continued over many
     * lines (with comment lines between), heredoc bodies full of EXPOSE lines, a long LABEL word, and a port
     * nested in ${...:-...} up to the deepest allowed: the ports are exactly the ones written, and one level
     * deeper is refused at the EXPOSE line.
     */
    @Property(tries = 200)
    void constructsAtTheirLimitsExposeExactlyWhatTheySay(@ForAll("escapes") char escape,
            @ForAll @IntRange(min = 0, max = 2_000) int continuedLines,
            @ForAll @IntRange(min = 0, max = 2_000) int heredocLines,
            @ForAll @IntRange(min = 1, max = 20_000) int labelLength,
            @ForAll @IntRange(min = 1, max = ShellLexer.MAX_NESTING + 1) int nesting,
            @ForAll @IntRange(min = 1, max = 65_535) int port) {
        StringBuilder text = new StringBuilder(escape == '`' ? "# escape=`\n" : "# escape=\\\n");
        text.append("FROM alpine\n");
        text.append("RUN <<-BODY\n").append("\tEXPOSE 9\n".repeat(heredocLines)).append("\tBODY\n");
        text.append("LABEL long=").append("w".repeat(labelLength)).append('\n');
        int exposeLine = text.toString().split("\n", -1).length;
        text.append("EXPOSE ").append("${UNSET:-".repeat(nesting)).append(port).append("}".repeat(nesting));
        for (int i = 0; i < continuedLines; i++) {
            text.append(" ").append(escape).append("\n# between\n  ").append(port);
        }
        text.append("/udp\n");
        UserFile file = new UserFile(DOCKERFILE, text.toString(), "0".repeat(64));
        WorkBudget budget = WorkBudget.standard();
        if (nesting > ShellLexer.MAX_NESTING) {
            try {
                DockerfileReader.read(file, BuildOptions.DEFAULT, budget);
                throw new AssertionError("nesting " + nesting + " was accepted");
            } catch (InvalidInputException e) {
                assertThat(e.position().line()).isEqualTo(exposeLine);
                assertThat(e.problem()).contains("nested more than " + ShellLexer.MAX_NESTING);
            }
        } else {
            ImageMetadata metadata = DockerfileReader.read(file, BuildOptions.DEFAULT, budget);
            // the heredoc's EXPOSE 9 lines are body, never instructions; the last continued word carries /udp
            List<String> expected = continuedLines == 0 ? List.of(port + "/udp")
                    : List.of(port + "/tcp", port + "/udp");
            assertThat(metadata.ports()).map(Object::toString).containsExactlyElementsOf(expected);
            assertThat(metadata.labels()).containsEntry("long", "w".repeat(labelLength));
        }
        assertThat(budget.spent()).isLessThanOrEqualTo(2L * text.length() + 64L * continuedLines);
    }

    @Provide
    Arbitrary<Character> escapes() {
        return Arbitraries.of('\\', '`');
    }

    private static void readExpectingOnlyUserErrors(String text, BuildOptions options) {
        UserFile file = new UserFile(DOCKERFILE, text, "0".repeat(64));
        try {
            ImageMetadata metadata = DockerfileReader.read(file, options);
            assertThat(metadata.stage()).isNotBlank();
        } catch (InvalidInputException e) {
            assertThat(e.position().file()).isEqualTo(DOCKERFILE);
            assertThat(e.problem()).isNotBlank();
            assertThat(e.remedy()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> dockerfileLike() {
        Arbitrary<String> keyword = Arbitraries.of("FROM", "from", "EXPOSE", "expose", "ARG", "ENV", "LABEL", "RUN",
                "COPY", "ADD", "CMD", "SHELL", "ONBUILD", "WORKDIR", "HEALTHCHECK", "USER", "BOGUS");
        Arbitrary<String> fragment = Arbitraries.of("alpine", " AS ", "base", "build", "80", "443/udp", "53/TCP",
                "8000-8010", "0", "70000", "-", "/", ":", "=", "$", "${", "}", "${P", ":-", ":+", ":?", "-", "+", "?",
                "#", "##", "%", "%%", "//", "*", "P", "PORTS", "\"", "'", "\\", "`", "<<EOF", "<<-EOF", "<<'E'",
                "EOF", "E", "[\"a\", 1]", "[\"sh\"]", "--platform=x", "--", " ", "\t", "\r", "\u00e9", "\uFEFF",
                "# escape=`", "# escape=\\", "# syntax=x", "{", "${P:-${P:-${P", "${P//?/x}", "${P#*}");
        Arbitrary<String> line = Combinators.combine(keyword, fragment.list().ofMaxSize(8))
                .as((word, parts) -> word + " " + String.join("", parts));
        Arbitrary<String> looseLine = fragment.list().ofMaxSize(6).map(parts -> String.join("", parts));
        Arbitrary<String> anyLine = Arbitraries.oneOf(line, looseLine);
        return anyLine.list().ofMaxSize(14).map(lines -> String.join("\n", lines));
    }

    @Provide
    Arbitrary<Optional<String>> targets() {
        return Arbitraries.of(Optional.empty(), Optional.of("base"), Optional.of("build"), Optional.of("nope"));
    }

    @Provide
    Arbitrary<Map<String, String>> buildArgs() {
        return Arbitraries.of(Map.of(), Map.of("P", "80"), Map.of("P", "${P}"), Map.of("PORTS", "80 443/udp"));
    }

    @Provide
    Arbitrary<String> arbitraryText() {
        Arbitrary<Character> interesting = Arbitraries.of(List.of('$', '{', '}', '\\', '`', '"', '\'', '\n', '\r',
                '\t', ' ', '#', '<', '-', ':', '/', '%', '?', '+', '=', '[', ']'));
        Arbitrary<Character> character = Arbitraries.frequencyOf(Tuple.of(5, interesting),
                Tuple.of(3, Arbitraries.chars().alpha()), Tuple.of(1, Arbitraries.chars().all()));
        return character.list().ofMaxSize(300)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()))
                .map(text -> "FROM alpine\n" + text);
    }
}
