package io.github.fermmavenplugin.e2e.harness;

/**
 * A Docker bridge network in the host namespace: the bridge's name and its IPv4 /16 and IPv6 /64 subnets.
 *
 * @param bridge     the Linux bridge name ({@code docker0}, {@code docker_gwbridge}, {@code br-…})
 * @param v4Prefix   the first two octets of the /16, e.g. {@code 172.17}
 * @param v6Prefix   the /64 prefix without the host part, e.g. {@code fd00:17::}
 */
public record BridgeNetwork(String bridge, String v4Prefix, String v6Prefix) {

    public static final BridgeNetwork DOCKER0 = new BridgeNetwork("docker0", "172.17", "fd00:17::");
    public static final BridgeNetwork GWBRIDGE = new BridgeNetwork("docker_gwbridge", "172.18", "fd00:18::");
    public static final BridgeNetwork USER_DEFINED = new BridgeNetwork("br-5e1f0c2a9d3b", "172.19", "fd00:19::");

    public String gatewayV4() {
        return v4(1);
    }

    public String gatewayV6() {
        return v6(1);
    }

    public String v4(int hostNumber) {
        return v4Prefix + ".0." + hostNumber;
    }

    public String v6(int hostNumber) {
        return v6Prefix + Integer.toHexString(hostNumber);
    }

    public String subnetV4() {
        return v4Prefix + ".0.0/16";
    }

    public String subnetV6() {
        return v6Prefix + "/64";
    }
}
