package io.github.fermmavenplugin.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IP address literals as Go's net.ParseIP takes or refuses them, which is how BuildKit checks the address of an
 * EXPOSE word: the Dockerfile reader asks {@link IpAddressText#isLiteral} the same question.
 */
class IpAddressLiteralTest {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "255.255.255.255", "10.0.0.1", "::", "::1", "1::", "fe80::1",
        "2001:db8::8a2e:370:7334", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6::8", "::ffff:10.0.0.1", "1:2:3:4:5:6:1.2.3.4",
        "ABCD::ef01", "0:0:0:0:0:0:0:0", "::1.2.3.4"})
    void takes(String text) {
        assertThat(IpAddressText.isLiteral(text)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "localhost", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1..2.3",
        ".1.2.3", "1.2.3.", "+1.2.3.4", "1.2.3.4 ", ":", ":::", "1:::2", "1::2::3", ":1::2", "1::2:", "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "::1:2:3:4:5:6:7:8", "12345::1", "g::1", "fe80::1%eth0",
        "1.2.3.4::", "1.2.3.4::1", "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4", "::256.1.1.1", "[::1]"})
    void refuses(String text) {
        assertThat(IpAddressText.isLiteral(text)).isFalse();
    }
}
