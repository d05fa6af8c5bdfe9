package io.github.fermmavenplugin.e2e;

import static io.github.fermmavenplugin.e2e.harness.Addresses.ALLOWED_V4;
import static io.github.fermmavenplugin.e2e.harness.Addresses.ALLOWED_V6;
import static io.github.fermmavenplugin.e2e.harness.Addresses.DENIED_V4;
import static io.github.fermmavenplugin.e2e.harness.Addresses.DENIED_V6;
import static io.github.fermmavenplugin.e2e.harness.Addresses.PARTNER_V4;
import static io.github.fermmavenplugin.e2e.harness.Addresses.PARTNER_V6;

import io.github.fermmavenplugin.e2e.harness.DockerDistribution;
import io.github.fermmavenplugin.e2e.harness.DockerVersion;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.Outcome;
import io.github.fermmavenplugin.e2e.harness.Probe;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What every probe sees on a real daemon once the web and api bundles are loaded: the bundle's guarantee, except
 * where a documented hole of that Docker and host setup makes it otherwise. Each row names the hole it follows,
 * so the test fails when a hole closes as surely as when a guarantee breaks.
 *
 * @param distribution  the daemon
 * @param setup         the iptables backend and ferm
 * @param action        the descriptors' default action, which the bundle's own refusals show
 * @param v6Dnat        the IPv6 DNAT rules Docker made ({@code 8080/tcp} …), asserted against {@link #expectedV6Dnat}
 * @param web           web's container addresses
 * @param hidden        hidden's container addresses
 */
record RealTruth(DockerDistribution distribution, HostSetup setup, FallbackAction action, Set<String> v6Dnat,
                 RealHost.ContainerAddresses web, RealHost.ContainerAddresses hidden) {

    static final Set<String> ALL_PUBLISHED = Set.of("5005/tcp", "5353/udp", "8080/tcp", "8443/tcp", "9000/tcp", "9443/tcp");

    /** web's published TCP ports on docker0; api's 9000 and web's 5353/udp are alone on their bridge and protocol. */
    static final Set<String> WEB_TCP = Set.of("5005/tcp", "8080/tcp", "8443/tcp", "9443/tcp");

    /**
     * The IPv6 DNAT rules Docker makes. Hole 6: Debian 12's {@code ip6tables-legacy -C} ignores the port, so
     * Docker, which checks each DNAT rule before adding it, keeps only the first IPv6 DNAT per bridge and
     * protocol; which one comes first is Docker's choice (20.10 iterates a Go map: a different port each run).
     * With nft every published port gets its DNAT.
     */
    static void assertV6DnatAsExpected(Set<String> measured, HostSetup setup, String what) {
        if (setup.backend() == IptablesBackend.NFT) {
            org.assertj.core.api.Assertions.assertThat(measured).as(what).containsExactlyInAnyOrderElementsOf(ALL_PUBLISHED);
            return;
        }
        org.assertj.core.api.Assertions.assertThat(measured).as(what + " (hole 6: one per bridge and protocol)")
                .contains("5353/udp", "9000/tcp")
                .hasSize(3)
                .containsAnyElementsOf(WEB_TCP);
    }

    /** One probe and what it must see, with the reason. */
    record Row(String why, Probe probe, Outcome outcome) {
        Expectation expectation() {
            return new Expectation(why, probe, outcome);
        }
    }

    List<Expectation> expectations() {
        Outcome blocked = Scenario.seenByClient(action);
        List<Row> rows = new ArrayList<>();
        rows.add(published("allowed source reaches the web port", Protocol.TCP, ALLOWED_V4, 8080, Outcome.OPEN));
        rows.add(published("other source is stopped on the same port", Protocol.TCP, DENIED_V4, 8080, blocked));
        rows.add(published("published-port rule opens its host port", Protocol.TCP, ALLOWED_V4, 8443, Outcome.OPEN));
        rows.add(published("published-port rule matches the host port, not the container port", Protocol.TCP, ALLOWED_V4, 9443, blocked));
        rows.add(published("exposed but unopened port is closed", Protocol.TCP, ALLOWED_V4, 5005, blocked));
        rows.add(published("allowed source reaches the UDP port", Protocol.UDP, ALLOWED_V4, 5353, Outcome.OPEN));
        rows.add(published("other source is stopped on the UDP port", Protocol.UDP, DENIED_V4, 5353, blocked));
        rows.add(published("second bundle opens its port to its own source", Protocol.TCP, PARTNER_V4, 9000, Outcome.OPEN));
        rows.add(published("second bundle's source gets nothing of the first", Protocol.TCP, PARTNER_V4, 8080, blocked));
        rows.add(published("first bundle's source gets nothing of the second", Protocol.TCP, ALLOWED_V4, 9000, blocked));
        rows.add(published("allowed IPv6 source reaches the web port", Protocol.TCP, ALLOWED_V6, 8080, Outcome.OPEN));
        rows.add(published("other IPv6 source is stopped", Protocol.TCP, DENIED_V6, 8080, blocked));
        rows.add(published("an IPv4-only rule opens nothing over IPv6", Protocol.TCP, ALLOWED_V6, 8443, blocked));
        rows.add(published("exposed but unopened port is closed over IPv6", Protocol.TCP, ALLOWED_V6, 5005, blocked));
        rows.add(published("allowed IPv6 source reaches the UDP port", Protocol.UDP, ALLOWED_V6, 5353, Outcome.OPEN));
        rows.add(published("other IPv6 source is stopped on the UDP port", Protocol.UDP, DENIED_V6, 5353, blocked));
        rows.add(published("second bundle holds over IPv6", Protocol.TCP, PARTNER_V6, 9000, Outcome.OPEN));
        rows.add(host("host rule opens ssh to the allowed source", ALLOWED_V4, Topology.HOST_SSH_PORT, Outcome.OPEN));
        rows.add(host("host policy drops ssh from other sources", DENIED_V4, Topology.HOST_SSH_PORT, Outcome.TIMEOUT));
        rows.add(host("host policy drops unopened host ports", ALLOWED_V4, Topology.HOST_CLOSED_PORT, Outcome.TIMEOUT));
        rows.add(host("host rule opens ssh over IPv6", ALLOWED_V6, Topology.HOST_SSH_PORT, Outcome.OPEN));
        rows.add(host("host policy drops IPv6 ssh from other sources", DENIED_V6, Topology.HOST_SSH_PORT, Outcome.TIMEOUT));
        rows.add(direct("a routed neighbour reaches no published container directly", ALLOWED_V4, web.v4(), true, blocked));
        rows.add(direct("a routed neighbour reaches no unpublished container", ALLOWED_V4, hidden.v4(), false, blocked));
        rows.add(direct("a routed IPv6 neighbour reaches no published container directly", ALLOWED_V6, web.v6(), true, blocked));
        rows.add(direct("a routed IPv6 neighbour reaches no unpublished container", ALLOWED_V6, hidden.v6(), false, blocked));
        return rows.stream().map(Row::expectation).toList();
    }

    /** Docker's baseline, before ferm: it publishes every port to anyone. */
    static List<Expectation> baseline() {
        return List.of(
                new Expectation("Docker alone publishes 8080 to anyone", Probe.toHost(Protocol.TCP, DENIED_V4, 8080), Outcome.OPEN),
                new Expectation("Docker alone publishes 9000 to anyone", Probe.toHost(Protocol.TCP, DENIED_V4, 9000), Outcome.OPEN));
    }

    private Row published(String why, Protocol protocol, String client, int port, Outcome guaranteed) {
        Probe probe = Probe.toHost(protocol, client, port);
        if (client.contains(":")) {
            if (!v6Dnat.contains(port + "/" + protocol.token())) {
                // Hole 6: no DNAT, so docker-proxy answers on the host, behind the host's INPUT policy.
                return row(why, probe, guaranteed, Outcome.TIMEOUT, "hole 6: no IPv6 DNAT, docker-proxy behind INPUT");
            }
            if (!distribution.ip6DockerUser()) {
                // Hole 2: FORWARD never jumps to an ip6 DOCKER-USER, so Docker's own ACCEPT decides.
                return row(why, probe, guaranteed, Outcome.OPEN, "hole 2: no ip6 DOCKER-USER");
            }
        }
        return new Row(why, probe, guaranteed);
    }

    /** A row where a hole decides: tagged with it only where it makes the outcome differ from the guarantee. */
    private static Row row(String why, Probe probe, Outcome guaranteed, Outcome measured, String hole) {
        return measured == guaranteed ? new Row(why, probe, guaranteed)
                : new Row(why + " [" + hole + "]", probe, measured);
    }

    private static Row host(String why, String client, int port, Outcome outcome) {
        return new Row(why, Probe.toHost(Protocol.TCP, client, port), outcome);
    }

    /**
     * A client that routes the container subnet via the host connects to a container's port 80 itself. Docker 28
     * drops it in raw PREROUTING; on 20 to 27 the bundle's default action refuses it (hole 1 closed: the allow
     * rules take only connections Docker DNATed); without an ip6 DOCKER-USER, Docker's own rules decide.
     */
    private Row direct(String why, String client, String container, boolean published, Outcome blocked) {
        Probe probe = new Probe(Protocol.TCP, client, container, 80);
        boolean v6 = client.contains(":");
        if (v6 && !distribution.ip6DockerUser()) {
            return row(why, probe, blocked, published ? Outcome.OPEN : Outcome.TIMEOUT,
                    "hole 2: Docker's DOCKER chain accepts the container port");
        }
        return new Row(why, probe, distribution.layout() == DockerVersion.DOCKER_27 ? blocked : Outcome.TIMEOUT);
    }
}
