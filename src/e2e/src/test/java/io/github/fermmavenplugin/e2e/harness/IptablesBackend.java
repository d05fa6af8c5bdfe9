package io.github.fermmavenplugin.e2e.harness;

import io.github.fermmavenplugin.net.IpFamily;

/**
 * The two implementations of the iptables tools. ferm 2.5 always picks {@code -legacy} when it is installed;
 * Docker uses whatever {@code iptables} points to (nft on current Debian and Ubuntu).
 */
public enum IptablesBackend {
    LEGACY("-legacy"),
    NFT("-nft");

    private final String suffix;

    IptablesBackend(String suffix) {
        this.suffix = suffix;
    }

    /** e.g. {@code ip6tables-legacy-save} for ({@link IpFamily#IPV6}, "-save"). */
    public String tool(IpFamily family, String variant) {
        return command(family) + suffix + variant;
    }

    /** The family's tool without a backend: {@code iptables} or {@code ip6tables}, as Docker and ferm call it. */
    public static String command(IpFamily family) {
        return family == IpFamily.IPV4 ? "iptables" : "ip6tables";
    }
}
