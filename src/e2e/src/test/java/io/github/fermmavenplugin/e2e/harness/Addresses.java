package io.github.fermmavenplugin.e2e.harness;

/**
 * The fixed addresses of every scenario. They can be fixed because each scenario gets namespaces of its own;
 * all come from documentation and private ranges, so nothing ever leaves the machine.
 */
public final class Addresses {

    /** The host's address on {@code eth0}, where clients connect to published ports. */
    public static final String HOST_V4 = "192.0.2.1";
    public static final String HOST_V6 = "2001:db8:1::1";
    public static final String OUTSIDE_LINK_V4 = "192.0.2.2";
    public static final String OUTSIDE_LINK_V6 = "2001:db8:1::2";

    /** A client inside the allowed ("office") networks 198.51.100.0/24 and 2001:db8:a110::/48. */
    public static final String ALLOWED_V4 = "198.51.100.10";
    public static final String ALLOWED_V6 = "2001:db8:a110::10";
    /** A client no rule allows. */
    public static final String DENIED_V4 = "203.0.113.20";
    public static final String DENIED_V6 = "2001:db8:bad::20";

    /** A second allowed client, only in the second service's groups (two-bundle scenarios). */
    public static final String PARTNER_V4 = "198.18.0.30";
    public static final String PARTNER_V6 = "2001:db8:beef::30";

    /** A client in the example project's "monitoring" group, 10.20.0.0/16 and 2001:db8:20::/48. */
    public static final String MONITORING_V4 = "10.20.0.40";
    public static final String MONITORING_V6 = "2001:db8:20::40";

    private Addresses() {
    }

    /** The host's address in the same family as {@code client}: the one a client connects to. */
    public static String hostFor(String client) {
        return client.contains(":") ? HOST_V6 : HOST_V4;
    }
}
