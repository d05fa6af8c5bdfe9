package io.github.fermmavenplugin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.e2e.harness.Addresses;
import io.github.fermmavenplugin.e2e.harness.BridgeNetwork;
import io.github.fermmavenplugin.e2e.harness.Environment;
import io.github.fermmavenplugin.e2e.harness.FermConfig;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.IptablesSnapshot;
import io.github.fermmavenplugin.e2e.harness.Outcome;
import io.github.fermmavenplugin.e2e.harness.Probe;
import io.github.fermmavenplugin.e2e.harness.RuleCounters;
import io.github.fermmavenplugin.e2e.harness.Topology;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.Protocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix: for each scenario, Docker's rules first, then the bundle applied with the real ferm, then real
 * TCP and UDP traffic from allowed and other sources, IPv4 and IPv6, and Docker's rules checked intact.
 *
 * <p>{@code -Dferm.e2e.scenario=TEXT} runs only the scenarios whose name contains TEXT;
 * {@code -Dferm.e2e.verbose=true} prints every probe and the host's iptables-save.
 */
@Tag("e2e")
class FirewallScenarioTest {

    private static final List<Measurement> MEASUREMENTS = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    static Stream<Scenario> scenarios() {
        return Matrix.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void bundleFiltersRealTrafficAndKeepsDockersRules(Scenario scenario) {
        try (Topology topology = Topology.create(scenario.network(), scenario.containers());
             FermConfig ferm = FermConfig.write(scenario.bundle())) {
            scenario.dockerRules().apply(topology.host(), IptablesBackend.LEGACY);
            assertThat(ScenarioRun.mismatches(topology, scenario.baseline()))
                    .as("before ferm, Docker's rules alone must publish the ports (else the harness is broken)")
                    .isEmpty();
            IptablesSnapshot v4Before = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY);
            IptablesSnapshot v6Before = IptablesSnapshot.take(topology.host(), IpFamily.IPV6, IptablesBackend.LEGACY);

            ferm.apply(topology.host());
            ScenarioRun.printIfVerbose(topology);

            assertThat(ScenarioRun.mismatches(topology, scenario.expectations()))
                    .as("traffic after ferm applied, %s", scenario)
                    .isEmpty();
            IptablesSnapshot v4After = IptablesSnapshot.take(topology.host(), IpFamily.IPV4, IptablesBackend.LEGACY);
            IptablesSnapshot v6After = IptablesSnapshot.take(topology.host(), IpFamily.IPV6, IptablesBackend.LEGACY);
            assertDockerRulesIntact(v4Before, v4After);
            assertDockerRulesIntact(v6Before, v6After);
            assertDockerUserIsExactlyOurs(ferm, v4After, scenario.network());
            assertDockerUserIsExactlyOurs(ferm, v6After, scenario.network());
            MEASUREMENTS.add(measure(scenario, topology, v4After, v6After));
        }
    }

    /**
     * Zeroes DOCKER-USER's counters, makes one allowed TCP connection with data both ways, and reads which rule
     * its packets matched: the established ones must stop at the first rule, only the SYN may go further.
     */
    private static Measurement measure(Scenario scenario, Topology topology, IptablesSnapshot v4, IptablesSnapshot v6) {
        RuleCounters.zero(topology.host(), IpFamily.IPV4, "DOCKER-USER");
        Probe allowed = Probe.toHost(Protocol.TCP, Addresses.ALLOWED_V4, 8080);
        assertThat(topology.probes().probe(allowed, ScenarioRun.PROBE_TIMEOUT_MILLIS).outcome()).isEqualTo(Outcome.OPEN);
        List<RuleCounters.Counted> counted = RuleCounters.read(topology.host(), IpFamily.IPV4, "DOCKER-USER");
        assertThat(counted.get(0).rule()).as("first DOCKER-USER rule").contains("--ctstate RELATED,ESTABLISHED");
        long established = counted.get(0).packets();
        long later = counted.stream().skip(1).mapToLong(RuleCounters.Counted::packets).sum();
        assertThat(established).as("established packets matched by DOCKER-USER rule 1").isGreaterThanOrEqualTo(2);
        assertThat(later).as("packets that went past DOCKER-USER rule 1: only the SYN").isEqualTo(1);
        return new Measurement(scenario.name(),
                v4.table("filter").rulesOf("DOCKER-USER").size() + v6.table("filter").rulesOf("DOCKER-USER").size(),
                v4.table("filter").rulesOf("INPUT").size() + v6.table("filter").rulesOf("INPUT").size(),
                1, established, later);
    }

    /**
     * DOCKER-USER holds what the bundle says and nothing else: as many rules as {@code ferm --remote} renders,
     * each limited to traffic from {@code eth0} (Docker's own {@code -j RETURN} of Docker ≤27 would not be) and,
     * but for the conntrack ACCEPT that comes first, to a container bridge; the allow rules towards the
     * scenario's bridge.
     */
    static void assertDockerUserIsExactlyOurs(FermConfig ferm, IptablesSnapshot after, BridgeNetwork network) {
        List<String> rules = after.table("filter").rulesOf("DOCKER-USER");
        List<String> containerBridges = List.of("docker0", "docker_gwbridge", "br-+", network.bridge());
        assertThat(rules).as("%s DOCKER-USER", after.family())
                .hasSize((int) ferm.remoteRuleCount(after.family(), "DOCKER-USER"))
                .allMatch(rule -> rule.contains("--ctstate RELATED,ESTABLISHED")
                        ? rule.startsWith("-A DOCKER-USER -i eth0 ")
                        : containerBridges.stream().anyMatch(b -> rule.contains(" -i eth0 -o " + b + " ")));
        assertThat(rules).filteredOn(rule -> rule.contains("-j ACCEPT") && rule.contains("--comment"))
                .isNotEmpty()
                .allMatch(rule -> rule.contains(" -i eth0 -o " + network.bridge() + " "));
        assertThat(rules.get(0)).contains("--ctstate RELATED,ESTABLISHED -j ACCEPT");
    }

    static void assertDockerRulesIntact(IptablesSnapshot before, IptablesSnapshot after) {
        List<String> added = after.emptyChainsAddedSince(before);
        List<String> afterLines = new ArrayList<>(after.dockerOwnedLines());
        afterLines.removeAll(added);
        assertThat(afterLines)
                .as("Docker's %s rules after ferm, byte for byte (apart from empty chains ferm's @preserve added: %s)",
                        before.family(), added)
                .containsExactlyElementsOf(before.dockerOwnedLines());
    }

    @AfterAll
    static void printMeasurements() {
        if (!MEASUREMENTS.isEmpty()) {
            System.out.println("Rule counts measured by " + FirewallScenarioTest.class.getSimpleName() + ":\n"
                    + Measurement.markdownTable(MEASUREMENTS));
        }
    }
}
