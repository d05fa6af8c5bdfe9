package io.github.fermmavenplugin.ferm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.policy.Policy;
import io.github.fermmavenplugin.testing.Images;
import io.github.fermmavenplugin.testing.IptablesRestoreCheck;
import io.github.fermmavenplugin.testing.IptablesRules;
import io.github.fermmavenplugin.testing.Policies;
import io.github.fermmavenplugin.testing.RealTools;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders policies and has the real ferm turn them into iptables rules. */
@Tag("ferm")
class FermBackedRulesTest {

    private static final String IN = "--in-interface eth0 --out-interface docker0";
    private static final String DNATED = "--match conntrack --ctstate DNAT";
    /** Where an allow rule matches: from outside, to the bridge, and only connections Docker DNATed. */
    private static final String ALLOW = IN + " " + DNATED;
    private static final List<String> DOCKER_BRIDGES = List.of("docker0", "docker_gwbridge", "br-+");

    /** The rule as the shared files write it: once for every bridge Docker may put containers on. */
    private static List<String> onEveryBridge(String match) {
        return DOCKER_BRIDGES.stream()
                .map(bridge -> "-A DOCKER-USER --in-interface eth0 --out-interface " + bridge + " " + match).toList();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }

    @TempDir
    Path dir;

    private IptablesRules rules(String yaml, String... exposed) {
        Path ferm = RealTools.ferm();
        Policy policy = Policies.from(dir, yaml, Images.exposing(exposed));
        return loaded(FermCheck.run(ferm, FermRenderer.render(policy).files()));
    }

    /**
     * A rule of service shop in DOCKER-USER, from eth0 to docker0 and only for connections Docker DNATed:
     * {@code match}, then its comment and ACCEPT.
     */
    private static String accepted(String match, String rule) {
        return "-A DOCKER-USER " + ALLOW + " " + match + " --match comment --comment \"shop " + rule + "\" --jump ACCEPT";
    }

    /** The rules of ferm's output, once the real iptables-restore has accepted it where it can run. */
    private static IptablesRules loaded(String fermOutput) {
        IptablesRestoreCheck.assertLoads(fermOutput);
        return IptablesRules.parse(fermOutput);
    }

