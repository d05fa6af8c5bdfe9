package io.github.fermmavenplugin.net;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network in CIDR form, always normalised: dotted quad without leading zeros for IPv4,
 * RFC 5952 (lower case, shortest, "::" for the longest run of zeros) for IPv6, the prefix length always
 * written, no bits set after the prefix. Its text ({@link #token()}) is safe to put into ferm as it is.
 *
 * <p>IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}, the whole {@code ::ffff:0:0/96}) are refused:
 * those hosts reach the firewall as IPv4 packets, so an {@code ip6} rule for them would never match and
 * silently let the real rule go missing. The error names the IPv4 network to write instead. Other
 * embedded-IPv4 forms ({@code 64:ff9b::192.0.2.1}, the deprecated {@code ::192.0.2.1}) are plain IPv6
 * addresses and are written back in hex ({@code 64:ff9b::c000:201}).
 *
 * <p>Parsed once: the address is held as a 128-bit number (IPv4 in the low 32 bits), so that
 * {@link #contains}, {@link #compareTo} and {@link #equals} compare numbers, never text. Orders by family
 * (IPv4 first), then address as an unsigned number, then prefix length.
 */
public final class Cidr implements Comparable<Cidr> {

    private final IpFamily family;
    private final int prefixLength;
    /** The address's upper 64 bits (IPv6 only, else 0) and lower 64 bits, unsigned. */
    private final long high;
    private final long low;
    private final String address;
    /** Written once: every rule's line in ferm and in the manifest names its networks. */
    private final String token;

    /**
     * For code that already holds a normalised value; users' text goes through {@link #parse(String)}.
     *
     * @param address the normalised address text, without prefix
     * @param prefixLength 0 to 32 for IPv4, 0 to 128 for IPv6
     * @throws IllegalArgumentException when the three do not make a normalised network
     */
    public Cidr(IpFamily family, String address, int prefixLength) {
        this(normalised(family, address, prefixLength));
        if (!this.address.equals(address)) {
            throw new IllegalArgumentException("not a normalised " + family + " address: " + Quoted.of(address)
                    + " (normalised: " + this.family + " " + this.address + ")");
        }
    }

    private Cidr(CidrParser.Parsed parsed) {
        this.family = parsed.family();
        this.prefixLength = parsed.prefixLength();
        byte[] bytes = parsed.address();
        long upper = 0;
        long lower = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes.length - i > Long.BYTES) {
                upper = upper << Byte.SIZE | (bytes[i] & 0xFF);
            } else {
                lower = lower << Byte.SIZE | (bytes[i] & 0xFF);
            }
        }
        this.high = upper;
        this.low = lower;
        this.address = IpAddressText.format(bytes);
        this.token = address + "/" + prefixLength;
    }

    private static CidrParser.Parsed normalised(IpFamily family, String address, int prefixLength) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(address, "address");
        CidrParser.Parsed parsed;
        try {
            parsed = CidrParser.parse(address + "/" + prefixLength);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException("not a network: " + e.getMessage(), e);
        }
        if (parsed.family() != family) {
            throw new IllegalArgumentException("not a normalised " + family + " address: " + Quoted.of(address)
                    + " (normalised: " + parsed.family() + " " + IpAddressText.format(parsed.address()) + ")");
        }
        return parsed;
    }

    /**
     * Reads a network ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a single address ({@code 10.0.0.1}
     * becomes {@code 10.0.0.1/32}, {@code 2001:db8::1} becomes {@code 2001:db8::1/128}). Never looks
     * anything up: host names are refused.
     *
     * @throws InvalidValueException for anything else, saying what is wrong and what to write instead
     */
    public static Cidr parse(String text) {
        return new Cidr(CidrParser.parse(text));
    }

    /**
     * The network of the given length around an address.
     *
     * @param address 4 or 16 bytes, network byte order
     * @throws IllegalArgumentException when bits after the prefix are set or the length does not fit
     */
    public static Cidr of(byte[] address, int prefixLength) {
        IpFamily family = familyOfLength(address.length);
        return new Cidr(family, IpAddressText.format(address), prefixLength);
    }

    /** 0.0.0.0/0 or ::/0. */
    public static Cidr any(IpFamily family) {
        return of(new byte[family.addressBytes()], 0);
    }

    public IpFamily family() {
        return family;
    }

    /** The normalised address text, without prefix. */
    public String address() {
        return address;
    }

    /** 0 to 32 for IPv4, 0 to 128 for IPv6. */
    public int prefixLength() {
        return prefixLength;
    }

    /** The address in network byte order: 4 or 16 bytes, a fresh copy. */
    public byte[] addressBytes() {
        byte[] bytes = new byte[family.addressBytes()];
        for (int i = 0; i < bytes.length; i++) {
            int fromEnd = bytes.length - 1 - i;
            long word = fromEnd >= Long.BYTES ? high : low;
            bytes[i] = (byte) (word >>> (fromEnd % Long.BYTES * Byte.SIZE));
        }
        return bytes;
    }

    /** Whether every address of {@code other} is in this network; never across families. */
    public boolean contains(Cidr other) {
        if (family != other.family || prefixLength > other.prefixLength) {
            return false;
        }
        int hostBits = family.addressBits() - prefixLength;
        long highMask = hostBits >= 128 ? 0 : hostBits <= 64 ? -1L : -1L << (hostBits - 64);
        long lowMask = hostBits >= 64 ? 0 : -1L << hostBits;
        return high == (other.high & highMask) && low == (other.low & lowMask);
    }

    /** Whether the two share any address; networks either nest or are apart, so one contains the other. */
    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    /**
     * The networks that cover exactly this one's addresses but not {@code other}'s: none when
     * {@code other} covers this, this alone when they do not overlap, else one network for each bit
     * between the two prefixes (10.0.0.0/8 minus 10.1.0.0/16 is 8 networks).
     */
    public List<Cidr> minus(Cidr other) {
        if (!overlaps(other)) {
            return List.of(this);
        }
        if (other.contains(this)) {
            return List.of();
        }
        byte[] inside = other.addressBytes();
        List<Cidr> rest = new ArrayList<>();
        for (int bit = prefixLength; bit < other.prefixLength; bit++) {
            byte[] sibling = CidrParser.masked(inside, bit + 1);
            sibling[bit / Byte.SIZE] ^= (byte) (0x80 >>> (bit % Byte.SIZE));
            rest.add(of(sibling, bit + 1));
        }
        rest.sort(Comparator.naturalOrder());
        return List.copyOf(rest);
    }

    /** "10.0.0.0/8", "2001:db8::1/128": the normal form, prefix always written, as ferm gets it. */
    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return token();
    }

    @Override
    public int compareTo(Cidr other) {
        int byFamily = family.compareTo(other.family);
        if (byFamily != 0) {
            return byFamily;
        }
        int byHigh = Long.compareUnsigned(high, other.high);
        if (byHigh != 0) {
            return byHigh;
        }
        int byLow = Long.compareUnsigned(low, other.low);
        return byLow != 0 ? byLow : Integer.compare(prefixLength, other.prefixLength);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && family == cidr.family && prefixLength == cidr.prefixLength
                && high == cidr.high && low == cidr.low;
    }

    @Override
    public int hashCode() {
        return ((family.hashCode() * 31 + prefixLength) * 31 + Long.hashCode(high)) * 31 + Long.hashCode(low);
    }

    private static IpFamily familyOfLength(int bytes) {
        for (IpFamily family : IpFamily.values()) {
            if (family.addressBytes() == bytes) {
                return family;
            }
        }
        throw new IllegalArgumentException("not an IP address: " + bytes + " bytes");
    }
}
