package io.github.fermmavenplugin.e2e.harness;

import io.github.fermmavenplugin.net.Protocol;

/**
 * A published port, as {@code docker run -p HOST:CONTAINER/PROTOCOL} (bridge mode) or
 * {@code docker service create -p} (swarm mode, where the ingress DNAT keeps the host port).
 */
public record Publication(int hostPort, int containerPort, Protocol protocol) {

    public static Publication tcp(int hostPort, int containerPort) {
        return new Publication(hostPort, containerPort, Protocol.TCP);
    }

    public static Publication udp(int hostPort, int containerPort) {
        return new Publication(hostPort, containerPort, Protocol.UDP);
    }
}
