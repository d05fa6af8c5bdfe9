package io.github.fermmavenplugin.e2e.harness;

import io.github.fermmavenplugin.net.Protocol;

/**
 * One connection attempt from the outside namespace: from a client address to a port of the host.
 *
 * @param protocol    tcp or udp
 * @param source      the client address it is sent from
 * @param destination the address it is sent to (normally the host's {@code eth0} address)
 * @param port        the destination port
 */
public record Probe(Protocol protocol, String source, String destination, int port) {

    public static Probe toHost(Protocol protocol, String client, int port) {
        return new Probe(protocol, client, Addresses.hostFor(client), port);
    }

    @Override
    public String toString() {
        String target = destination.contains(":") ? "[" + destination + "]" : destination;
        return protocol + " " + source + " -> " + target + ":" + port;
    }
}
