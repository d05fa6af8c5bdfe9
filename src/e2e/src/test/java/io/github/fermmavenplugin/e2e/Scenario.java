package io.github.fermmavenplugin.e2e;

import static io.github.fermmavenplugin.e2e.harness.Addresses.ALLOWED_V4;
import static io.github.fermmavenplugin.e2e.harness.Addresses.ALLOWED_V6;
import static io.github.fermmavenplugin.e2e.harness.Addresses.DENIED_V4;
import static io.github.fermmavenplugin.e2e.harness.Addresses.DENIED_V6;
import static io.github.fermmavenplugin.e2e.harness.Addresses.PARTNER_V4;
import static io.github.fermmavenplugin.e2e.harness.Addresses.PARTNER_V6;

import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.Bundle;
import io.github.fermmavenplugin.e2e.harness.Container;
import io.github.fermmavenplugin.e2e.harness.DockerRules;
import io.github.fermmavenplugin.e2e.harness.DockerVersion;
import io.github.fermmavenplugin.e2e.harness.Outcome;
import io.github.fermmavenplugin.e2e.harness.Probe;
import io.github.fermmavenplugin.e2e.harness.Publication;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import io.github.fermmavenplugin.policy.DockerMode;
import io.github.fermmavenplugin.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One cell of the matrix: Docker version and mode, bridge, default action, one or two services. It knows the
 * containers to run, Docker's rules to create, the bundle to apply and what every probe must then see.
 *
 * <p>The services are those of the test descriptors: {@code web} (EXPOSE 80 443 5005 53/udp; published
 * 8080:80, 8443:443, 9443:443, 5005:5005, 5353:53/udp; open to the office 198.51.100.0/24 and
 * 2001:db8:a110::/48 on 80 and 53/udp, to the office's IPv4 only on the published 8443; 5005 exposed but not
 * opened; ssh on the host for the office) and {@code api} (EXPOSE 9000, published 9000:9000, open to the partner
 * 198.18.0.0/24 and 2001:db8:beef::/48).
 */
