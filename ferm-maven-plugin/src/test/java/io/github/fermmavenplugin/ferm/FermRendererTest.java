package io.github.fermmavenplugin.ferm;

import io.github.fermmavenplugin.bundle.BundleLayout;
import io.github.fermmavenplugin.bundle.BundleManifest.Rule;
import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.IpFamily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.policy.Policy;
import io.github.fermmavenplugin.policy.ServiceName;
import io.github.fermmavenplugin.testing.Images;
import io.github.fermmavenplugin.testing.Policies;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FermRendererTest {

    @TempDir
    Path dir;

    private SortedMap<String, String> render(String yaml, String... exposed) {
        Policy policy = Policies.from(dir, yaml, Images.exposing(exposed));
        SortedMap<String, String> texts = new TreeMap<>();
        FermBundle bundle = FermRenderer.render(policy);
        bundle.paths().forEach(path -> texts.put(path, bundle.text(path)));
        return texts;
    }

    /** 443 is also published as 8443 for the office only, so web's 443 leaves host port 8443 out. */
    @Test
    void writesTheIngressFileOfTheSpecExample() {
        SortedMap<String, String> files = render("""
                version: 1
                service: billing-api
                groups:
                  office: [198.51.100.0/24, "2001:db8:10::/48"]
                ingress:
                  - name: web
                    ports: [80, 443]
                    from: [any]
                  - name: admin
                    ports: ["8443:443"]
                    from: [office]
                """, "80", "443");

        assertThat(files).containsOnlyKeys("ferm.d/00-docker.ferm", "ferm.d/20-in.docker.billing-api.ferm",
                "ferm.d/99-docker.ferm");
        assertThat(files.get("ferm.d/20-in.docker.billing-api.ferm")).isEqualTo("""
                # Made by ferm-maven-plugin for service billing-api: who may reach its containers,
                # from eth0 to docker0. What no rule allows, 99-docker.ferm stops.
                domain ip table filter chain DOCKER-USER interface eth0 outerface docker0 mod conntrack ctstate DNAT {
                    proto tcp dport 80 mod comment comment "billing-api web" ACCEPT;
                    proto tcp dport 443 mod conntrack ctorigdstport ! 8443 mod comment comment "billing-api web" ACCEPT;
                    saddr 198.51.100.0/24 proto tcp mod conntrack ctorigdstport 8443 mod comment comment "billing-api admin" ACCEPT;
                }
                domain ip6 table filter chain DOCKER-USER interface eth0 outerface docker0 mod conntrack ctstate DNAT {
                    proto tcp dport 80 mod comment comment "billing-api web" ACCEPT;
                    proto tcp dport 443 mod conntrack ctorigdstport ! 8443 mod comment comment "billing-api web" ACCEPT;
                    saddr 2001:db8:10::/48 proto tcp mod conntrack ctorigdstport 8443 mod comment comment "billing-api admin" ACCEPT;
                }
                """);
    }

    @Test
    void familiesGoToTheirFermDomains() {
        assertThat(FermDomain.of(IpFamily.IPV4)).isEqualTo("ip");
        assertThat(FermDomain.of(IpFamily.IPV6)).isEqualTo("ip6");
        assertThat(FermDomain.of(Cidr.parse("10.0.0.0/8").family())).isEqualTo("ip");
    }

    @Test
    void dockerChainsAndDefaultsDoNotDependOnTheService() {
        String yaml = "version: 1\nservice: %s\ningress:\n  - name: web\n    ports: [80]\n";
        SortedMap<String, String> one = render(yaml.formatted("one"), "80");
        SortedMap<String, String> other = render(yaml.formatted("other"), "80");

        assertThat(one.get(BundleLayout.DOCKER_CHAINS_FILE)).isEqualTo(other.get(BundleLayout.DOCKER_CHAINS_FILE));
        assertThat(one.get(BundleLayout.FALLBACK_FILE)).isEqualTo(other.get(BundleLayout.FALLBACK_FILE));
        assertThat(one.get(BundleLayout.DOCKER_CHAINS_FILE))
                .contains("chain (FORWARD DOCKER DOCKER-INGRESS DOCKER-ISOLATION-STAGE-1 DOCKER-ISOLATION-STAGE-2"
                        + " DOCKER-FORWARD DOCKER-BRIDGE DOCKER-CT DOCKER-INTERNAL) @preserve;")
                .contains("chain (PREROUTING OUTPUT POSTROUTING DOCKER DOCKER-INGRESS) @preserve;")
                .contains("table raw {\n        chain PREROUTING @preserve;")
                .doesNotContain("RETURN;");
        assertThat(one.get(BundleLayout.FALLBACK_FILE)).doesNotContain("RETURN;").endsWith("    DROP;\n}\n");
    }

    @Test
    void swarmModeGuardsTheGatewayBridgeOnEveryExternalInterface() {
        SortedMap<String, String> files = render("""
                version: 1
                service: shop
                docker:
                  mode: swarm
                  external: [eth0, ens3]
                ingress:
                  - name: web
                    ports: [80]
                """, "80");

        assertThat(files.get("ferm.d/20-in.docker.shop.ferm"))
                .contains("chain DOCKER-USER interface (eth0 ens3) outerface docker_gwbridge mod conntrack ctstate DNAT {");
        assertThat(files.get(BundleLayout.FALLBACK_FILE))
                .contains("chain DOCKER-USER interface (eth0 ens3) outerface (docker0 docker_gwbridge br-+) {");
    }

    /** Docker DNATs nothing for a routed family: its rules match the container port itself, the NAT family's do not. */
    @Test
    void aRoutedFamilyMatchesContainerPortsWithoutDnat() {
        SortedMap<String, String> files = render("""
                version: 1
                service: shop
                docker:
                  bridge: br-shop
                  gateway_mode_ipv6: routed
                ingress:
                  - name: web
                    ports: [443]
                    from: [198.51.100.0/24, "2001:db8:10::/48"]
                """, "443");

        assertThat(files.get("ferm.d/20-in.docker.shop.ferm")).endsWith("""
                domain ip table filter chain DOCKER-USER interface eth0 outerface br-shop mod conntrack ctstate DNAT {
                    saddr 198.51.100.0/24 proto tcp dport 443 mod comment comment "shop web" ACCEPT;
                }
                domain ip6 table filter chain DOCKER-USER interface eth0 outerface br-shop {
                    saddr 2001:db8:10::/48 proto tcp dport 443 mod comment comment "shop web" ACCEPT;
                }
                """);
    }

    @Test
    void preservesOtherToolsChainsBesideDockersInBothDomains() {
        SortedMap<String, String> files = render("""
                version: 1
                docker:
                  preserve:
                    filter: [ts-forward]
                    nat: [ts-postrouting, LIBVIRT_PRT, POSTROUTING]
                    raw: [CNI-RAW]
                ingress:
                  - name: web
                    ports: [80]
                """, "80");

        assertThat(files.get(BundleLayout.DOCKER_CHAINS_FILE)).isEqualTo("""
                # Made by ferm-maven-plugin. Docker 20 to 29 owns these chains, other tools those that
                # docker.preserve names: ferm keeps their rules as they made them (@preserve, ferm 2.4 and
                # later) and owns DOCKER-USER.
                domain (ip ip6) {
                    table filter {
                        # ferm stops here with Cannot @preserve chain FORWARD because it is not empty when the
                        # host base ferm.conf gives FORWARD rules of its own, as Debian stock one does: remove them
                        # there, Docker owns FORWARD (README: Installing a bundle on a host).
                        chain (FORWARD DOCKER DOCKER-INGRESS DOCKER-ISOLATION-STAGE-1 DOCKER-ISOLATION-STAGE-2 \
                DOCKER-FORWARD DOCKER-BRIDGE DOCKER-CT DOCKER-INTERNAL ts-forward) @preserve;
                        # Packets of connections a rule allowed when they began pass at once: one rule, whatever
                        # the bridge, since an established flow from outside was let in by some rule already.
                        chain DOCKER-USER interface eth0 mod conntrack ctstate (RELATED ESTABLISHED) ACCEPT;
                    }
                    table nat {
                        chain (PREROUTING OUTPUT POSTROUTING DOCKER DOCKER-INGRESS LIBVIRT_PRT ts-postrouting) @preserve;
                    }
                    table raw {
                        chain (PREROUTING CNI-RAW) @preserve;
                    }
                }
                """);
    }

    @Test
    void theSharedFilesReadTheSameForTheSameChainsInAnyOrder() {
        String yaml = "version: 1\nservice: %s\ndocker:\n  preserve:\n    filter: %s\n"
                + "ingress:\n  - name: web\n    ports: [80]\n";
        SortedMap<String, String> billing = render(yaml.formatted("billing", "[ts-forward, LIBVIRT_FWX]"), "80");
        SortedMap<String, String> shop = render(yaml.formatted("shop", "[LIBVIRT_FWX, ts-forward, ts-forward]"), "80");

        assertThat(billing.get(BundleLayout.DOCKER_CHAINS_FILE)).isEqualTo(shop.get(BundleLayout.DOCKER_CHAINS_FILE))
                .contains("DOCKER-INTERNAL LIBVIRT_FWX ts-forward) @preserve;");
    }

    @Test
    void theSwarmFileIsHostWideAndTheManifestNamesItsPorts() {
        String yaml = """
                version: 1
                service: %s
                docker:
                  mode: swarm
                  bridge: %s
                groups:
                  nodes: [10.0.0.0/24]
                swarm:
                  peers: [nodes]
                  encrypted: true
                ingress:
                  - name: web
                    ports: [80]
                """;
        SortedMap<String, String> billing = render(yaml.formatted("billing", "docker_gwbridge"), "80");
        SortedMap<String, String> shop = render(yaml.formatted("shop", "br-+"), "80");

        assertThat(billing.get(BundleLayout.SWARM_FILE)).isEqualTo(shop.get(BundleLayout.SWARM_FILE))
                .doesNotContain("billing").doesNotContain("web");
        assertThat(render(yaml.formatted("shop", "br-+").replaceAll("(?s)groups:.*encrypted: true\n", ""), "80"))
                .doesNotContainKey(BundleLayout.SWARM_FILE);
        Policy policy = Policies.from(dir, yaml.formatted("shop", "br-+"), Images.exposing("80"));
        assertThat(FermRenderer.render(policy).rules()).extracting(Rule::name, Rule::chain, Rule::ports, Rule::from)
                .containsSubsequence(
                        tuple("swarm-management", "INPUT", List.of("2377/tcp"), List.of("10.0.0.0/24")),
                        tuple("swarm-gossip", "INPUT", List.of("7946/tcp", "7946/udp"), List.of("10.0.0.0/24")),
                        tuple("swarm-vxlan", "INPUT", List.of("4789/udp"), List.of("10.0.0.0/24")));
    }

    @Test
    void theSharedFilesReadTheSameForServicesOnDifferentBridges() {
        String yaml = "version: 1\nservice: %s\ndocker:\n  bridge: %s\ningress:\n  - name: web\n    ports: [80]\n";
        SortedMap<String, String> billing = render(yaml.formatted("billing", "docker0"), "80");
        SortedMap<String, String> shop = render(yaml.formatted("shop", "br-+"), "80");

        assertThat(billing.get(BundleLayout.DOCKER_CHAINS_FILE)).isEqualTo(shop.get(BundleLayout.DOCKER_CHAINS_FILE));
        assertThat(billing.get(BundleLayout.FALLBACK_FILE)).isEqualTo(shop.get(BundleLayout.FALLBACK_FILE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            15 single ports fill one rule       | 15 | 0 | 1
            16 single ports need two            | 16 | 0 | 2
            a range counts two                  | 14 | 1 | 2
            7 ranges and one port fit           | 1  | 7 | 1
            """)
    void multiportHoldsFifteenPortsARangeCountingTwo(String what, int singles, int ranges, int rules) {
        List<PortRange> ports = new java.util.ArrayList<>();
        IntStream.range(0, singles).forEach(i -> ports.add(PortRange.single(100 + i)));
        IntStream.range(0, ranges).forEach(i -> ports.add(new PortRange(1000 + 10 * i, 1005 + 10 * i)));
        assertThat(FermRenderer.multiportChunks(ports)).hasSize(rules);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "billing-api", "a-service-name-that-is-very-long-indeed"})
    void logPrefixFitsIptablesLimit(String service) {
        String prefix = FermRenderer.logPrefix(new ServiceName(service));
        assertThat(prefix).startsWith("ferm ").endsWith(": ").hasSizeLessThanOrEqualTo(29);
    }

    @ParameterizedTest
    @ValueSource(strings = {"`id`", "$(id)", "a;b", "\"x\"", "'x'", "{x}", "(x)", "#x", "@include", "x\ny", "\\x", "",
        "caf\u00e9", "x\u0000", ":x", "::;", "::(x)", "::`id`"})
    void theWriterRefusesAnythingThatCouldBeSyntax(String hostile) {
        assertThatThrownBy(() -> FermWriter.statement("saddr").word(hostile))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FermWriter.statement("comment").quoted(hostile))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FermWriter().comment(hostile + "\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSpaceSeparatesWordsButMayStandInAQuotedString() {
        assertThatThrownBy(() -> FermWriter.statement("saddr").word("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FermWriter().rule(FermWriter.statement("comment").quoted("shop web")).text())
                .isEqualTo("comment \"shop web\";\n");
    }
}
