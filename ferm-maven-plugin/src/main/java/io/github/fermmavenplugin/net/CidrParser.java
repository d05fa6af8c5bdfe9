package io.github.fermmavenplugin.net;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads the text of a {@link Cidr} and, for anything else, says what is wrong and what to write instead: zone
 * ids, brackets, host names, stray characters, prefix lengths, IPv4-mapped IPv6 and host bits each get their
 * own advice.
 */
final class CidrParser {

    /** ::ffff:0:0/96, the IPv4-mapped block, is this long. */
    private static final int MAPPED_PREFIX_BITS = 96;

    private static final String EXAMPLES = "e.g. 10.0.0.0/8, 192.0.2.10, 2001:db8::/32 or 2001:db8::1";

    /** A network read from text: its family, its address in network byte order, its prefix length. */
    record Parsed(IpFamily family, byte[] address, int prefixLength) {
    }

    private CidrParser() {
    }

    /** @throws InvalidValueException for anything but a network or an address, saying what to write instead */
    static Parsed parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new InvalidValueException("the address is empty", "Write an address or network, " + EXAMPLES + ".");
        }
        String unprintable = Quoted.firstUnprintable(text, "the address");
        if (unprintable != null) {
            throw new InvalidValueException(unprintable,
                    "Write the address in plain ASCII, without spaces, " + EXAMPLES + ".");
        }
        refuseForeignNotations(text);
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        if (addressText.isEmpty()) {
            throw new InvalidValueException(Quoted.of(text) + " has no address before '/'",
                    "Write an address before the prefix length, " + EXAMPLES + ".");
        }
        if (slash >= 0 && text.indexOf('/', slash + 1) >= 0) {
            throw new InvalidValueException(Quoted.of(text) + " has more than one '/'",
                    "Write one address, then '/' and the prefix length, " + EXAMPLES + ".");
        }
        IpFamily family = addressText.indexOf(':') >= 0 ? IpFamily.IPV6 : IpFamily.IPV4;
        refuseStrayCharacters(addressText, family);
        byte[] address = family == IpFamily.IPV4
                ? IpAddressText.parseIpv4(addressText)
                : IpAddressText.parseIpv6(addressText);
        int prefixLength = slash < 0
                ? family.addressBits()
                : parsePrefixLength(text.substring(slash + 1), text, family);
        refuseIpv4Mapped(address, prefixLength, text);
        byte[] network = masked(address, prefixLength);
        if (!Arrays.equals(address, network)) {
            String meant = IpAddressText.format(network) + "/" + prefixLength;
            String single = IpAddressText.format(address) + "/" + family.addressBits();
            throw new InvalidValueException(
                    "host bits are set in " + Quoted.of(text) + " (did you mean " + meant + "?)",
                    "Write " + meant + " for the whole network, or " + single + " for that one address.");
        }
        return new Parsed(family, address, prefixLength);
    }

    /** Zone ids, brackets and host names: things people paste from elsewhere, each with its own advice. */
    private static void refuseForeignNotations(String text) {
        if (text.indexOf('%') >= 0) {
            throw new InvalidValueException(
                    Quoted.of(text) + " has a zone id ('%...'), which firewall rules cannot match",
                    "Write the address without '%' and what follows; interfaces are matched separately.");
        }
        if (text.indexOf('[') >= 0 || text.indexOf(']') >= 0) {
            throw new InvalidValueException(Quoted.of(text) + " has brackets, which belong only in URLs",
                    "Write the address without '[' and ']', e.g. 2001:db8::1.");
        }
        String addressText = text.indexOf('/') < 0 ? text : text.substring(0, text.indexOf('/'));
        if (looksLikeHostName(addressText)) {
            throw new InvalidValueException(
                    Quoted.of(addressText) + " is not an IP address; host names are never looked up",
                    "Write the addresses the name stands for, " + EXAMPLES
                            + ": the firewall is built once, a name's addresses can change.");
        }
    }

    /** Letters, digits, dots and dashes with at least one letter, but no hex octet such as 0x0a. */
    private static boolean looksLikeHostName(String addressText) {
        boolean hasLetter = false;
        for (int i = 0; i < addressText.length(); i++) {
            char c = addressText.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!letter && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
                return false;
            }
            boolean startsLabel = i == 0 || addressText.charAt(i - 1) == '.';
            if (startsLabel && addressText.regionMatches(true, i, "0x", 0, 2)) {
                return false;
            }
            hasLetter |= letter;
        }
        return hasLetter;
    }

    private static void refuseStrayCharacters(String addressText, IpFamily family) {
        for (int i = 0; i < addressText.length(); i++) {
            char c = addressText.charAt(i);
            // Letters pass in IPv4 so that the octet gets its own message ("'0x0a' is hexadecimal").
            boolean allowed = family == IpFamily.IPV4
                    ? c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.'
                    : c < 0x80 && Character.digit(c, 16) >= 0 || c == ':' || c == '.';
            if (!allowed) {
                throw new InvalidValueException(
                        Quoted.of(addressText) + " contains " + Quoted.character(c) + ", which has no place in an "
                                + family + " address",
                        family == IpFamily.IPV4
                                ? "Write four decimal octets separated by dots, e.g. 192.0.2.10."
                                : "Write hex groups separated by ':', e.g. 2001:db8::1.");
            }
        }
    }

    private static int parsePrefixLength(String digits, String text, IpFamily family) {
        String range = "Write a prefix length from 0 to " + family.addressBits() + " after the '/'.";
        if (digits.isEmpty()) {
            throw new InvalidValueException(Quoted.of(text) + " has no prefix length after '/'",
                    range + " Leave out the '/' for a single address.");
        }
        if (!IpAddressText.allDecimalDigits(digits)) {
            throw new InvalidValueException(
                    "prefix length " + Quoted.of(digits) + " of " + Quoted.of(text) + " is not a plain decimal number",
                    range);
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new InvalidValueException(
                    "prefix length " + Quoted.of(digits) + " of " + Quoted.of(text) + " has a leading zero",
                    "Write it without leading zeros: /" + IpAddressText.stripLeadingZeros(digits) + ".");
        }
        if (digits.length() > 3 || Integer.parseInt(digits) > family.addressBits()) {
            throw new InvalidValueException(
                    "prefix length " + Quoted.of(digits) + " of " + Quoted.of(text)
                            + " is more than " + family.addressBits() + ", the size of an " + family + " address",
                    range);
        }
        return Integer.parseInt(digits);
    }

    /** ::ffff:0:0/96 and everything inside it: IPv4 hosts written as IPv6. */
    private static void refuseIpv4Mapped(byte[] address, int prefixLength, String text) {
        if (address.length != 16 || prefixLength < MAPPED_PREFIX_BITS) {
            return;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return;
            }
        }
        if (address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
            return;
        }
        int ipv4Prefix = prefixLength - MAPPED_PREFIX_BITS;
        byte[] ipv4 = masked(Arrays.copyOfRange(address, 12, 16), ipv4Prefix);
        String meant = IpAddressText.format(ipv4) + "/" + ipv4Prefix;
        throw new InvalidValueException(
                Quoted.of(text) + " is an IPv4-mapped IPv6 address; those hosts reach the firewall as IPv4,"
                        + " so an IPv6 rule for it would never match",
                "Write the IPv4 form instead: " + meant + ".");
    }

    /** The address with every bit after the prefix cleared, a fresh array. */
    static byte[] masked(byte[] address, int prefixLength) {
        byte[] network = address.clone();
        for (int bit = prefixLength; bit < network.length * Byte.SIZE; bit++) {
            network[bit / Byte.SIZE] &= (byte) ~(0x80 >>> (bit % Byte.SIZE));
        }
        return network;
    }
}
