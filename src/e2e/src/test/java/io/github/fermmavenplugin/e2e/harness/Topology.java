package io.github.fermmavenplugin.e2e.harness;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The namespaces of one scenario, wired like a Docker host on the internet:
 *
 * <pre>
 *  outside (out0: link, allowed and denied client addresses, IPv4 + IPv6)
 *     │ veth
 *  host    (eth0: 192.0.2.1, 2001:db8:1::1; forwarding on; bridge BR; ferm and Docker's rules live here)
 *     │ bridge BR + veth per container
 *  container N (eth0: &lt;bridge prefix&gt;.0.N; echo listeners)
 * </pre>
 *
 * Names carry a random suffix so that parallel runs cannot collide; {@link #close()} removes everything, and
 * a failure half-way through creation removes what was already made.
 */
public final class Topology implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final List<String> HOST_EDGE_ADDRESSES = List.of(
            Addresses.HOST_V4 + "/24", "198.51.100.1/24", "203.0.113.1/24", "198.18.0.1/24", "10.20.0.1/16",
            Addresses.HOST_V6 + "/64", "2001:db8:a110::1/64", "2001:db8:bad::1/64", "2001:db8:beef::1/64",
            "2001:db8:20::1/64");
    private static final List<String> OUTSIDE_ADDRESSES = List.of(
            Addresses.OUTSIDE_LINK_V4 + "/24", Addresses.ALLOWED_V4 + "/24", Addresses.DENIED_V4 + "/24",
            Addresses.PARTNER_V4 + "/24", Addresses.MONITORING_V4 + "/16",
            Addresses.OUTSIDE_LINK_V6 + "/64", Addresses.ALLOWED_V6 + "/64", Addresses.DENIED_V6 + "/64",
            Addresses.PARTNER_V6 + "/64", Addresses.MONITORING_V6 + "/64");

    /** The host's own listeners: an ssh-like port the host rules open and one they do not. */
    public static final int HOST_SSH_PORT = 22;
    public static final int HOST_CLOSED_PORT = 2222;

    private final String id;
    private final BridgeNetwork network;
    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();
    private NetworkNamespace outside;
    private NetworkNamespace host;
    private ProbeClient probes;
    /** Removes the namespaces also when the test JVM is interrupted (Ctrl-C, a killed fork). */
    private final Thread removeOnExit = new Thread(this::close);

    private Topology(String id, BridgeNetwork network) {
        this.id = id;
        this.network = network;
    }

    /** Builds the namespaces, links, addresses and listeners; Docker's rules and ferm come later. */
    public static Topology create(BridgeNetwork network, List<Container> containers) {
        return create(newId(), network, topology -> topology.buildBridge(containers));
    }

    /**
     * Only the outside and the host, for a real dockerd to make its bridges and containers in the host:
     * namespaces named {@code docker-<id>-out} and {@code docker-<id>-host}.
     */
    public static Topology createForRealDocker() {
        return create("docker-" + newId(), null, topology -> { });
    }

    private static Topology create(String id, BridgeNetwork network, java.util.function.Consumer<Topology> inner) {
        Topology topology = new Topology(id, network);
        Runtime.getRuntime().addShutdownHook(topology.removeOnExit);
        try {
            topology.buildEdge();
            inner.accept(topology);
            topology.startHostAgentsAndProbes();
            return topology;
        } catch (RuntimeException | Error e) {
            topology.close();
            throw e;
        }
    }

    private static String newId() {
        return "fe2e" + Long.toString(RANDOM.nextLong() & 0xffffffffL, 36).toLowerCase(Locale.ROOT);
    }

    private void buildEdge() {
        outside = namespace("out");
        host = namespace("host");

        host.exec("ip", "link", "add", "eth0", "type", "veth", "peer", "name", "out0", "netns", outside.name());
        addAddresses(host, "eth0", HOST_EDGE_ADDRESSES);
        host.exec("ip", "link", "set", "eth0", "up");
        addAddresses(outside, "out0", OUTSIDE_ADDRESSES);
        outside.exec("ip", "link", "set", "out0", "up");
        outside.exec("ip", "route", "add", "default", "via", Addresses.HOST_V4);
        outside.exec("ip", "-6", "route", "add", "default", "via", Addresses.HOST_V6);

        host.sysctl("net.ipv4.ip_forward", "1");
        host.sysctl("net.ipv6.conf.all.forwarding", "1");
    }

    private void buildBridge(List<Container> containers) {
        host.exec("ip", "link", "add", network.bridge(), "type", "bridge");
        host.exec("ip", "addr", "add", network.gatewayV4() + "/16", "dev", network.bridge());
        host.exec("ip", "addr", "add", network.gatewayV6() + "/64", "dev", network.bridge(), "nodad");
        host.exec("ip", "link", "set", network.bridge(), "up");

        for (Container container : containers) {
            addContainer(container);
        }
    }

    private void startHostAgentsAndProbes() {
        cleanup.push(Agents.serve(host, List.of("tcp:" + HOST_SSH_PORT, "tcp:" + HOST_CLOSED_PORT)));
        probes = new ProbeClient(outside);
        cleanup.push(probes);
    }

    private void addContainer(Container container) {
        NetworkNamespace namespace = namespace("c" + container.hostNumber());
        String hostSide = "veth" + container.hostNumber();
        host.exec("ip", "link", "add", hostSide, "type", "veth", "peer", "name", "eth0", "netns", namespace.name());
        host.exec("ip", "link", "set", hostSide, "master", network.bridge());
        host.exec("ip", "link", "set", hostSide, "up");
        namespace.exec("ip", "addr", "add", network.v4(container.hostNumber()) + "/16", "dev", "eth0");
        namespace.exec("ip", "addr", "add", network.v6(container.hostNumber()) + "/64", "dev", "eth0", "nodad");
        namespace.exec("ip", "link", "set", "eth0", "up");
        namespace.exec("ip", "route", "add", "default", "via", network.gatewayV4());
        namespace.exec("ip", "-6", "route", "add", "default", "via", network.gatewayV6());
        List<String> listeners = container.listeners().stream().map(Container.Listener::agentArgument).toList();
        cleanup.push(Agents.serve(namespace, listeners));
    }

    private NetworkNamespace namespace(String role) {
        NetworkNamespace namespace = NetworkNamespace.create(id + "-" + role);
        cleanup.push(namespace);
        // Addresses must be usable at once: no duplicate address detection delay, in any namespace.
        namespace.sysctl("net.ipv6.conf.all.accept_dad", "0");
        namespace.sysctl("net.ipv6.conf.default.accept_dad", "0");
        return namespace;
    }

    private static void addAddresses(NetworkNamespace namespace, String device, List<String> addresses) {
        for (String address : addresses) {
            List<String> command = new ArrayList<>(List.of("ip", "addr", "add", address, "dev", device));
            if (address.contains(":")) {
                command.add("nodad");
            }
            namespace.exec(command.toArray(String[]::new));
        }
    }

    /** Closes {@code resource} with this topology, before the namespaces it lives in go. */
    public <T extends AutoCloseable> T own(T resource) {
        cleanup.push(resource);
        return resource;
    }

    public String id() {
        return id;
    }

    public BridgeNetwork network() {
        return network;
    }

    public NetworkNamespace host() {
        return host;
    }

    public NetworkNamespace outside() {
        return outside;
    }

    public ProbeClient probes() {
        return probes;
    }

    @Override
    public synchronized void close() {
        if (Thread.currentThread() != removeOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(removeOnExit);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook does the same work.
            }
        }
        RuntimeException first = null;
        while (!cleanup.isEmpty()) {
            try {
                cleanup.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("cleanup of " + id + " failed", e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
