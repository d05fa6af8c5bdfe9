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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CidrTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/8                               | IPV4 | 10.0.0.0/8
            10.0.0.1                                 | IPV4 | 10.0.0.1/32
            10.0.0.1/32                              | IPV4 | 10.0.0.1/32
            0.0.0.0/0                                | IPV4 | 0.0.0.0/0
            0.0.0.0                                  | IPV4 | 0.0.0.0/32
            0.0.0.0/1                                | IPV4 | 0.0.0.0/1
            128.0.0.0/1                              | IPV4 | 128.0.0.0/1
            255.255.255.255                          | IPV4 | 255.255.255.255/32
            255.255.255.254/31                       | IPV4 | 255.255.255.254/31
            172.16.0.0/12                            | IPV4 | 172.16.0.0/12
            100.64.0.0/10                            | IPV4 | 100.64.0.0/10
            198.51.100.0/24                          | IPV4 | 198.51.100.0/24
            10.0.0.0/7                               | IPV4 | 10.0.0.0/7
            2001:db8::/32                            | IPV6 | 2001:db8::/32
            2001:db8::1                              | IPV6 | 2001:db8::1/128
            2001:DB8::1                              | IPV6 | 2001:db8::1/128
            2001:Db8::aBcD                           | IPV6 | 2001:db8::abcd/128
            2001:0db8:0000:0000:0000:0000:0000:0001  | IPV6 | 2001:db8::1/128
            2001:0DB8:0000:0000:0000:0000:0000:0001  | IPV6 | 2001:db8::1/128
            2001:db8:0:0:0:0:0:1                     | IPV6 | 2001:db8::1/128
            2001:db8::0:1                            | IPV6 | 2001:db8::1/128
            2001:db8:0:0:1:0:0:1                     | IPV6 | 2001:db8::1:0:0:1/128
            2001:0:0:1:0:0:0:1                       | IPV6 | 2001:0:0:1::1/128
            2001:db8:0:1:1:1:1:1                     | IPV6 | 2001:db8:0:1:1:1:1:1/128
            1:2:3:4:5:6:7:8                          | IPV6 | 1:2:3:4:5:6:7:8/128
            1:2:3:4:5:6:7::                          | IPV6 | 1:2:3:4:5:6:7:0/128
            ::2:3:4:5:6:7:8                          | IPV6 | 0:2:3:4:5:6:7:8/128
            1:0:0:0:0:0:0:0                          | IPV6 | 1::/128
            0:0:0:0:0:0:0:1                          | IPV6 | ::1/128
            0:0:0:0:0:0:0:0                          | IPV6 | ::/128
            ::                                       | IPV6 | ::/128
            ::/0                                     | IPV6 | ::/0
            0000:0000::/0                            | IPV6 | ::/0
            ::1                                      | IPV6 | ::1/128
            1::                                      | IPV6 | 1::/128
            1::/16                                   | IPV6 | 1::/16
            fe80::/10                                | IPV6 | fe80::/10
            FE80::/10                                | IPV6 | fe80::/10
            fe80::1                                  | IPV6 | fe80::1/128
            ff02::1                                  | IPV6 | ff02::1/128
            2001:db8:10::/48                         | IPV6 | 2001:db8:10::/48
            2001:DB8:ABCD:0012::/64                  | IPV6 | 2001:db8:abcd:12::/64
            2001:db8::/128                           | IPV6 | 2001:db8::/128
            ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff  | IPV6 | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128
            64:ff9b::192.0.2.1                       | IPV6 | 64:ff9b::c000:201/128
            64:ff9b::/96                             | IPV6 | 64:ff9b::/96
            ::192.0.2.1                              | IPV6 | ::c000:201/128
            1:2:3:4:5:6:1.2.3.4                      | IPV6 | 1:2:3:4:5:6:102:304/128
            ::fffe:0:0/96                            | IPV6 | ::fffe:0:0/96
            ::/80                                    | IPV6 | ::/80
            """)
    void acceptsAndNormalises(String input, IpFamily family, String normalForm) {
        Cidr cidr = Cidr.parse(input);

        assertThat(cidr.family()).isEqualTo(family);
        assertThat(cidr.token()).isEqualTo(normalForm);
        assertThat(cidr.toString()).isEqualTo(normalForm);
        assertThat(cidr.address() + "/" + cidr.prefixLength()).isEqualTo(normalForm);
        assertThat(Cidr.parse(normalForm)).isEqualTo(cidr);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.1/33            | prefix length '33' of '10.0.0.1/33' is more than 32
            10.0.0.0/100           | is more than 32
            10.0.0.0/4294967304    | is more than 32
            300.1.1.1              | octet '300' of '300.1.1.1' is more than 255
            256.0.0.0              | is more than 255
            1.2.3.1000             | is more than 255
            010.0.0.1              | octet '010' of '010.0.0.1' has a leading zero, which some tools read as octal. Write it without leading zeros: 10.
            10.0.0.01              | has a leading zero
            10.0.0.00              | Write it without leading zeros: 0.
            1.2.3                  | '1.2.3' has 3 parts; an IPv4 address has 4
            1.2.3.4.5              | has 5 parts
            1                      | has 1 part;
            1.2..4                 | has an empty octet
            .1.2.3                 | has an empty octet
            1.2.3.4.               | has 5 parts
            0x0a.0.0.1             | octet '0x0a' of '0x0a.0.0.1' is hexadecimal
            1.2.0X3.4              | is hexadecimal
            10.0.0.0/              | '10.0.0.0/' has no prefix length after '/'
            10.0.0.0/08            | prefix length '08' of '10.0.0.0/08' has a leading zero. Write it without leading zeros: /8.
            10.0.0.0/00            | Write it without leading zeros: /0.
            10.0.0.0/+8            | prefix length '+8' of '10.0.0.0/+8' is not a plain decimal number
            10.0.0.0/-8            | is not a plain decimal number
            10.0.0.0/8/8           | '10.0.0.0/8/8' has more than one '/'
            10.0.0.0//8            | has more than one '/'
            10.0.0.0/0x8           | is not a plain decimal number
            /8                     | '/8' has no address before '/'
            /                      | has no address before '/'
            2001:db8::/129         | prefix length '129' of '2001:db8::/129' is more than 128, the size of an IPv6 address
            fe80::/129             | is more than 128
            2001:db8::/0128        | has a leading zero
            10.0.0.1/8             | host bits are set in '10.0.0.1/8' (did you mean 10.0.0.0/8?). Write 10.0.0.0/8 for the whole network, or 10.0.0.1/32 for that one address.
            192.168.1.1/24         | did you mean 192.168.1.0/24?
            10.0.0.0/0             | did you mean 0.0.0.0/0?
            2001:db8::1/32         | did you mean 2001:db8::/32?). Write 2001:db8::/32 for the whole network, or 2001:db8::1/128 for that one address.
            2001:DB8:0:0:0:0:0:1/64| did you mean 2001:db8::/64?
            fe80::1/0              | did you mean ::/0?
            fe80::1%eth0           | has a zone id
            fe80::1%1              | has a zone id
            fe80::%eth0/64         | has a zone id
            [2001:db8::1]          | has brackets
            [2001:db8::1]/64       | has brackets
            1::2::3                | '1::2::3' uses '::' more than once
            1:::2                  | uses '::' more than once
            :::                    | uses '::' more than once
            :1::2                  | has an empty group
            1::2:                  | has an empty group
            :1:2:3:4:5:6:7:8       | has an empty group
            1:2:3:4:5:6:7:8:       | has an empty group
            1:2:3:4:5:6:7          | '1:2:3:4:5:6:7' has 7 groups of 16 bits; an IPv6 address has 8
            1:2:3:4:5:6:7:8:9      | has 9 groups of 16 bits
            1:2:3:4:5:6:7::8       | has 8 groups of 16 bits besides '::'
            1:2:3:4:5:6:7:8::      | has 8 groups of 16 bits besides '::'
            ::1:2:3:4:5:6:7:8      | besides '::'
            1:2:3:4:5:6:7:1.2.3.4  | has 9 groups of 16 bits
            12345::                | group '12345' of '12345::' has more than 4 hex digits
            00000::1               | has more than 4 hex digits
            1.2.3.4::1             | has a dotted IPv4 part that is not at its end
            ::1.2.3.4:1            | has a dotted IPv4 part that is not at its end
            ::1.2.3.256            | is more than 255
            ::01.2.3.4             | has a leading zero
            ::1.2.3                | has 3 parts
            ::ffff:1.2.3.4         | '::ffff:1.2.3.4' is an IPv4-mapped IPv6 address; those hosts reach the firewall as IPv4, so an IPv6 rule for it would never match. Write the IPv4 form instead: 1.2.3.4/32.
            ::FFFF:102:304         | Write the IPv4 form instead: 1.2.3.4/32.
            0:0:0:0:0:ffff:a00:1   | Write the IPv4 form instead: 10.0.0.1/32.
            ::ffff:10.0.0.0/104    | Write the IPv4 form instead: 10.0.0.0/8.
            ::ffff:10.0.0.1/104    | Write the IPv4 form instead: 10.0.0.0/8.
            ::ffff:0:0/96          | Write the IPv4 form instead: 0.0.0.0/0.
            localhost              | 'localhost' is not an IP address; host names are never looked up
            db.example.com         | host names are never looked up
            db.example.com/24      | host names are never looked up
            abc                    | host names are never looked up
            1.2.3.4g               | host names are never looked up
            g::1                   | 'g::1' contains 'g', which has no place in an IPv6 address
            2001:db8::1;           | contains ';'
            10.0.0.1;              | contains ';'
            `reboot`               | contains '`'
            $(reboot)              | contains '$'
            10.0.0.1#x             | contains '#'
            @include               | contains '@'
            10.0.0.1,10.0.0.2      | contains ','
            10.0.0.1\\n            | contains U+005C
            ''                     | the address is empty
            """)
    void refusesWithAnExplanation(String input, String expectedMessageFragment) {
        assertThatThrownBy(() -> Cidr.parse(input))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(expectedMessageFragment)
                .satisfies(e -> assertWellFormedMessage((InvalidValueException) e));
    }

    static Stream<Arguments> unprintableInputs() {
        return Stream.of(
                arguments(" 10.0.0.1", "whitespace (U+0020) at position 1"),
                arguments("10.0.0.1 ", "whitespace (U+0020) at position 9"),
                arguments("10.0.0.0 /8", "whitespace (U+0020)"),
                arguments("10.0.0.1\t", "whitespace (U+0009)"),
                arguments("10.0.0.1\n", "whitespace (U+000A)"),
                arguments("10.0.0.1\r\n", "whitespace (U+000D)"),
                arguments(" ", "whitespace"),
                arguments("10.0.0.1\u0000", "the control character U+0000"),
                arguments("10.0.0.1\u001b[2J", "the control character U+001B"),
                arguments("10.0.0.1\u007f", "the control character U+007F"),
                arguments("\uff11.0.0.1", "the non-ASCII character U+FF11"),
                arguments("10.0.0.1\u00a0", "the non-ASCII character U+00A0"),
                arguments("\u0661.0.0.1", "the non-ASCII character U+0661"),
                arguments("2001:db8::\u0430", "the non-ASCII character U+0430"),
                arguments("10.0.0.1\u200b", "the non-ASCII character U+200B"),
                arguments("10.0.0.1\u2215" + "8", "the non-ASCII character U+2215"),
                arguments("10.0.0.1/\ud835\udfd6", "the non-ASCII character U+1D7D6"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unprintableInputs")
    void refusesWhitespaceControlAndNonAsciiNamingTheCodePoint(String input, String expectedMessageFragment) {
        assertThatThrownBy(() -> Cidr.parse(input))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(expectedMessageFragment)
                .satisfies(e -> assertWellFormedMessage((InvalidValueException) e))
                .satisfies(e -> assertThat(e.getMessage()).matches("[\\x20-\\x7e]+"));
    }

    @Test
    @Timeout(5)
    void keepsMessagesShortAndTimeLinearForHugeInput() {
        String huge = "1".repeat(100_000);

        assertThatThrownBy(() -> Cidr.parse(huge))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("has 1 part")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/" + huge)).hasMessageContaining("is more than 32");
        assertThatThrownBy(() -> Cidr.parse("1::" + huge)).hasMessageContaining("more than 4 hex digits");
        assertThatThrownBy(() -> Cidr.parse("a".repeat(100_000) + "!")).hasMessageContaining("contains '!'");
        assertThatThrownBy(() -> Cidr.parse("a.".repeat(50_000) + "0x1")).hasMessageContaining("has 50001 parts");
        assertThatThrownBy(() -> Cidr.parse("1:".repeat(50_000))).hasMessageContaining("has an empty group");
        assertThatThrownBy(() -> Cidr.parse("1.".repeat(50_000))).hasMessageContaining("has 50001 parts");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Cidr.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/8      | 10.1.2.3           | true
            10.0.0.0/8      | 10.255.255.255     | true
            10.0.0.0/8      | 10.0.0.0/8         | true
            10.0.0.0/8      | 10.0.0.0/9         | true
            10.0.0.0/8      | 11.0.0.0/8         | false
            10.0.0.0/8      | 11.0.0.0           | false
            10.0.0.0/8      | 9.255.255.255      | false
            10.0.0.0/8      | 0.0.0.0/0          | false
            10.0.0.0/9      | 10.128.0.0/9       | false
            10.0.0.0/7      | 11.255.255.255     | true
            0.0.0.0/0       | 10.0.0.0/8         | true
            0.0.0.0/0       | 255.255.255.255    | true
            0.0.0.0/0       | ::/0               | false
            0.0.0.0/0       | ::                 | false
            10.0.0.1        | 10.0.0.1           | true
            10.0.0.1        | 10.0.0.0/8         | false
            ::/0            | 2001:db8::1        | true
            ::/0            | 10.0.0.1           | false
            2001:db8::/32   | 2001:db8:ffff::/48 | true
            2001:db8::/32   | 2001:db9::/32      | false
            2001:db8::/32   | 2001:db8::/31      | false
            fe80::/10       | febf::1            | true
            fe80::/10       | fec0::1            | false
            """)
    void containsNetworksInsideItsOwn(String outer, String inner, boolean expected) {
        assertThat(Cidr.parse(outer).contains(Cidr.parse(inner))).isEqualTo(expected);
        assertThat(Cidr.parse(outer).overlaps(Cidr.parse(inner)))
                .isEqualTo(expected || Cidr.parse(inner).contains(Cidr.parse(outer)));
    }

    @Test
    void ordersByFamilyThenAddressAsUnsignedNumberThenPrefix() {
        List<String> sorted = List.of("0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.0.0.1/32", "127.255.255.255/32",
                "128.0.0.0/1", "192.0.2.0/24", "255.255.255.255/32", "::/0", "::/128", "::1/128", "2001:db8::/32",
                "2001:db8::/48", "fe80::/10", "ffff::/16");
        List<Cidr> shuffled = new ArrayList<>(sorted.stream().map(Cidr::parse).toList());
        Collections.shuffle(shuffled, new java.util.Random(4));

        Collections.sort(shuffled);

        assertThat(shuffled).extracting(Cidr::token).containsExactlyElementsOf(sorted);
    }

    @Test
    void buildsFromBytesAndGivesThemBack() {
        Cidr fromBytes = Cidr.of(new byte[] {(byte) 192, 0, 2, 0}, 24);

        assertThat(fromBytes).isEqualTo(Cidr.parse("192.0.2.0/24"));
        assertThat(fromBytes.addressBytes()).containsExactly((byte) 192, 0, 2, 0);
        fromBytes.addressBytes()[0] = 1;
        assertThat(fromBytes.addressBytes()[0]).isEqualTo((byte) 192);
        assertThat(Cidr.of(new byte[16], 0)).isEqualTo(Cidr.any(IpFamily.IPV6));
        assertThat(Cidr.any(IpFamily.IPV4).token()).isEqualTo("0.0.0.0/0");
        assertThat(Cidr.any(IpFamily.IPV6).token()).isEqualTo("::/0");
        assertThatThrownBy(() -> Cidr.of(new byte[] {10, 0, 0, 1}, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.of(new byte[5], 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "new Cidr({0}, {1}, {2})")
    @CsvSource(delimiter = '|', textBlock = """
            IPV4 | 010.0.0.0      | 8
            IPV4 | 10.0.0.1       | 8
            IPV4 | 10.0.0.0       | 33
            IPV4 | 10.0.0.0       | -1
            IPV4 | 10.0.0.0/8     | 8
            IPV4 | 2001:db8::     | 32
            IPV6 | 10.0.0.0       | 8
            IPV6 | 2001:DB8::     | 32
            IPV6 | 2001:db8:0::   | 32
            IPV6 | ::ffff:a00:1   | 128
            IPV6 | fe80::1%eth0   | 128
            IPV4 | ''             | 0
            """)
    void constructorRefusesAnythingButTheNormalForm(IpFamily family, String address, int prefixLength) {
        assertThatThrownBy(() -> new Cidr(family, address, prefixLength)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorAcceptsTheNormalForm() {
        assertThat(new Cidr(IpFamily.IPV6, "2001:db8::", 32)).isEqualTo(Cidr.parse("2001:DB8:0::/32"));
        assertThat(new Cidr(IpFamily.IPV4, "10.0.0.0", 8)).isEqualTo(Cidr.parse("10.0.0.0/8"));
    }

    @Test
    void familiesKnowTheirAddressLength() {
        assertThat(IpFamily.IPV4.addressBits()).isEqualTo(32);
        assertThat(IpFamily.IPV6.addressBits()).isEqualTo(128);
    }

    /** Problem without a trailing full stop, remedy a sentence: the policy layer relies on both. */
    static void assertWellFormedMessage(InvalidValueException e) {
        assertThat(e.problem()).isNotBlank().doesNotEndWith(".");
        assertThat(e.remedy()).isNotBlank().endsWith(".");
        assertThat(Character.isUpperCase(e.remedy().charAt(0))).as("remedy starts a sentence: %s", e.remedy())
                .isTrue();
        assertThat(e.getMessage()).isEqualTo(e.problem() + ". " + e.remedy());
    }
}
