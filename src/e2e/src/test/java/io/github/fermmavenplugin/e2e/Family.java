package io.github.fermmavenplugin.e2e;

/** The two address families, each with its own iptables tools and ferm domain. */
enum Family {
    V4("iptables", "ip"),
    V6("ip6tables", "ip6");

    private final String iptables;
    private final String fermDomain;

    Family(String iptables, String fermDomain) {
        this.iptables = iptables;
        this.fermDomain = fermDomain;
    }

    String iptables() {
        return iptables;
    }

    String fermDomain() {
        return fermDomain;
    }
}
