package io.github.fermmavenplugin.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.ferm.RuleBudget;
import io.github.fermmavenplugin.testing.PipelineRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ferm.maxRules (SPEC §2): the iptables rules a bundle makes are counted from the policy, before any ferm text
 * exists, and the rule that takes the bundle over the cap is refused at its position with the count and the
 * product that made it.
 */
@Tag("slow")
class RuleCapTest {

    private static final int ADDRESSES = 1_000;
    private static final int RULES = 1_000;

    @TempDir
    Path dir;

    /**
     * 1,000 addresses used by 1,000 one-port rules: a million iptables rules if nothing stopped it. The
     * addresses are odd, so that no two merge into a wider network.
     */
    @Test
    void aThousandSourcesTimesAThousandRulesAreRefusedAtTheEleventhRule() {
        String descriptor = "version: 1\nservice: wide\ngroups:\n  many: ["
                + IntStream.range(0, ADDRESSES).mapToObj(i -> "10.0." + (i / 125) + "." + (2 * (i % 125) + 1))
                        .collect(Collectors.joining(", "))
                + "]\ningress:\n"
                + IntStream.range(0, RULES).mapToObj(i -> "  - name: r" + i + "\n    ports: [" + (10_000 + i)
                        + "]\n    from: [many]\n").collect(Collectors.joining());

        PipelineRun run = PipelineRun.attempt(dir, descriptor, "FROM alpine\nEXPOSE 10000-10999\n", Map.of());

        assertThat(run.refused()).isTrue();
        // Rule r10 starts on line 6 + 3 * 10: the first ten make exactly 10,000.
        assertThat(run.refusal().get().getMessage()).isEqualTo(dir.resolve("firewall.yaml") + ":36:5: rule 'r10'"
                + " makes 1,000 iptables rules (1,000 IPv4 sources x 1 port match), which brings the bundle to 11,000,"
                + " over maxRules 10,000. Use fewer or wider source networks, port ranges instead of single ports, or"
                + " fewer rules; or raise ferm.maxRules if the host really needs that many.");
        assertThat(run.files()).as("nothing rendered").isEmpty();
        run.assertNoBundle();
    }

    @Test
    void swarmPeersCountTowardsTheCapAtTheSwarmSection() {
        String descriptor = "version: 1\nservice: node\ndocker:\n  mode: swarm\nswarm:\n  peers: ["
                + IntStream.range(0, 2_000).mapToObj(i -> "10.1." + (i / 125) + "." + (2 * (i % 125) + 1))
                        .collect(Collectors.joining(", "))
                + "]\n  encrypted: true\n";

        PipelineRun run = PipelineRun.attempt(dir, descriptor, "FROM alpine\nEXPOSE 80\n", Map.of());

        assertThat(run.refusal()).get().extracting(Throwable::getMessage).asString().startsWith(
                dir.resolve("firewall.yaml") + ":6:3: 'swarm' makes 10,008 iptables rules (2,000 peer networks),"
                        + " over maxRules 10,000.");
        run.assertNoBundle();
    }

    /** Each row: descriptor's rules, the iptables rules they make; a cap one lower refuses the last rule. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            any source, one port: 1 rule per family          | ports: [80]                                             | 2
            two IPv4 sources, two ports in one multiport      | ports: [80, 443]\\n    from: [192.0.2.1, 192.0.2.2]      | 2
            IPv4 and IPv6 sources, 16 ports: two chunks       | ports: [1-8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38]\\n    from: [192.0.2.1, "2001:db8::1"] | 4
            two published ports are matched one by one        | ports: ["8080:80", "8443:443"]\\n    from: [192.0.2.1] | 2
            """)
    void theCapCountsWhatFermMakes(String name, String rule, long expected) {
        String descriptor = "version: 1\nservice: shop\ningress:\n  - name: web\n    " + rule.replace("\\n", "\n")
                + "\n";
        String dockerfile = "FROM alpine\nEXPOSE 1-100 443\n";

        PipelineRun accepted = PipelineRun.attempt(dir.resolve("at"), descriptor, dockerfile, Map.of(),
                (int) expected);
        PipelineRun refused = PipelineRun.attempt(dir.resolve("below"), descriptor, dockerfile, Map.of(),
                (int) expected - 1);

        assertThat(accepted.refused()).as("%s", accepted.refusal()).isFalse();
        assertThat(RuleBudget.count(accepted.analysis().policy())).isEqualTo(expected);
        assertThat(refused.refusal()).get().extracting(Throwable::getMessage).asString()
                .contains("rule 'web' makes " + expected + " iptables rules", "over maxRules " + (expected - 1));
    }
}
