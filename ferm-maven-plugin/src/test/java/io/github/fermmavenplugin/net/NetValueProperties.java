package io.github.fermmavenplugin.net;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Random input may only ever give a valid, normalised value or an {@link InvalidValueException}; never
 * another exception, never a value whose text could carry anything but its own grammar into ferm.
 */
@Tag("slow")
class NetValueProperties {

    private static final Pattern CIDR_TEXT = Pattern.compile("[0-9a-f.:/]+");
    private static final Pattern IPV4_TOKEN = Pattern.compile(
            "(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})/(0|[1-9][0-9]?)");
    private static final Pattern IPV6_TOKEN = Pattern.compile("[0-9a-f:]+/(0|[1-9][0-9]{0,2})");
    /** The strict dotted quad, written independently of the parser: octets 0-255, no leading zeros. */
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
    private static final Pattern STRICT_IPV4 = Pattern.compile(
            OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET + "(?:/(3[0-2]|[12][0-9]|[0-9]))?");
    private static final Pattern INTERFACE_GRAMMAR = Pattern.compile(
            "(?=.{1,15}$)[A-Za-z0-9][A-Za-z0-9._-]*\\+?");
    private static final Pattern ZERO_RUN = Pattern.compile("(?::0)+(?=:)");

    @Property(tries = 3000)
    void anyStringGivesAValidCidrOrARefusal(@ForAll String text) {
        parseOrRefusal(text).ifPresent(NetValueProperties::assertNormalised);
    }

