package io.github.fermmavenplugin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.e2e.harness.Addresses;
import io.github.fermmavenplugin.e2e.harness.Agents;
import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.Bundle;
import io.github.fermmavenplugin.e2e.harness.DockerVersion;
import io.github.fermmavenplugin.e2e.harness.Environment;
import io.github.fermmavenplugin.e2e.harness.FermConfig;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.NetworkNamespace;
import io.github.fermmavenplugin.e2e.harness.Outcome;
import io.github.fermmavenplugin.e2e.harness.Probe;
import io.github.fermmavenplugin.e2e.harness.RuleCounters;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.policy.DockerMode;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The swarm ports on a host whose INPUT ferm owns, with real packets: the peer (the office network) reaches
 * 2377 at the manager address, 7946 over TCP and UDP and 4789/udp, others reach none of them; with encrypted
 * overlays cleartext VXLAN stops even from the peer, while ESP from the peer is let in. Docker's own INPUT
 * rules for an encrypted overlay are there before ferm and gone after it: the hole the swarm file closes.
 *
 * <p>This kernel has no ESP transform ({@code ip xfrm state add ... proto esp} answers "Requested type not
 * found"), so the VXLAN a real IPsec SA would decrypt cannot be made here: the ESP packets are raw ones,
 * counted by the rule that accepts them.
 */
@Tag("e2e")
class SwarmPortsTest {

    private static final Scenario SWARM = new Scenario(DockerVersion.DOCKER_29, DockerMode.SWARM,
            BridgeNetwork.GWBRIDGE, FallbackAction.DROP, false, new PipelineBundles());
    /**
     * The host's eth0 address in the peer's network, no manager's: 2377 there stays closed to the peer too.
     * UDP probes go to the host's address in the client's own network, because the echo agent's answer
     * leaves from the address the route to the client prefers.
     */
    private static final String HOST_IN_PEER_NETWORK = "198.51.100.1";
    private static final String HOST_IN_OTHER_NETWORK = "203.0.113.1";
    /** Docker's pair for an encrypted overlay of VNI 4097 (u32 form of 20.10 to 24), appended to INPUT. */
    private static final String VNI_MATCH = "0>>22&0x3C@12&0xFFFFFF00=" + (4097 << 8);
    private static final List<List<String>> DOCKER_ENCRYPTED_OVERLAY_INPUT = List.of(
            List.of("-A", "INPUT", "-m", "policy", "--dir", "in", "--pol", "ipsec", "-p", "udp", "--dport", "4789",
                    "-m", "u32", "--u32", VNI_MATCH, "-j", "ACCEPT"),
            List.of("-A", "INPUT", "-p", "udp", "--dport", "4789", "-m", "u32", "--u32", VNI_MATCH, "-j", "DROP"));

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {true, false})
    void swarmPortsOpenToThePeersAloneAndCleartextVxlanStopsWhenEncrypted(boolean encrypted) {
        String descriptor = Bundle.resource("descriptors/web/firewall-swarm.yaml")
                .replace("@BRIDGE@", SWARM.network().bridge())
                .replace("@ACTION@", "drop")
                + "swarm:\n  peers: [198.51.100.0/24, " + Addresses.HOST_V4 + "]\n  managers: [" + Addresses.HOST_V4
                + "]\n  encrypted: "
                + encrypted + "\n";
        Bundle bundle = PipelineBundles.render("web", descriptor, Bundle.resource("descriptors/web/Dockerfile"));
        assertThat(bundle.files()).containsKey("10-docker-swarm.ferm");

        try (Topology topology = Topology.create(SWARM.network(), SWARM.containers());
             FermConfig ferm = FermConfig.write(bundle)) {
            NetworkNamespace host = topology.host();
            topology.own(Agents.serve(host, List.of("tcp:2377", "tcp:7946", "udp:7946", "udp:4789")));
            SWARM.dockerRules().apply(host, IptablesBackend.LEGACY);
            DOCKER_ENCRYPTED_OVERLAY_INPUT.forEach(rule -> host.exec(iptables(rule)));
            assertThat(inputRules(host)).anyMatch(rule -> rule.contains("--u32"));

            ferm.apply(host);

            assertThat(inputRules(host)).as("ferm's reload removes Docker's per-VNI INPUT rules")
                    .noneMatch(rule -> rule.contains("--u32"));
            assertThat(ScenarioRun.mismatches(topology, expectations(encrypted))).isEmpty();
            if (encrypted) {
                RuleCounters.zero(host, IpFamily.IPV4, "INPUT");
                sendEsp(topology.outside(), Addresses.ALLOWED_V4);
                sendEsp(topology.outside(), Addresses.DENIED_V4);
                assertThat(RuleCounters.read(host, IpFamily.IPV4, "INPUT").stream()
                        .filter(counted -> counted.rule().contains("swarm-ipsec"))
                        .mapToLong(RuleCounters.Counted::packets).sum()).as("ESP accepted from the peer only")
                        .isEqualTo(1L);
            }
        }
    }

    private static List<Expectation> expectations(boolean encrypted) {
        String peer = Addresses.ALLOWED_V4;
        String other = Addresses.DENIED_V4;
        List<Expectation> expected = new ArrayList<>(List.of(
                new Expectation("the peer reaches a manager's 2377", tcp(peer, Addresses.HOST_V4, 2377), Outcome.OPEN),
                new Expectation("2377 at an address no manager has stays closed",
                        tcp(peer, HOST_IN_PEER_NETWORK, 2377), Outcome.TIMEOUT),
                new Expectation("the peer gossips over TCP", Probe.toHost(Protocol.TCP, peer, 7946), Outcome.OPEN),
                new Expectation("the peer gossips over UDP", udp(peer, HOST_IN_PEER_NETWORK, 7946), Outcome.OPEN),
                new Expectation(encrypted ? "cleartext VXLAN from the peer stops when overlays are encrypted"
                        : "the peer's VXLAN passes", udp(peer, HOST_IN_PEER_NETWORK, 4789),
                        encrypted ? Outcome.TIMEOUT : Outcome.OPEN),
                new Expectation("IPv6 is no peer here", Probe.toHost(Protocol.TCP, Addresses.ALLOWED_V6, 7946),
                        Outcome.TIMEOUT)));
        for (Probe probe : List.of(tcp(other, Addresses.HOST_V4, 2377), Probe.toHost(Protocol.TCP, other, 7946),
                udp(other, HOST_IN_OTHER_NETWORK, 7946), udp(other, HOST_IN_OTHER_NETWORK, 4789))) {
            expected.add(new Expectation("a non-peer reaches no swarm port", probe, Outcome.TIMEOUT));
        }
        return expected;
    }

    private static Probe tcp(String source, String destination, int port) {
        return new Probe(Protocol.TCP, source, destination, port);
    }

    private static Probe udp(String source, String destination, int port) {
        return new Probe(Protocol.UDP, source, destination, port);
    }

    private static String[] iptables(List<String> rule) {
        List<String> command = new ArrayList<>(List.of(IptablesBackend.LEGACY.tool(IpFamily.IPV4, "")));
        command.addAll(rule);
        return command.toArray(String[]::new);
    }

    private static List<String> inputRules(NetworkNamespace host) {
        return host.exec(IptablesBackend.LEGACY.tool(IpFamily.IPV4, "-save"), "-t", "filter").stdout().lines()
                .filter(line -> line.startsWith("-A INPUT ")).toList();
    }

    /** One raw ESP packet (IP protocol 50, a made-up SPI and sequence number) from {@code source} to the host. */
    private static void sendEsp(NetworkNamespace outside, String source) {
        outside.exec("perl", "-MSocket", "-e", "socket(my $s, PF_INET, SOCK_RAW, 50) or die $!;"
                + " bind($s, pack_sockaddr_in(0, inet_aton($ARGV[0]))) or die $!;"
                + " send($s, pack('NN', 0x1001, 1) . ('x' x 16), 0, pack_sockaddr_in(0, inet_aton($ARGV[1]))) or die $!;",
                source, Addresses.HOST_V4);
    }
}
