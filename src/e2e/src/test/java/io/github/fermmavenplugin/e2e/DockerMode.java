package io.github.fermmavenplugin.e2e;

/** How the service's ports reach the outside. */
enum DockerMode {
    /** {@code docker run -p HOST:CONTAINER}: DNAT in nat/DOCKER to the container's address and port. */
    BRIDGE,
    /** {@code docker service create -p}: DNAT in nat/DOCKER-INGRESS to the ingress sandbox, keeping the port. */
    SWARM
}