    @Property(tries = 5000)
    @StatisticsReport(onFailureOnly = true)
    void addressLikeStringsGiveAValidCidrOrARefusal(@ForAll("addressLike") String text) {
        Optional<Cidr> parsed = parseOrRefusal(text);
        parsed.ifPresent(NetValueProperties::assertNormalised);

        Statistics.collect(parsed.isPresent() ? "accepted" : "refused");
        Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p > 5));
    }

    @Property(tries = 5000)
    @StatisticsReport(onFailureOnly = true)
    void ipv4IsAcceptedExactlyWhenStrictAndWithoutHostBits(@ForAll("ipv4Like") String text) {
        Matcher strict = STRICT_IPV4.matcher(text);
        boolean expected = strict.matches() && hostBitsClear(strict);

        Optional<Cidr> parsed = parseOrRefusal(text);

        assertThat(parsed.isPresent()).as("accepted %s", text).isEqualTo(expected);
        parsed.ifPresent(cidr -> assertThat(cidr.token()).isEqualTo(text.contains("/") ? text : text + "/32"));
        Statistics.collect(parsed.isPresent() ? "accepted" : "refused");
        Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p > 10));
    }

    @Property(tries = 3000)
    void everyIpv6NetworkReadsTheSameFromEverySpelling(
            @ForAll("ipv6Groups") int[] groups, @ForAll @IntRange(min = 0, max = 128) int prefixLength)
            throws UnknownHostException {
        byte[] network = masked(toBytes(groups), prefixLength);
        int[] networkGroups = toGroups(network);
        String suffix = "/" + prefixLength;
        List<String> spellings = spellings(network, networkGroups);

        if (isIpv4Mapped(networkGroups) && prefixLength >= 96) {
            for (String spelling : spellings) {
                assertThatThrownBy(() -> Cidr.parse(spelling + suffix))
                        .isInstanceOf(InvalidValueException.class)
                        .hasMessageContaining("IPv4-mapped");
            }
            return;
        }
        Cidr expected = Cidr.of(network, prefixLength);
        assertThat(expected.token()).isEqualTo(rfc5952(networkGroups) + suffix);
        assertThat(expected.addressBytes()).isEqualTo(network);
        for (String spelling : spellings) {
            assertThat(Cidr.parse(spelling + suffix)).as(spelling).isEqualTo(expected);
        }
        assertNormalised(expected);
    }

    @Property(tries = 3000)
    void containsAgreesWithArithmetic(@ForAll("ipv4Like") String outerText, @ForAll("ipv4Like") String innerText) {
        Optional<Cidr> outer = parseOrRefusal(outerText);
        Optional<Cidr> inner = parseOrRefusal(innerText);
        if (outer.isEmpty() || inner.isEmpty()) {
            return;
        }
        long outerFirst = unsigned(outer.get());
        long innerFirst = unsigned(inner.get());
        long outerLast = outerFirst + (1L << 32 - outer.get().prefixLength()) - 1;
        long innerLast = innerFirst + (1L << 32 - inner.get().prefixLength()) - 1;

        assertThat(outer.get().contains(inner.get()))
                .isEqualTo(outerFirst <= innerFirst && innerLast <= outerLast);
        assertThat(outer.get().compareTo(inner.get()) == 0).isEqualTo(outer.equals(inner));
    }

    @Property(tries = 3000)
    void anyStringGivesAValidInterfaceNameOrARefusal(@ForAll String text) {
        interfaceOrRefusal(text).ifPresent(name -> assertThat(name.name()).matches(INTERFACE_GRAMMAR));
    }

    @Property(tries = 5000)
    @StatisticsReport(onFailureOnly = true)
    void interfaceNamesAreAcceptedExactlyByTheGrammar(@ForAll("interfaceLike") String text) {
        boolean expected = INTERFACE_GRAMMAR.matcher(text).matches() && !text.equals("+");

        Optional<InterfaceName> parsed = interfaceOrRefusal(text);

        assertThat(parsed.isPresent()).as("accepted %s", text).isEqualTo(expected);
        parsed.ifPresent(name -> {
            assertThat(InterfaceName.parse(name.token())).isEqualTo(name);
            assertThat(name.isWildcard()).isEqualTo(text.endsWith("+"));
        });
        Statistics.collect(parsed.isPresent() ? "accepted" : "refused");
        Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p > 10));
    }

    @Provide
    Arbitrary<String> addressLike() {
        Arbitrary<String> fromAlphabet = Arbitraries.strings().withChars("0123456789abcdefABCDEF.:/%x").ofMaxLength(45);
        Arbitrary<String> ipv6 = Combinators.combine(ipv6Groups(), Arbitraries.integers().between(0, 130))
                .as((groups, prefix) -> rfc5952(groups) + "/" + prefix);
        return Arbitraries.frequencyOf(
                Tuple.of(3, fromAlphabet), Tuple.of(3, ipv4Like()), Tuple.of(3, ipv6), Tuple.of(1, ipv6Garbled()));
    }

    /** Mostly well-formed IPv6 text with one piece swapped for a wrong one. */
    private Arbitrary<String> ipv6Garbled() {
        Arbitrary<String> piece = Arbitraries.of("", "0", "ffff", "FFFF", "0db8", "12345", "1.2.3.4", "256.1.1.1", ":",
                "::", "g", "%1", "01.2.3.4");
        return piece.list().ofMinSize(1).ofMaxSize(10).map(pieces -> String.join(":", pieces));
    }

    @Provide
    Arbitrary<String> ipv4Like() {
        Arbitrary<String> octet = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("0")),
                Tuple.of(10, Arbitraries.integers().between(0, 255).map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(256, 1999).map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(0, 99).map(i -> "0" + i)),
                Tuple.of(1, Arbitraries.of("", "a", "-1", "+1", "0x1", "00")));
        Arbitrary<List<String>> octets = Arbitraries.frequencyOf(
                Tuple.of(10, octet.list().ofSize(4)),
                Tuple.of(1, octet.list().ofMinSize(1).ofMaxSize(6)));
        Arbitrary<String> suffix = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("")),
                Tuple.of(6, Arbitraries.integers().between(0, 34).map(i -> "/" + i)),
                Tuple.of(1, Arbitraries.of("/", "/08", "/+8", "/-1", "/99", "//8", "/32/")));
        return Combinators.combine(octets, suffix).as((parts, prefix) -> String.join(".", parts) + prefix);
    }

    /** Eight 16-bit groups, half of them zero so that runs of zeros (and "::") are common. */
    @Provide
    Arbitrary<int[]> ipv6Groups() {
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.just(0xffff)),
                Tuple.of(4, Arbitraries.integers().between(0, 0xffff)));
        return group.list().ofSize(8).map(list -> list.stream().mapToInt(Integer::intValue).toArray());
    }

    @Provide
    Arbitrary<String> interfaceLike() {
        Arbitrary<String> plausible = Arbitraries.strings().withChars("abeht09Z._-").ofMinLength(1).ofMaxLength(17)
                .flatMap(name -> Arbitraries.of(name, name + "+"));
        Arbitrary<String> hostile = Arbitraries.strings().withChars("ab0._-+/: #$`'\"@;{}()\u00e9\u0430\n\u0000")
                .ofMaxLength(17);
        return Arbitraries.frequencyOf(Tuple.of(3, plausible), Tuple.of(2, hostile));
    }

    private static Optional<Cidr> parseOrRefusal(String text) {
        try {
            return Optional.of(Cidr.parse(text));
        } catch (InvalidValueException e) {
            assertWellFormedRefusal(e);
            return Optional.empty();
        }
    }

    private static Optional<InterfaceName> interfaceOrRefusal(String text) {
        try {
            return Optional.of(InterfaceName.parse(text));
        } catch (InvalidValueException e) {
            assertWellFormedRefusal(e);
            return Optional.empty();
        }
    }

    private static void assertWellFormedRefusal(InvalidValueException e) {
        CidrTest.assertWellFormedMessage(e);
        assertThat(e.getMessage()).matches("[\\x20-\\x7e]+").hasSizeLessThan(400);
    }

    private static void assertNormalised(Cidr cidr) {
        String token = cidr.token();
        assertThat(token).matches(CIDR_TEXT).matches(cidr.family() == IpFamily.IPV4 ? IPV4_TOKEN : IPV6_TOKEN);
        assertThat(cidr.prefixLength()).isBetween(0, cidr.family().addressBits());
        assertThat(Cidr.parse(token)).isEqualTo(cidr);
        assertThat(Cidr.parse(token.toUpperCase(Locale.ROOT))).isEqualTo(cidr);
        assertThat(new Cidr(cidr.family(), cidr.address(), cidr.prefixLength())).isEqualTo(cidr);
        assertThat(Cidr.of(cidr.addressBytes(), cidr.prefixLength())).isEqualTo(cidr);
        if (cidr.family() == IpFamily.IPV6) {
            assertThat(rfc5952(toGroups(cidr.addressBytes())) + "/" + cidr.prefixLength()).isEqualTo(token);
        }
    }

    /** Texts RFC 4291 allows for one address; InetAddress.getByAddress takes bytes and never looks anything up. */
    private static List<String> spellings(byte[] address, int[] groups) throws UnknownHostException {
        List<String> spellings = new ArrayList<>();
        String javaText = InetAddress.getByAddress(address).getHostAddress();
        if (javaText.contains(":")) {
            spellings.add(javaText);
        }
        spellings.add(IntStream.of(groups).mapToObj(g -> String.format("%04X", g)).collect(Collectors.joining(":")));
        spellings.add(IntStream.of(groups).limit(6).mapToObj(Integer::toHexString).collect(Collectors.joining(":"))
                + ":" + (address[12] & 0xFF) + "." + (address[13] & 0xFF) + "." + (address[14] & 0xFF) + "."
                + (address[15] & 0xFF));
        // "::" may stand for any run of zero groups, not only the longest: compress the last one.
        int lastZero = -1;
        for (int i = 0; i < 8; i++) {
            if (groups[i] == 0) {
                lastZero = i;
            }
        }
        if (lastZero >= 0) {
            int start = lastZero;
            while (start > 0 && groups[start - 1] == 0) {
                start--;
            }
            spellings.add(hexGroups(groups, 0, start) + "::" + hexGroups(groups, lastZero + 1, 8));
        }
        return spellings;
    }

    private static String hexGroups(int[] groups, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Integer.toHexString(groups[i]).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(":"));
    }

    /** RFC 5952 by string surgery, independent of the parser's group arithmetic. */
    private static String rfc5952(int[] groups) {
        String full = ":" + IntStream.of(groups).mapToObj(Integer::toHexString).collect(Collectors.joining(":")) + ":";
        Matcher zeros = ZERO_RUN.matcher(full);
        int bestStart = -1;
        int bestEnd = -1;
        while (zeros.find()) {
            int length = zeros.end() - zeros.start();
            if (length >= 4 && length > bestEnd - bestStart) {
                bestStart = zeros.start();
                bestEnd = zeros.end();
            }
        }
        String text = bestStart < 0 ? full : full.substring(0, bestStart) + "::" + full.substring(bestEnd + 1);
        if (!text.startsWith("::")) {
            text = text.substring(1);
        }
        if (!text.endsWith("::")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static boolean hostBitsClear(Matcher strictIpv4) {
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            address = address << 8 | Long.parseLong(strictIpv4.group(i));
        }
        int prefix = strictIpv4.group(5) == null ? 32 : Integer.parseInt(strictIpv4.group(5));
        long hostMask = (1L << 32 - prefix) - 1;
        return (address & hostMask) == 0;
    }

    private static long unsigned(Cidr ipv4) {
        return new BigInteger(1, ipv4.addressBytes()).longValueExact();
    }

    private static boolean isIpv4Mapped(int[] groups) {
        return IntStream.range(0, 5).allMatch(i -> groups[i] == 0) && groups[5] == 0xffff;
    }

    private static byte[] masked(byte[] address, int prefixLength) {
        int hostBits = address.length * 8 - prefixLength;
        BigInteger network = new BigInteger(1, address).shiftRight(hostBits).shiftLeft(hostBits);
        byte[] bytes = network.toByteArray();
        byte[] result = new byte[address.length];
        int copied = Math.min(bytes.length, result.length);
        System.arraycopy(bytes, bytes.length - copied, result, result.length - copied, copied);
        return result;
    }

    private static byte[] toBytes(int[] groups) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (groups[i] >> 8);
            bytes[2 * i + 1] = (byte) groups[i];
        }
        return bytes;
    }

    private static int[] toGroups(byte[] bytes) {
        return IntStream.range(0, 8).map(i -> (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF).toArray();
    }
}
