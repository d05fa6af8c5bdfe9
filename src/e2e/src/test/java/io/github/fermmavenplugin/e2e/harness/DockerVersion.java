package io.github.fermmavenplugin.e2e.harness;

/**
 * The generations of Docker's iptables layout that the bundle must coexist with.
 */
public enum DockerVersion {
    /**
     * Docker 23 to 27: FORWARD holds the per-bridge rules; isolation chains ending in RETURN; DOCKER-USER ends in
     * RETURN; nat POSTROUTING has a hairpin MASQUERADE per published container port. 20.10 to 22 look the same in
     * IPv4 but have no DOCKER-USER in ip6tables (measured on 20.10.24: see {@link DockerDistribution}).
     */
    DOCKER_27("docker<=27"),
    /**
     * Docker 28.2.2 and later 28 (28.5.2 measured): DOCKER-FORWARD (from 28.0.1; 28.0.0 used ipsets, which this
     * model does not follow), DOCKER-BRIDGE, DOCKER-CT, isolation chains without RETURN, a raw PREROUTING DROP per
     * endpoint (28.0 and 28.1 dropped per published port), and an empty DOCKER-USER (28.2.2 removed its RETURN).
     * In swarm mode DOCKER-FORWARD also jumps to DOCKER-INGRESS.
     */
    DOCKER_28("docker28"),
    /**
     * Docker 29 (no archive here has it; modelled from its source): as 28, with DOCKER-INTERNAL instead of the
     * isolation chains, and without nat's {@code DOCKER -i <bridge> -j RETURN}.
     */
    DOCKER_29("docker29");

    private final String label;

    DockerVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
