package io.github.fermmavenplugin.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellPatternTest {

    @ParameterizedTest(name = "{0} / {1} / {2} all={3} -> {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "aXbXc|X|-|false|a-bXc",
        "aXbXc|X|-|true|a-b-c",
        "abc|*|-|false|-",
        "abc|~~|-|false|-abc",
        "abc|~~|-|true|-a-b-c-",
        "abcabc|b*|-|false|a-",
        "abcabc|?c|-|true|a-a-",
        "abc|z|-|true|abc",
        "a.b|.|-|true|a-b",
    })
    void replacesLeftmostLongestAsGoRegexpDoes(String value, String pattern, String replacement, boolean all,
            String expected) {
        assertThat(ShellPattern.compile(pattern).replace(value, replacement, all, WorkBudget.standard())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} without prefix {1} (longest={2}) -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "a-b-c|*-|false|b-c",
        "a-b-c|*-|true|c",
        "a-b-c|x*|true|a-b-c",
        "a-b-c|*|false|a-b-c",
        "a-b-c|*|true|~~",
        "*star|\\*|false|star",
    })
    void removesPrefixes(String value, String pattern, boolean longest, String expected) {
        assertThat(ShellPattern.compile(pattern).removePrefix(value, longest, WorkBudget.standard())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} without suffix {1} (longest={2}) -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "a-b-c|-*|false|a-b",
        "a-b-c|-*|true|a",
        "file.tar.gz|.*|false|file.tar",
        "file.tar.gz|.*|true|file",
        "abc|?|false|ab",
    })
    void removesSuffixes(String value, String pattern, boolean longest, String expected) {
        assertThat(ShellPattern.compile(pattern).removeSuffix(value, longest, WorkBudget.standard())).isEqualTo(expected);
    }

    @Test
    void refusesEscapesBuildKitRefuses() {
        assertThatThrownBy(() -> ShellPattern.compile("a\\b")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ShellPattern.compile("a\\")).isInstanceOf(InvalidValueException.class);
    }

    /** Steps per character of the value: one per pattern element and one more, whatever the value holds. */
    @ParameterizedTest(name = "{0} over 200,000 characters")
    @CsvSource(delimiter = '|', value = {"?*x", "***a", "?*?*?*b", "a*a*a*a*"})
    void everyOperationIsLinearInTheValue(String pattern) {
        String value = "a".repeat(200_000);
        long perCharacter = pattern.length() + 2L;
        ShellPattern compiled = ShellPattern.compile(pattern);
        for (Operation operation : Operation.values()) {
            WorkBudget budget = WorkBudget.standard();
            operation.apply(compiled, value, budget);
            assertThat(budget.spent()).as(operation.name()).isLessThanOrEqualTo(perCharacter * (value.length() + 1));
        }
    }

    @Test
    void refusesWorkBeyondTheBudgetWithTheReason() {
        String value = "a".repeat(1_000);
        for (Operation operation : Operation.values()) {
            WorkBudget budget = new WorkBudget(500);
            assertThatThrownBy(() -> operation.apply(ShellPattern.compile("*b"), value, budget))
                    .as(operation.name())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.problem())
                            .isEqualTo("the pattern takes too long to match a value this long"
                                    + " (more than 500 steps for this Dockerfile)"));
        }
    }

    private enum Operation {
        SHORTEST_PREFIX, LONGEST_PREFIX, SHORTEST_SUFFIX, LONGEST_SUFFIX, REPLACE_ALL;

        String apply(ShellPattern pattern, String value, WorkBudget budget) {
            return switch (this) {
                case SHORTEST_PREFIX -> pattern.removePrefix(value, false, budget);
                case LONGEST_PREFIX -> pattern.removePrefix(value, true, budget);
                case SHORTEST_SUFFIX -> pattern.removeSuffix(value, false, budget);
                case LONGEST_SUFFIX -> pattern.removeSuffix(value, true, budget);
                case REPLACE_ALL -> pattern.replace(value, "-", true, budget);
            };
        }
    }
}