    @Test
    void separatesFamiliesAndDropsAfterTheAccepts() {
        IptablesRules rules = rules("""
                version: 1
                service: shop
                groups:
                  monitoring: [10.20.0.0/16, "2001:db8:20::/48"]
                ingress:
                  - name: web
                    ports: [80, 443]
                  - name: metrics
                    ports: [9100]
                    from: [monitoring]
                  - name: statsd
                    ports: ["8125/udp"]
                    from: [10.20.0.0/16]
                """, "80", "443", "9100", "8125/udp", "5005");

        List<String> established = List.of(
                "-A DOCKER-USER --in-interface eth0 --match conntrack --ctstate RELATED,ESTABLISHED --jump ACCEPT");
        List<String> drop = onEveryBridge("--jump DROP");
        assertThat(rules.ipChain("DOCKER-USER")).containsExactlyElementsOf(concat(established, List.of(
                accepted("--protocol tcp --match multiport --destination-ports 80,443", "web"),
                accepted("--source 10.20.0.0/16 --protocol tcp --dport 9100", "metrics"),
                accepted("--source 10.20.0.0/16 --protocol udp --dport 8125", "statsd")), drop));
        assertThat(rules.ip6Chain("DOCKER-USER")).containsExactlyElementsOf(concat(established, List.of(
                accepted("--protocol tcp --match multiport --destination-ports 80,443", "web"),
                accepted("--source 2001:db8:20::/48 --protocol tcp --dport 9100", "metrics")), drop));
        assertThat(String.join("\n", rules.ip6())).doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void publishedPortsMatchTheOriginalDestination() {
        IptablesRules rules = rules("""
                version: 1
                service: shop
                ingress:
                  - name: admin
                    ports: ["8443:443"]
                    from: [198.51.100.0/24]
                """, "443");

        assertThat(rules.ipChain("DOCKER-USER")).contains(
                accepted("--source 198.51.100.0/24 --protocol tcp --ctorigdstport 8443", "admin"));
        assertThat(rules.ip6Chain("DOCKER-USER")).noneMatch(rule -> rule.contains("admin"));
    }

    @Test
    void aPublicContainerPortLeavesOutTheHostPortPublishedForTheOffice() {
        IptablesRules rules = rules("""
                version: 1
                service: shop
                ingress:
                  - name: web
                    ports: [443]
                  - name: admin
                    ports: ["8443:443"]
                    from: [198.51.100.0/24]
                """, "443");

        assertThat(rules.ipChain("DOCKER-USER")).containsSubsequence(
                accepted("--protocol tcp --dport 443 ! --ctorigdstport 8443", "web"),
                accepted("--source 198.51.100.0/24 --protocol tcp --ctorigdstport 8443", "admin"));
    }

    @Test
    void hostRulesGoToInput() {
        IptablesRules rules = rules("""
                version: 1
                service: shop
                host:
                  - name: ssh
                    ports: [22]
                    from: ["2001:db8:10::/48"]
                """, "80");

        assertThat(rules.ip6Chain("INPUT")).contains("-A INPUT --source 2001:db8:10::/48 --protocol tcp --dport 22"
                + " --match comment --comment \"shop ssh\" --jump ACCEPT");
        assertThat(rules.ipChain("INPUT")).noneMatch(rule -> rule.contains("ssh"));
    }

    private static final String SWARM = """
            version: 1
            service: shop
            docker:
              mode: swarm
            swarm:
              peers: [10.0.0.0/24, "2001:db8:5::/64"]
              managers: [10.0.0.1, 10.0.0.2]
              encrypted: %s
            """;

    private static String swarmRule(String match, String name) {
        return "-A INPUT " + match + " --match comment --comment " + name + " --jump ACCEPT";
    }

    /** The host's INPUT as the swarm file leaves it, after the base configuration's own rules. */
    private static String[] swarmInput(List<String> accepts) {
        return concat(accepts, SWARM_DROPS).toArray(String[]::new);
    }

    private static final List<String> SWARM_DROPS = List.of("-A INPUT --protocol tcp --dport 2377 --jump DROP",
            "-A INPUT --protocol tcp --dport 7946 --jump DROP", "-A INPUT --protocol udp --dport 7946 --jump DROP",
            "-A INPUT --protocol udp --dport 4789 --jump DROP");

    @Test
    void encryptedSwarmAcceptsVxlanFromPeersOnlyUnderIpsecAndDropsTheRest() {
        IptablesRules rules = rules(SWARM.formatted("true"), "80");

        String peers = "--source 10.0.0.0/24 ";
        assertThat(rules.ipChain("INPUT")).endsWith(swarmInput(List.of(
                swarmRule(peers + "--protocol tcp --dport 2377 --destination 10.0.0.1/32", "swarm-management"),
                swarmRule(peers + "--protocol tcp --dport 2377 --destination 10.0.0.2/32", "swarm-management"),
                swarmRule(peers + "--protocol tcp --dport 7946", "swarm-gossip"),
                swarmRule(peers + "--protocol udp --dport 7946", "swarm-gossip"),
                swarmRule(peers + "--protocol esp", "swarm-ipsec"),
                swarmRule(peers + "--protocol udp --dport 4789 --match policy --dir in --pol ipsec", "swarm-vxlan"))));
        String peers6 = "--source 2001:db8:5::/64 ";
        assertThat(rules.ip6Chain("INPUT")).endsWith(swarmInput(List.of(
                swarmRule(peers6 + "--protocol tcp --dport 7946", "swarm-gossip"),
                swarmRule(peers6 + "--protocol udp --dport 7946", "swarm-gossip"),
                swarmRule(peers6 + "--protocol esp", "swarm-ipsec"),
                swarmRule(peers6 + "--protocol udp --dport 4789 --match policy --dir in --pol ipsec", "swarm-vxlan"))));
        Policy policy = Policies.from(dir, SWARM.formatted("true"), Images.exposing("80"));
        assertThat(RuleBudget.count(policy)).as("the cap counts what ferm makes").isEqualTo(10 + 8);
    }

    @Test
    void cleartextSwarmAcceptsVxlanFromPeersAndNoEsp() {
        IptablesRules rules = rules(SWARM.formatted("false").replace("  managers: [10.0.0.1, 10.0.0.2]\n", ""), "80");

        String peers = "--source 10.0.0.0/24 ";
        assertThat(rules.ipChain("INPUT")).endsWith(swarmInput(List.of(
                swarmRule(peers + "--protocol tcp --dport 2377", "swarm-management"),
                swarmRule(peers + "--protocol tcp --dport 7946", "swarm-gossip"),
                swarmRule(peers + "--protocol udp --dport 7946", "swarm-gossip"),
                swarmRule(peers + "--protocol udp --dport 4789", "swarm-vxlan"))));
        assertThat(rules.ipChain("INPUT")).noneMatch(rule -> rule.contains("esp") || rule.contains("policy"));
    }

    @Test
    void fortyPortsNeedThreeMultiportRules() {
        StringBuilder ports = new StringBuilder();
        String[] exposed = new String[40];
        for (int i = 0; i < 40; i++) {
            ports.append(i == 0 ? "" : ", ").append(10000 + 2 * i);
            exposed[i] = Integer.toString(10000 + 2 * i);
        }
        IptablesRules rules = rules("version: 1\nservice: shop\ningress:\n  - name: many\n    ports: [" + ports + "]\n",
                exposed);

        List<String> many = rules.ipChain("DOCKER-USER").stream().filter(r -> r.contains("multiport")).toList();
        assertThat(many).hasSize(3);
        assertThat(many.get(0)).contains("--destination-ports 10000,10002,");
        assertThat(many.get(2)).contains("10078 ");
    }

    @Test
    void sctpPortsGetARuleEachBecauseFermAllowsMultiportOnlyForTcpAndUdp() {
        IptablesRules rules = rules("""
                version: 1
                service: shop
                ingress:
                  - name: signalling
                    ports: ["2905/sctp", "3868/sctp", "9000-9010/sctp"]
                host:
                  - name: diameter
                    ports: ["3868/sctp", "3870/sctp"]
                """, "2905/sctp", "3868/sctp", "9000-9010/sctp");

        assertThat(rules.ipChain("DOCKER-USER")).filteredOn(rule -> rule.contains("signalling")).containsExactly(
                accepted("--protocol sctp --dport 2905", "signalling"),
                accepted("--protocol sctp --dport 3868", "signalling"),
                accepted("--protocol sctp --dport 9000:9010", "signalling"));
        assertThat(rules.ip6Chain("INPUT")).filteredOn(rule -> rule.contains("diameter")).hasSize(2);
    }

    @Test
    void ipv6NetworksStartingWithTwoColonsReachFerm() {
        IptablesRules rules = rules("""
                version: 1
                service: shop
                ingress:
                  - name: web
                    ports: [80]
                    from: ["::8/125", "0:0:0:0:0:0:0:1"]
                """, "80");

        assertThat(rules.ip6Chain("DOCKER-USER")).filteredOn(rule -> rule.contains("web")).containsExactly(
                accepted("--source ::1/128 --protocol tcp --dport 80", "web"),
                accepted("--source ::8/125 --protocol tcp --dport 80", "web"));
        assertThat(rules.ipChain("DOCKER-USER")).noneMatch(rule -> rule.contains("web"));
    }

    @Test
    void exceptBecomesTheNetworksLeftWithoutAnyReturn() {
        IptablesRules rules = rules("""
                version: 1
                service: shop
                ingress:
                  - name: web
                    ports: [80]
                    from: [10.0.0.0/8]
                    except: [10.128.0.0/9]
                """, "80");

        assertThat(rules.ipChain("DOCKER-USER")).filteredOn(r -> r.contains("shop web")).containsExactly(
                accepted("--source 10.0.0.0/9 --protocol tcp --dport 80", "web"));
        assertThat(rules.ip6Chain("DOCKER-USER")).noneMatch(r -> r.contains("shop web"));
        assertThat(String.join("\n", rules.ip())).doesNotContain("RETURN");
    }

    @Test
    void bundlesOfServicesOnDifferentBridgesComposeInOneFermD() {
        Path ferm = RealTools.ferm();
        String yaml = "version: 1\nservice: %s\ndocker:\n  bridge: %s\ningress:\n  - name: web\n    ports: [80]\n"
                + "    from: [%s]\n";
        FermBundle billing = FermRenderer.render(Policies.from(dir.resolve("billing"),
                yaml.formatted("billing", "docker0", "198.51.100.0/24"), Images.exposing("80")));
        FermBundle shop = FermRenderer.render(Policies.from(dir.resolve("shop"),
                yaml.formatted("shop", "br-shop", "203.0.113.0/24"), Images.exposing("80")));
        SortedMap<String, BundleFile> host = new TreeMap<>();
        Stream.of(billing, shop).flatMap(bundle -> bundle.files().stream()).forEach(file ->
                host.merge(file.path(), file, (mine, theirs) -> {
                    assertThat(theirs).as("%s, shared by both bundles", file.path()).isEqualTo(mine);
                    return mine;
                }));

        List<String> dockerUser = loaded(FermCheck.run(ferm, List.copyOf(host.values()))).ipChain("DOCKER-USER");

        assertThat(dockerUser).containsSubsequence(
                "-A DOCKER-USER --in-interface eth0 --out-interface docker0 " + DNATED + " --source 198.51.100.0/24 --protocol tcp"
                        + " --dport 80 --match comment --comment \"billing web\" --jump ACCEPT",
                "-A DOCKER-USER --in-interface eth0 --out-interface br-shop " + DNATED + " --source 203.0.113.0/24 --protocol tcp"
                        + " --dport 80 --match comment --comment \"shop web\" --jump ACCEPT");
        assertThat(dockerUser.subList(dockerUser.size() - 3, dockerUser.size()))
                .containsExactlyElementsOf(onEveryBridge("--jump DROP"));
    }

    @Test
    void rejectAndLogWhenAsked() {
        IptablesRules rules = rules("""
                version: 1
                service: shop
                ingress:
                  - name: web
                    ports: [80]
                defaults:
                  action: reject
                  log: true
                """, "80");

        List<String> ip = rules.ipChain("DOCKER-USER");
        assertThat(ip.subList(ip.size() - 9, ip.size())).containsExactlyElementsOf(concat(
                onEveryBridge("--match limit --limit 10/minute --limit-burst 20 --jump LOG --log-prefix \"ferm shop: \""),
                onEveryBridge("--protocol tcp --jump REJECT --reject-with tcp-reset"),
                onEveryBridge("--jump REJECT --reject-with icmp-port-unreachable")));
        List<String> ip6 = rules.ip6Chain("DOCKER-USER");
        assertThat(ip6.subList(ip6.size() - 3, ip6.size()))
                .containsExactlyElementsOf(onEveryBridge("--jump REJECT --reject-with icmp6-port-unreachable"));
    }
}
