package io.github.fermmavenplugin.e2e;

/**
 * The generations of Docker's iptables layout that the bundle must coexist with.
 */
enum DockerVersion {
    /** Docker 20 to 27: FORWARD holds the per-bridge rules; isolation chains; DOCKER-USER ends in RETURN. */
    DOCKER_27("docker<=27"),
    /**
     * Docker 28: DOCKER-FORWARD (which also jumps to DOCKER-INGRESS in swarm mode), DOCKER-BRIDGE, DOCKER-CT,
     * isolation chains, raw-table DROP of direct access; DOCKER-USER still ends in RETURN.
     */
    DOCKER_28("docker28"),
    /** Docker 29: as 28, with DOCKER-INTERNAL instead of the isolation chains, and DOCKER-USER created empty. */
    DOCKER_29("docker29");

    private final String label;

    DockerVersion(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
