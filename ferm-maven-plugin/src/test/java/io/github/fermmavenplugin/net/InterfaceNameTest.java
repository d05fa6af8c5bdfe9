package io.github.fermmavenplugin.net;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class InterfaceNameTest {

    @ParameterizedTest(name = "{0}, wildcard: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            eth0             | false
            eth+             | true
            docker0          | false
            docker_gwbridge  | false
            br-+             | true
            br-0123456789ab  | false
            ens3             | false
            enp0s31f6        | false
            wlp2s0           | false
            bond0.100        | false
            veth1a2b3c4      | false
            wg-office        | false
            lo               | false
            e                | false
            0                | false
            e+               | true
            ETH0             | false
            123456789012345  | false
            12345678901234+  | true
            a.b_c-d          | false
            """)
    void acceptsLinuxInterfaceNames(String text, boolean wildcard) {
        InterfaceName name = InterfaceName.parse(text);

        assertThat(name.name()).isEqualTo(text);
        assertThat(name.token()).isEqualTo(text);
        assertThat(name.toString()).isEqualTo(text);
        assertThat(name.isWildcard()).isEqualTo(wildcard);
        assertThat(new InterfaceName(text)).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                  | the interface name is empty
            1234567890123456    | '1234567890123456' has 16 characters; Linux allows at most 15
            123456789012345+    | has 16 characters
            a-very-long-bridge+ | has 19 characters
            .                   | '.' is not an interface name (Linux reserves it)
            ..                  | '..' is not an interface name
            +                   | '+' alone would match every interface
            e+th                | 'e+th' has '+' before its end; '+' is only a trailing wildcard
            eth++               | has '+' before its end
            +eth                | has '+' before its end
            eth0:1              | 'eth0:1' is an address label, not an interface
            eth/0               | contains '/', which Linux forbids
            /                   | contains '/'
            -eth0               | '-eth0' does not start with a letter or digit
            .eth0               | does not start with a letter or digit
            _eth0               | does not start with a letter or digit
            -+                  | does not start with a letter or digit
            eth0;               | 'eth0;' contains ';', which is not allowed in an interface name
            `reboot`            | contains '`'
            $(reboot)           | contains '$'
            eth$IF              | contains '$'
            eth0#x              | contains '#'
            @include            | contains '@'
            eth0,eth1           | contains ','
            eth{0}              | contains '{'
            eth(0)              | contains '('
            eth*                | contains '*'
            eth0!               | contains '!'
            eth%0               | contains '%'
            eth0=1              | contains '='
            "eth0"              | contains '"'
            """)
    void refusesWithAnExplanation(String text, String expectedMessageFragment) {
        assertThatThrownBy(() -> InterfaceName.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(expectedMessageFragment)
                .satisfies(e -> CidrTest.assertWellFormedMessage((InvalidValueException) e));
        assertThatThrownBy(() -> new InterfaceName(text)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> unprintableNames() {
        return Stream.of(
                arguments("eth0 ", "whitespace (U+0020) at position 5"),
                arguments(" eth0", "whitespace (U+0020) at position 1"),
                arguments("eth 0", "whitespace"),
                arguments("eth0\n", "whitespace (U+000A)"),
                arguments("eth0\t", "whitespace (U+0009)"),
                arguments("eth0\u0000", "the control character U+0000"),
                arguments("eth\u0430", "the non-ASCII character U+0430"),
                arguments("\u0435th0", "the non-ASCII character U+0435"),
                arguments("eth\uff10", "the non-ASCII character U+FF10"),
                arguments("eth0\u200b", "the non-ASCII character U+200B"),
                arguments("eth0'", "'eth0U+0027' contains U+0027, which"),
                arguments("eth0\\", "contains U+005C, which"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unprintableNames")
    void refusesWhitespaceControlAndNonAsciiNamingTheCodePoint(String text, String expectedMessageFragment) {
        assertThatThrownBy(() -> InterfaceName.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(expectedMessageFragment)
                .satisfies(e -> CidrTest.assertWellFormedMessage((InvalidValueException) e))
                .satisfies(e -> assertThat(e.getMessage()).matches("[\\x20-\\x7e]+"));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> InterfaceName.parse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new InterfaceName(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            eth0    | eth0     | true
            eth0    | eth01    | false
            eth0    | eth1     | false
            eth+    | eth0     | true
            eth+    | eth      | true
            eth+    | eth10    | true
            eth+    | et       | false
            eth+    | ens3     | false
            br-+    | br-1a2b  | true
            br-+    | docker0  | false
            """)
    void wildcardsMatchNamesStartingWithTheirPrefix(String pattern, String concrete, boolean expected) {
        assertThat(InterfaceName.parse(pattern).matches(InterfaceName.parse(concrete))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} overlaps {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            eth0    | eth0     | true
            eth0    | eth1     | false
            eth+    | eth0     | true
            eth0    | eth+     | true
            eth+    | ens3     | false
            eth+    | e+       | true
            e+      | eth+     | true
            br-+    | br+      | true
            br-+    | docker+  | false
            br-+    | docker0  | false
            eth0+   | eth1     | false
            """)
    void overlapsWhenSomeInterfaceMatchesBoth(String first, String second, boolean expected) {
        assertThat(InterfaceName.parse(first).overlaps(InterfaceName.parse(second))).isEqualTo(expected);
    }

    @Test
    void ordersByName() {
        List<InterfaceName> names = new ArrayList<>(Stream.of("eth1", "br-+", "docker0", "eth0", "eth+")
                .map(InterfaceName::parse).toList());

        Collections.sort(names);

        assertThat(names).extracting(InterfaceName::name).containsExactly("br-+", "docker0", "eth+", "eth0", "eth1");
    }
}
