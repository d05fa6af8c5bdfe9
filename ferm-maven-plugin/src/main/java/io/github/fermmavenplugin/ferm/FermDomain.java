package io.github.fermmavenplugin.ferm;

import io.github.fermmavenplugin.net.IpFamily;

/** ferm keeps the rules of the two IP versions apart in the domains {@code ip} and {@code ip6}. */
public final class FermDomain {

    private FermDomain() {
    }

    /** The ferm {@code domain} token of the family: "ip" or "ip6". */
    public static String of(IpFamily family) {
        return switch (family) {
            case IPV4 -> "ip";
            case IPV6 -> "ip6";
        };
    }
}
