package io.github.fermmavenplugin.net;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes IP addresses as text, by hand: {@code InetAddress.getByName} would look up anything
 * that is not a literal in the DNS, and it accepts forms (octal, hex, fewer than four IPv4 parts) that
 * other tools read differently.
 */
public final class IpAddressText {

    private static final int IPV6_GROUPS = 8;
    private static final int MAX_HEX_DIGITS_PER_GROUP = 4;

    private IpAddressText() {
    }

    /**
     * Whether the text is one IP address, IPv4 or IPv6, in the forms read here; never looked up. For
     * checks that only need a verdict, such as the address of a Dockerfile's {@code ip:host:container}.
     */
    public static boolean isLiteral(String text) {
        try {
            if (text.indexOf(':') < 0) {
                parseIpv4(text);
            } else if (text.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80 || c == ':' || c == '.')) {
                parseIpv6(text);
            } else {
                return false;
            }
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** Strict dotted quad: four decimal octets 0-255 without leading zeros. */
    static byte[] parseIpv4(String text) {
        int parts = 1;
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            parts++;
        }
        if (parts != 4) {
            throw new InvalidValueException(
                    Quoted.of(text) + " has " + parts + (parts == 1 ? " part" : " parts")
                            + "; an IPv4 address has 4, separated by dots",
                    "Write all four octets, e.g. 192.0.2.10 (1.2 or 1.2.3 shorthands are not accepted).");
        }
        byte[] address = new byte[4];
        int start = 0;
        for (int i = 0; i < 4; i++) {
            int end = i < 3 ? text.indexOf('.', start) : text.length();
            address[i] = (byte) parseOctet(text.substring(start, end), text);
            start = end + 1;
        }
        return address;
    }

    private static int parseOctet(String octet, String address) {
        if (octet.isEmpty()) {
            throw new InvalidValueException(Quoted.of(address) + " has an empty octet",
                    "Write four numbers from 0 to 255 separated by single dots, e.g. 192.0.2.10.");
        }
        if (octet.length() > 1 && (octet.charAt(1) == 'x' || octet.charAt(1) == 'X') && octet.charAt(0) == '0') {
            throw new InvalidValueException(
                    "octet " + Quoted.of(octet) + " of " + Quoted.of(address) + " is hexadecimal",
                    "Write each octet in decimal, from 0 to 255.");
        }
        if (!allDecimalDigits(octet)) {
            throw new InvalidValueException(
                    "octet " + Quoted.of(octet) + " of " + Quoted.of(address) + " is not a decimal number",
                    "Write each octet as a number from 0 to 255.");
        }
        if (octet.length() > 1 && octet.charAt(0) == '0') {
            throw new InvalidValueException(
                    "octet " + Quoted.of(octet) + " of " + Quoted.of(address)
                            + " has a leading zero, which some tools read as octal",
                    "Write it without leading zeros: " + stripLeadingZeros(octet) + ".");
        }
        if (octet.length() > 3 || Integer.parseInt(octet) > 255) {
            throw new InvalidValueException(
                    "octet " + Quoted.of(octet) + " of " + Quoted.of(address) + " is more than 255",
                    "Write each octet as a number from 0 to 255.");
        }
        return Integer.parseInt(octet);
    }

