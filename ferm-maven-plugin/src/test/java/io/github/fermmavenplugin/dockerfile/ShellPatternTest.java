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
        assertThat(ShellPattern.compile(pattern).replace(value, replacement, all)).isEqualTo(expected);
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
        assertThat(ShellPattern.compile(pattern).removePrefix(value, longest)).isEqualTo(expected);
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
        assertThat(ShellPattern.compile(pattern).removeSuffix(value, longest)).isEqualTo(expected);
    }

    @Test
    void refusesEscapesBuildKitRefuses() {
        assertThatThrownBy(() -> ShellPattern.compile("a\\b")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ShellPattern.compile("a\\")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void staysLinearOnLongValues() {
        String value = "a".repeat(200_000);
        long started = System.nanoTime();
        assertThat(ShellPattern.compile("?*x").replace(value, "-", true)).isEqualTo(value);
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }
}