record Scenario(DockerVersion version, DockerMode mode, BridgeNetwork network, FallbackAction action,
                boolean twoServices, BundleSource bundles) {

    /** Renders the bundle of each service for a scenario: the plugin's pipeline, or hand-written references. */
    interface BundleSource {
        String label();

        Bundle render(Scenario scenario, String service);
    }

    static final int WEB = 2;
    static final int API = 3;

    /** A readable, unique name for the test report. */
    String name() {
        return String.join(" ", version.label(), mode.name().toLowerCase(), network.bridge(),
                action.name().toLowerCase(), twoServices ? "web+api" : "web", bundles.label());
    }

    @Override
    public String toString() {
        return name();
    }

    List<Container> containers() {
        List<Container> containers = new ArrayList<>();
        List<Publication> web = List.of(Publication.tcp(8080, 80), Publication.tcp(8443, 443), Publication.tcp(9443, 443),
                Publication.tcp(5005, 5005), Publication.udp(5353, 53));
        containers.add(new Container(WEB, listenersFor(web), web));
        if (twoServices) {
            List<Publication> api = List.of(Publication.tcp(9000, 9000));
            containers.add(new Container(API, listenersFor(api), api));
        }
        return containers;
    }

    /** In bridge mode the DNAT goes to the container port; the swarm ingress keeps the published port. */
    private List<Container.Listener> listenersFor(List<Publication> publications) {
        Function<Publication, Integer> port = mode == DockerMode.SWARM ? Publication::hostPort : Publication::containerPort;
        return publications.stream().map(p -> new Container.Listener(p.protocol(), port.apply(p))).distinct().toList();
    }

    DockerRules dockerRules() {
        return new DockerRules(version, mode, network, containers());
    }

    Bundle bundle() {
        Bundle web = bundles.render(this, "web");
        return twoServices ? Bundle.compose(web, bundles.render(this, "api")) : web;
    }

    /** Before ferm runs, Docker alone lets every source reach every published port. */
    List<Expectation> baseline() {
        return List.of(
                new Expectation("Docker alone publishes 8080 to anyone", tcp(DENIED_V4, 8080), Outcome.OPEN),
                new Expectation("Docker alone publishes 9443 to anyone", tcp(ALLOWED_V4, 9443), Outcome.OPEN));
    }

    /** What a client sees when the descriptor's default action stops it. */
    static Outcome seenByClient(FallbackAction action) {
        return switch (action) {
            case DROP -> Outcome.TIMEOUT;
            case REJECT -> Outcome.REFUSED;
        };
    }

    List<Expectation> expectations() {
        Outcome blocked = seenByClient(action);
        List<Expectation> all = new ArrayList<>(List.of(
                new Expectation("allowed source reaches the web port", tcp(ALLOWED_V4, 8080), Outcome.OPEN),
                new Expectation("other source is stopped on the same port", tcp(DENIED_V4, 8080), blocked),
                new Expectation("published-port rule opens its host port", tcp(ALLOWED_V4, 8443), Outcome.OPEN),
                new Expectation("published-port rule matches the host port, not the container port",
                        tcp(ALLOWED_V4, 9443), blocked),
                new Expectation("exposed but unopened port is closed", tcp(ALLOWED_V4, 5005), blocked),
                new Expectation("allowed source reaches the UDP port", udp(ALLOWED_V4, 5353), Outcome.OPEN),
                new Expectation("other source is stopped on the UDP port", udp(DENIED_V4, 5353), blocked),
                new Expectation("host rule opens ssh to the allowed source", tcp(ALLOWED_V4, Topology.HOST_SSH_PORT), Outcome.OPEN),
                new Expectation("host policy drops ssh from other sources", tcp(DENIED_V4, Topology.HOST_SSH_PORT), Outcome.TIMEOUT),
                new Expectation("host policy drops unopened host ports", tcp(ALLOWED_V4, Topology.HOST_CLOSED_PORT), Outcome.TIMEOUT),
                new Expectation("host rule opens ssh over IPv6", tcp(ALLOWED_V6, Topology.HOST_SSH_PORT), Outcome.OPEN),
                new Expectation("host policy drops IPv6 ssh from other sources", tcp(DENIED_V6, Topology.HOST_SSH_PORT), Outcome.TIMEOUT)));
        if (mode == DockerMode.BRIDGE) {
            all.addAll(List.of(
                    new Expectation("allowed IPv6 source reaches the web port", tcp(ALLOWED_V6, 8080), Outcome.OPEN),
                    new Expectation("other IPv6 source is stopped", tcp(DENIED_V6, 8080), blocked),
                    new Expectation("an IPv4-only rule opens nothing over IPv6", tcp(ALLOWED_V6, 8443), blocked),
                    new Expectation("allowed IPv6 source reaches the UDP port", udp(ALLOWED_V6, 5353), Outcome.OPEN)));
        } else {
            all.add(new Expectation("swarm ingress is IPv4 only: nothing is published over IPv6",
                    tcp(ALLOWED_V6, 8080), Outcome.TIMEOUT));
        }
        if (twoServices) {
            all.addAll(List.of(
                    new Expectation("second bundle opens its port to its own source", tcp(PARTNER_V4, 9000), Outcome.OPEN),
                    new Expectation("second bundle's source gets nothing of the first", tcp(PARTNER_V4, 8080), blocked),
                    new Expectation("first bundle's source gets nothing of the second", tcp(ALLOWED_V4, 9000), blocked),
                    new Expectation("second bundle holds over IPv6", tcp(PARTNER_V6, 9000),
                            mode == DockerMode.BRIDGE ? Outcome.OPEN : Outcome.TIMEOUT)));
        }
        return all;
    }

    private static Probe tcp(String client, int port) {
        return Probe.toHost(Protocol.TCP, client, port);
    }

    private static Probe udp(String client, int port) {
        return Probe.toHost(Protocol.UDP, client, port);
    }
}