    /**
     * Any RFC 4291 text form: upper or lower case, leading zeros in a group, "::" once, a dotted quad
     * in the last 32 bits. The caller has made sure the text holds only hex digits, ':' and '.'.
     */
    static byte[] parseIpv6(String text) {
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            throw new InvalidValueException(Quoted.of(text) + " uses '::' more than once",
                    "Shorten only one run of zero groups with '::', e.g. 2001:db8::1:0:0:1.");
        }
        List<Integer> head;
        List<Integer> tail;
        if (compression < 0) {
            head = parseGroups(text, text, true);
            tail = List.of();
            if (head.size() != IPV6_GROUPS) {
                throw new InvalidValueException(
                        Quoted.of(text) + " has " + head.size() + " groups of 16 bits; an IPv6 address has 8",
                        "Write all 8 groups, or shorten a run of zero groups with '::', e.g. 2001:db8::1.");
            }
        } else {
            head = parseGroups(text.substring(0, compression), text, false);
            tail = parseGroups(text.substring(compression + 2), text, true);
            if (head.size() + tail.size() > IPV6_GROUPS - 1) {
                throw new InvalidValueException(
                        Quoted.of(text) + " has " + (head.size() + tail.size())
                                + " groups of 16 bits besides '::'; there is no room for '::' in 8 groups",
                        "Remove the '::' or a group: an IPv6 address has exactly 8 groups.");
            }
        }
        byte[] address = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            putGroup(address, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            putGroup(address, IPV6_GROUPS - tail.size() + i, tail.get(i));
        }
        return address;
    }

    /** The 16-bit groups of one side of "::"; an embedded IPv4 address counts as two groups. */
    private static List<Integer> parseGroups(String part, String address, boolean mayEndInIpv4) {
        List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        String[] pieces = part.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            boolean last = i == pieces.length - 1;
            if (piece.indexOf('.') >= 0) {
                if (!last || !mayEndInIpv4) {
                    throw new InvalidValueException(
                            Quoted.of(address) + " has a dotted IPv4 part that is not at its end",
                            "An embedded IPv4 address may only stand in the last 32 bits, e.g. 64:ff9b::192.0.2.1.");
                }
                byte[] ipv4 = parseIpv4(piece);
                groups.add((ipv4[0] & 0xFF) << 8 | ipv4[1] & 0xFF);
                groups.add((ipv4[2] & 0xFF) << 8 | ipv4[3] & 0xFF);
            } else {
                groups.add(parseGroup(piece, address));
            }
        }
        return groups;
    }

    private static int parseGroup(String group, String address) {
        if (group.isEmpty()) {
            throw new InvalidValueException(
                    Quoted.of(address) + " has an empty group (a single ':' at its start or end, or ':::')",
                    "Separate groups with one ':', and use '::' only for a run of zero groups.");
        }
        if (group.length() > MAX_HEX_DIGITS_PER_GROUP) {
            throw new InvalidValueException(
                    "group " + Quoted.of(group) + " of " + Quoted.of(address) + " has more than 4 hex digits",
                    "Each group between colons holds 16 bits: at most 4 hex digits.");
        }
        int value = 0;
        for (int i = 0; i < group.length(); i++) {
            int digit = Character.digit(group.charAt(i), 16);
            if (digit < 0 || group.charAt(i) > 0x7F) {
                throw new InvalidValueException(
                        "group " + Quoted.of(group) + " of " + Quoted.of(address) + " is not hexadecimal",
                        "Write each group with the hex digits 0-9 and a-f.");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static void putGroup(byte[] address, int index, int group) {
        address[2 * index] = (byte) (group >>> 8);
        address[2 * index + 1] = (byte) group;
    }

    /** Dotted quad for 4 bytes, RFC 5952 for 16 (lower case, no leading zeros, longest zero run as "::"). */
    static String format(byte[] address) {
        return switch (address.length) {
            case 4 -> (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "."
                    + (address[3] & 0xFF);
            case 16 -> formatIpv6(address);
            default -> throw new IllegalArgumentException("not an IP address: " + address.length + " bytes");
        };
    }

    private static String formatIpv6(byte[] address) {
        int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            groups[i] = (address[2 * i] & 0xFF) << 8 | address[2 * i + 1] & 0xFF;
        }
        // RFC 5952 4.2: compress the longest run of zero groups, the first one on a tie, never a lone one.
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < IPV6_GROUPS; start++) {
            int length = 0;
            while (start + length < IPV6_GROUPS && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    static boolean allDecimalDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    static String stripLeadingZeros(String digits) {
        String stripped = digits.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }
}
