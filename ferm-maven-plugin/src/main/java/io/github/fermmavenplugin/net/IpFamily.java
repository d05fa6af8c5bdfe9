package io.github.fermmavenplugin.net;

/** The two IP versions. */
public enum IpFamily {
    IPV4(32, "IPv4"),
    IPV6(128, "IPv6");

    private final int addressBits;
    private final String displayName;

    IpFamily(int addressBits, String displayName) {
        this.addressBits = addressBits;
        this.displayName = displayName;
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
