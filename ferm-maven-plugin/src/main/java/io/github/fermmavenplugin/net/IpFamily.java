package io.github.fermmavenplugin.net;

/** The two IP versions; ferm keeps their rules apart in the domains {@code ip} and {@code ip6}. */
public enum IpFamily {
    IPV4("ip", 32, "IPv4"),
    IPV6("ip6", 128, "IPv6");

    private final String fermDomain;
    private final int addressBits;
    private final String displayName;

    IpFamily(String fermDomain, int addressBits, String displayName) {
        this.fermDomain = fermDomain;
        this.addressBits = addressBits;
        this.displayName = displayName;
    }

    /** The ferm {@code domain} token: "ip" or "ip6". */
    public String fermDomain() {
        return fermDomain;
    }

    /** 32 or 128: the longest prefix length. */
    public int addressBits() {
        return addressBits;
    }

    public int addressBytes() {
        return addressBits / Byte.SIZE;
    }

    /** "IPv4" or "IPv6", for messages. */
    @Override
    public String toString() {
        return displayName;
    }
}
