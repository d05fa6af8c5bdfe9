package io.github.fermmavenplugin.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnifiedDiffTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("same", "a\nb\n", "a\nb\n", List.of()),
                Arguments.of("one line changed", "a\nb\nc\n", "a\nB\nc\n",
                        List.of("--- a/f", "+++ b/f", "@@ -1,3 +1,3 @@", " a", "-b", "+B", " c")),
                Arguments.of("added file", "", "x\n", List.of("--- /dev/null", "+++ b/f", "@@ -0,0 +1,1 @@", "+x")),
                Arguments.of("removed file", "x\n", "", List.of("--- a/f", "+++ /dev/null", "@@ -1,1 +0,0 @@", "-x")),
                Arguments.of("two hunks far apart", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "0\n2\n3\n4\n5\n6\n7\n8\n9\n11\n",
                        List.of("--- a/f", "+++ b/f", "@@ -1,4 +1,4 @@", "-1", "+0", " 2", " 3", " 4",
                                "@@ -7,4 +7,4 @@", " 7", " 8", " 9", "-10", "+11")),
                Arguments.of("line appended", "a\nb\n", "a\nb\nc\n",
                        List.of("--- a/f", "+++ b/f", "@@ -1,2 +1,3 @@", " a", " b", "+c")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesWhatDiffMinusUWrites(String title, String before, String after, List<String> expected) {
        assertThat(UnifiedDiff.of("f", before, after)).isEqualTo(expected);
    }
}
