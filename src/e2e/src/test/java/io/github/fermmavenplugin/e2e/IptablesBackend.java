package io.github.fermmavenplugin.e2e;

/**
 * The two implementations of the iptables tools. ferm 2.5 always picks {@code -legacy} when it is installed;
 * Docker uses whatever {@code iptables} points to (nft on current Debian and Ubuntu).
 */
enum IptablesBackend {
    LEGACY("-legacy"),
    NFT("-nft");

    private final String suffix;

    IptablesBackend(String suffix) {
        this.suffix = suffix;
    }

    /** e.g. {@code ip6tables-legacy-save} for ({@link Family#V6}, "-save"). */
    String tool(Family family, String variant) {
        return family.iptables() + suffix + variant;
    }
}
