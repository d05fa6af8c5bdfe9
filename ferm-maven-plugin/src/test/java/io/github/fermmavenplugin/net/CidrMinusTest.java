package io.github.fermmavenplugin.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrMinusTest {

    @ParameterizedTest(name = "{0} minus {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/8       | 192.168.0.0/16   | 10.0.0.0/8
            10.0.0.0/8       | 10.0.0.0/8       | ''
            10.1.0.0/16      | 10.0.0.0/8       | ''
            10.0.0.0/8       | 10.128.0.0/9     | 10.0.0.0/9
            10.0.0.0/8       | 10.1.0.0/16      | 10.0.0.0/16 10.2.0.0/15 10.4.0.0/14 10.8.0.0/13 10.16.0.0/12 10.32.0.0/11 10.64.0.0/10 10.128.0.0/9
            192.0.2.0/30     | 192.0.2.3        | 192.0.2.0/31 192.0.2.2/32
            2001:db8::/32    | 2001:db8:8000::/33 | 2001:db8::/33
            2001:db8::/32    | 10.0.0.0/8       | 2001:db8::/32
            """)
    void subtractsExactly(String network, String except, String expected) {
        List<String> rest = Cidr.parse(network).minus(Cidr.parse(except)).stream().map(Cidr::token).toList();
        assertThat(rest).containsExactlyElementsOf(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
    }

    /** Over a small IPv4 space, every address is in the difference exactly when it is in one and not the other. */
    @Property(tries = 300)
    void differenceHoldsExactlyTheAddressesLeft(@ForAll @IntRange(min = 0, max = 255) int a,
            @ForAll @IntRange(min = 24, max = 32) int aPrefix, @ForAll @IntRange(min = 0, max = 255) int b,
            @ForAll @IntRange(min = 24, max = 32) int bPrefix) {
        Cidr network = Cidr.parse("192.0.2." + mask(a, aPrefix) + "/" + aPrefix);
        Cidr except = Cidr.parse("192.0.2." + mask(b, bPrefix) + "/" + bPrefix);
        List<Cidr> rest = network.minus(except);
        for (int last = 0; last < 256; last++) {
            Cidr address = Cidr.parse("192.0.2." + last);
            long covering = rest.stream().filter(n -> n.contains(address)).count();
            boolean expected = network.contains(address) && !except.contains(address);
            assertThat(covering).isEqualTo(expected ? 1 : 0);
        }
    }

    private static int mask(int value, int prefix) {
        int hostBits = 32 - prefix;
        return value >> hostBits << hostBits;
    }
}
