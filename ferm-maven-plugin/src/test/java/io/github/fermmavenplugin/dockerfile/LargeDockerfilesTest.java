package io.github.fermmavenplugin.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Files near UserFile's 1 MiB limit, shaped to make a careless reader quadratic or exponential, end in their one
 * outcome with the work bounded: the steps the {@link WorkBudget} counted, never the time taken.
 */
@Tag("slow")
class LargeDockerfilesTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    private static ImageMetadata read(String text) {
        return DockerfileReader.read(new UserFile(DOCKERFILE, text, "0".repeat(64)), BuildOptions.DEFAULT);
    }

    /**
     * 1 MiB of ENV, ARG, LABEL and RUN with variables expanded, and comments: the reader allocates a bounded
     * multiple of the text: 32 bytes a character, 54 before literal words skipped the lexer and lines without two
     * '<' the heredoc search.
     */
    @Test
    void readingAMebibyteAllocatesLittleMoreThanTheTextManyTimesOver() {
        StringBuilder text = new StringBuilder("FROM debian:12\nARG BASE=/opt/app\n");
        for (int i = 0; text.length() < 1_000_000; i++) {
            text.append(switch (i % 4) {
                case 0 -> "ENV VAR_" + i + "=${BASE}/lib/" + i;
                case 1 -> "ARG ARG_" + i + "=" + i;
                case 2 -> "LABEL com.example.label-" + i + "=\"value ${VAR_" + (i - 2) + "}\"";
                default -> "RUN echo step " + i + " && mkdir -p ${BASE}/" + i;
            }).append("\n# ").append("x".repeat(40)).append('\n');
        }
        String dockerfile = text.append("EXPOSE 80\n").toString();
        read(dockerfile); // classes loaded, code compiled: what is counted below is the reading alone
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThat(read(dockerfile).ports()).hasSize(1);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated / dockerfile.length()).as("bytes allocated per character read").isLessThan(42);
    }

    @Test
    void aLongChainOfStages() {
        String text = "FROM alpine AS s0\nEXPOSE 1\n" + IntStream.range(1, 40_000)
                .mapToObj(i -> "FROM s" + (i - 1) + " AS s" + i + "\n").collect(Collectors.joining());
        assertThat(read(text).stage()).isEqualTo("s39999");
        assertThat(read(text).ports()).hasSize(1);
    }

    @Test
    void manyVariables() {
        String text = "FROM alpine\n" + IntStream.range(0, 60_000).mapToObj(i -> "ENV V" + i + "=" + i + "\n")
                .collect(Collectors.joining()) + "EXPOSE $V80\n";
        assertThat(read(text).ports()).map(Object::toString).containsExactly("80/tcp");
    }

    @Test
    void manyPorts() {
        String text = "FROM alpine\n" + IntStream.rangeClosed(1, 65_535).mapToObj(i -> "EXPOSE " + i + "/udp\n")
                .collect(Collectors.joining()).substring(0, 900_000);
        text = text.substring(0, text.lastIndexOf('\n') + 1) + "EXPOSE 1-65535/udp\n";
        assertThat(read(text).ports()).map(Object::toString).containsExactly("1-65535/udp");
    }

    @Test
    void deeplyNestedJsonAndExpressions() {
        String json = "FROM alpine\nRUN " + "[".repeat(200_000) + "\nEXPOSE 80\n";
        assertThat(read(json).ports()).hasSize(1);
        String nested = "FROM alpine\nLABEL a=" + "${A:-".repeat(100_000) + "\n";
        assertThatThrownBy(() -> read(nested)).isInstanceOf(InvalidInputException.class);
        String quotes = "FROM alpine\nLABEL a=" + "\"${A:-".repeat(100_000) + "\n";
        assertThatThrownBy(() -> read(quotes)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void valuesThatDoubleOnEveryLine() {
        String text = "FROM alpine\nENV A=xxxxxxxx\n" + "ENV A=$A$A\n".repeat(40) + "LABEL a=$A\n";
        WorkBudget budget = WorkBudget.standard();
        // 8 characters doubled 18 times would be 2 MiB, past the 1 MiB an expansion may make: line 2 + 18
        assertThatThrownBy(() -> DockerfileReader.read(new UserFile(DOCKERFILE, text, "0".repeat(64)),
                        BuildOptions.DEFAULT, budget))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.position().line()).isEqualTo(20);
                    assertThat(e.problem()).contains("more than " + ShellLexer.MAX_LENGTH + " characters");
                });
        // 2 MiB made on the way to line 19's 1 MiB value, 2 MiB at line 20 before the refusal, and the lines read
        assertThat(budget.spent()).isLessThanOrEqualTo(4L * ShellLexer.MAX_LENGTH + 1_000);
    }

    @Test
    void manySmallExpansionsOfAHugeValueEndAtTheBudget() {
        String text = "FROM alpine\nENV A=" + "x".repeat(500_000) + "\n" + "LABEL a=$A\n".repeat(200) + "EXPOSE 80\n";
        WorkBudget budget = WorkBudget.standard();
        assertThatThrownBy(() -> DockerfileReader.read(new UserFile(DOCKERFILE, text, "0".repeat(64)),
                        BuildOptions.DEFAULT, budget))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    // reading the ENV line and 99 labels of 500,000 characters cross the 50,000,000 steps
                    assertThat(e.position().line()).isEqualTo(2 + 99);
                    assertThat(e.problem()).contains("produce too much text", "more than 50000000 steps");
                });
        assertThat(budget.spent()).isLessThanOrEqualTo(WorkBudget.DEFAULT_STEPS + 500_000);
    }
}
