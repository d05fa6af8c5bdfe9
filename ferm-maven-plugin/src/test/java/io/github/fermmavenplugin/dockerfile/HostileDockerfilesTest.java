package io.github.fermmavenplugin.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dockerfiles written to make a reader hang, blow up or say something wrong, each with its one allowed
 * outcome: the exact ports it exposes, or an error at line and column with its message. The work each takes is
 * bounded as steps the {@link WorkBudget} counted (reading a line, a pattern step, a character an expansion
 * makes), never as time. Sizes go up to UserFile's 1 MiB limit.
 */
@Tag("slow")
class HostileDockerfilesTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final int MIB = (int) UserFile.MAX_BYTES;

    /**
     * @param ports the exact ports, "80/tcp 443/tcp", or null when refused
     * @param line, column, problem, remedy where and what the refusal says
     * @param maxSteps the work the read may take
     */
    record Hostile(String name, String dockerfile, String ports, int line, int column, String problem,
            String remedy, long maxSteps) {

        static Hostile accepts(String name, String dockerfile, String ports, long maxSteps) {
            return new Hostile(name, dockerfile, ports, 0, 0, null, null, maxSteps);
        }

        static Hostile refuses(String name, String dockerfile, int line, int column, String problem, String remedy,
                long maxSteps) {
            return new Hostile(name, dockerfile, null, line, column, problem, remedy, maxSteps);
        }

        @Override
        public String toString() {
            return name + " (" + dockerfile.length() + " characters)";
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void endsInItsOneOutcomeWithinBoundedWork(Hostile row) {
        assertThat(row.dockerfile().length()).isLessThanOrEqualTo(MIB);
        UserFile file = new UserFile(DOCKERFILE, row.dockerfile(), "0".repeat(64));
        WorkBudget budget = WorkBudget.standard();
        if (row.ports() != null) {
            ImageMetadata metadata = DockerfileReader.read(file, BuildOptions.DEFAULT, budget);
            assertThat(metadata.ports()).map(Object::toString).containsExactly(row.ports().split(" "));
        } else {
            assertThatThrownBy(() -> DockerfileReader.read(file, BuildOptions.DEFAULT, budget))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.position()).isEqualTo(new SourcePosition(DOCKERFILE, row.line(), row.column()));
                        assertThat(e.problem()).contains(row.problem());
                        assertThat(e.remedy()).contains(row.remedy());
                    });
        }
        assertThat(budget.spent()).isLessThanOrEqualTo(row.maxSteps());
    }

    static Stream<Hostile> corpus() {
        return Stream.of(directives(), patterns(), continuations(), parity(), growth()).flatMap(s -> s);
    }

    private static String spaces(int count) {
        return " ".repeat(count);
    }

    /** The directive expression backtracked over long white space; the scan reads each character once. */
    static Stream<Hostile> directives() {
        String tail = "\nFROM alpine\nEXPOSE 80\n";
        return Stream.of(
                Hostile.accepts("#syntax=x, 200,000 spaces, y", "#syntax=x" + spaces(200_000) + "y" + tail, "80/tcp",
                        300_000),
                Hostile.accepts("# syntax = x with tabs and spaces mixed",
                        "# syntax =" + " \t".repeat(100_000) + "x" + " \t".repeat(100_000) + tail, "80/tcp", 500_000),
                Hostile.accepts("# escape=, 200,000 spaces, backslash, 200,000 spaces",
                        "# escape=" + spaces(200_000) + "\\" + spaces(200_000) + tail, "80/tcp", 500_000),
                Hostile.accepts("a comment that is almost a directive: # then 900,000 spaces",
                        "#" + spaces(900_000) + "=" + tail, "80/tcp", MIB),
                Hostile.refuses("a long escape value is refused at its line",
                        "# escape=" + "`".repeat(300_000) + tail, 1, 1, "is neither \\ nor `", "# escape=`", 400_000),
                Hostile.refuses("a directive given twice, after 200,000 spaces",
                        "#escape=`\n#ESCAPE=" + spaces(200_000) + "`" + tail, 2, 1, "given twice", "Keep one",
                        300_000));
    }

    private static final String DOUBLED = "FROM alpine\nENV A=xxxxxxxx\n" + "ENV A=$A$A\n".repeat(16);

    /** A value of 524,288 characters (8 doubled 16 times) at line 18, matched by patterns of many elements. */
    static Stream<Hostile> patterns() {
        int labelLine = 19;
        String tooLong = "pattern takes too long to match a value this long";
        return Stream.of(
                Hostile.refuses("${A#***...} of 200 stars", DOUBLED + "LABEL a=${A#" + "*".repeat(200) + "}\n",
                        labelLine, 1, tooLong, "simpler patterns", WorkBudget.DEFAULT_STEPS + 300),
                Hostile.refuses("${A##***...} of 200 stars", DOUBLED + "LABEL a=${A##" + "*".repeat(200) + "}\n",
                        labelLine, 1, tooLong, "simpler patterns", WorkBudget.DEFAULT_STEPS + 300),
                Hostile.refuses("${A%%?*?*...} of 100 pairs", DOUBLED + "LABEL a=${A%%" + "?*".repeat(100) + "}\n",
                        labelLine, 1, tooLong, "simpler patterns", WorkBudget.DEFAULT_STEPS + 300),
                Hostile.refuses("${A%?*?*...} of 100 pairs", DOUBLED + "LABEL a=${A%" + "?*".repeat(100) + "}\n",
                        labelLine, 1, tooLong, "simpler patterns", WorkBudget.DEFAULT_STEPS + 300),
                Hostile.refuses("${A//?*?*.../x} of 100 pairs",
                        DOUBLED + "LABEL a=${A//" + "?*".repeat(100) + "b/x}\n", labelLine, 1, tooLong,
                        "simpler patterns", WorkBudget.DEFAULT_STEPS + 300),
                // 4 steps a character to match and 524,287 characters kept: the 19th label crosses 50,000,000
                Hostile.refuses("the same pattern on 200 lines shares one budget",
                        DOUBLED + "LABEL a=${A#*x*}\n".repeat(200), labelLine + 18, 1, tooLong, "simpler patterns",
                        WorkBudget.DEFAULT_STEPS + 600_000),
                Hostile.accepts("a short pattern over the large value, then a port",
                        DOUBLED + "LABEL a=${A%%x*}\nENV P=8080\nEXPOSE ${P#*0}\n", "80/tcp", 4_000_000));
    }

    /** EXPOSE continued over many lines: every word's position was found by rescanning every line. */
    static Stream<Hostile> continuations() {
        int lines = 170_000;
        String continued = "FROM alpine\nEXPOSE \\\n" + "80 \\\n".repeat(lines);
        String backtick = "# escape=`\nFROM alpine\nEXPOSE `\n" + "80 `\n".repeat(lines);
        String withComments = "FROM alpine\nEXPOSE \\\n" + "80 \\\n# a comment\n\n".repeat(lines / 4);
        return Stream.of(
                Hostile.accepts("EXPOSE over 170,000 lines", continued + "443\n", "80/tcp 443/tcp", 2_000_000),
                Hostile.refuses("EXPOSE over 170,000 lines, the last word no port", continued + "  70000\n",
                        lines + 3, 3, "'70000' is not a port number from 1 to 65535", "Write a port", 2_000_000),
                Hostile.accepts("EXPOSE over 170,000 lines with escape=`", backtick + "53/udp\n", "53/udp 80/tcp",
                        2_000_000),
                Hostile.refuses("EXPOSE continued through comment and blank lines, ending in 0", withComments + "0\n",
                        2 + lines / 4 * 3 + 1, 1, "port 0 cannot be opened", "Write a port", 2_000_000),
                Hostile.refuses("one word of 900,000 digits", "FROM alpine\nEXPOSE " + "8".repeat(900_000) + "\n",
                        2, 8, "is not a port number", "Write a port", 1_000_000),
                Hostile.accepts("a heredoc body of 200,000 lines is skipped",
                        "FROM alpine\nRUN <<EOF\n" + "EXPOSE 9\n".repeat(100_000) + "EOF\nEXPOSE 80\n", "80/tcp",
                        1_000_000),
                Hostile.refuses("a heredoc never terminated over 200,000 lines",
                        "FROM alpine\nRUN <<-EOF\n" + "\tEXPOSE 9\n".repeat(100_000), 2, 1, "never terminated",
                        "'EOF'", 1_200_000));
    }

    /** Where BuildKit refuses or says something particular, and so do we, at the word. */
    static Stream<Hostile> parity() {
        String port = "FROM alpine\nENV P=8080\nEXPOSE 443 ";
        return Stream.of(
                Hostile.refuses("${P:#8}", port + "${P:#8}\n", 3, 12, "unsupported modifier (:#)", "Write ${P}", 100),
                Hostile.refuses("${P:##*0}", port + "${P:##*0}\n", 3, 12, "unsupported modifier (:#)", "Write ${P}", 100),
                Hostile.refuses("${P:%0}", port + "${P:%0}\n", 3, 12, "unsupported modifier (:%)", "Write ${P}", 100),
                Hostile.refuses("${P:%%0*}", port + "${P:%%0*}\n", 3, 12, "unsupported modifier (:%)", "Write ${P}", 100),
                Hostile.refuses("a global ARG not redeclared in the stage",
                        "ARG PORT=8080\nFROM alpine\nEXPOSE ${PORT}\n", 3, 8, "expands to nothing",
                        "Redeclare PORT in this stage: write 'ARG PORT' after its FROM", 100),
                Hostile.refuses("a platform ARG not redeclared in the stage",
                        "FROM alpine\nEXPOSE $TARGETVARIANT$TARGETARCH\n", 2, 8, "expands to nothing",
                        "write 'ARG TARGETARCH' and 'ARG TARGETVARIANT' after its FROM", 100),
                Hostile.accepts("the global ARG redeclared", "ARG PORT=8080\nFROM alpine\nARG PORT\nEXPOSE ${PORT}\n",
                        "8080/tcp", 100));
    }

    /** Values that grow by ENV doubling, nesting, and many copies of one large value. */
    static Stream<Hostile> growth() {
        String big = "x".repeat(500_000);
        return Stream.of(
                Hostile.refuses("ENV A=$A$A doubling past 1 MiB",
                        "FROM alpine\nENV A=xxxxxxxx\n" + "ENV A=$A$A\n".repeat(40), 20, 1,
                        "more than 1048576 characters", "", 4L * MIB + 1_000), // 2 MiB made, 2 MiB refused
                Hostile.refuses("ENV A=$A$A$A$A quadrupling past 1 MiB",
                        "FROM alpine\nENV A=xxxxxxxx\n" + "ENV A=$A$A$A$A\n".repeat(20), 11, 1,
                        "more than 1048576 characters", "", 4L * MIB),
                // reading the 500,000-character line and 99 copies of it reach 50,000,000 steps
                Hostile.refuses("200 labels of a 500,000-character value",
                        "FROM alpine\nENV A=" + big + "\n" + "LABEL a=$A\n".repeat(200), 101, 1,
                        "produce too much text", "shorter values", WorkBudget.DEFAULT_STEPS + 2L * MIB),
                Hostile.refuses("${A:-${A:-... nested 100,000 deep",
                        "FROM alpine\nLABEL a=" + "${A:-".repeat(100_000) + "\n", 2, 1, "nested more than 64", "",
                        2L * MIB),
                Hostile.refuses("40,000 stages, the last exposing a doubled value",
                        "FROM alpine AS s0\nENV A=xxxxxxxx\n" + stages(40_000)
                                + "ENV A=$A$A$A$A$A$A$A$A$A$A$A$A$A$A$A$A\n".repeat(6),
                        40_001 + 5, 1, "more than 1048576 characters", "", 4L * MIB));
    }

    private static String stages(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < count; i++) {
            text.append("FROM s").append(i - 1).append(" AS s").append(i).append('\n');
        }
        return text.toString();
    }
}
