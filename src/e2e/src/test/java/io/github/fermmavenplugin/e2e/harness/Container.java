package io.github.fermmavenplugin.e2e.harness;

import io.github.fermmavenplugin.net.Protocol;
import java.util.List;

/**
 * A "container": a network namespace on the bridge with real echo listeners, and the ports Docker publishes
 * for it.
 *
 * @param hostNumber   the last part of its address on the bridge network (2, 3, …)
 * @param listeners    the ports its processes listen on
 * @param publications the ports Docker publishes for it
 */
public record Container(int hostNumber, List<Listener> listeners, List<Publication> publications) {

    public Container {
        listeners = List.copyOf(listeners);
        publications = List.copyOf(publications);
    }

    /** A listening port. */
    public record Listener(Protocol protocol, int port) {

        public String agentArgument() {
            return protocol.token() + ":" + port;
        }
    }
}
