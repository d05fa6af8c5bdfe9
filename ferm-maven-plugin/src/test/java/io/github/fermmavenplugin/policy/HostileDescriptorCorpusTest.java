package io.github.fermmavenplugin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.policy.PortMatch.PortField;
import io.github.fermmavenplugin.testing.Images;
import io.github.fermmavenplugin.testing.Policies;
import io.github.fermmavenplugin.testing.TextCases;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile descriptors, each with its one allowed outcome: a refusal at its line and column with its message,
 * or a policy holding exactly the rules the text asks for. The written cases are in hostile-descriptors.cases;
 * the large ones, up to the 1 MiB input limit, are made here. Work is bounded by construction (one pass over
 * the YAML events, interval-based port plans, groups on a stack of their own, counted budgets), never timed.
 */
@Tag("slow")
class HostileDescriptorCorpusTest {

    private static final String[] EXPOSED = {"80", "443", "8000-8010", "53/udp"};

    @TempDir
    Path dir;

    static Stream<Arguments> written() {
        return TextCases.read(HostileDescriptorCorpusTest.class, "hostile-descriptors.cases").stream();
    }

    static Stream<Arguments> large() {
        String rule = "ingress:\n  - name: web\n    ports: [80]\n    from: [g0]\n";
        int depth = 30_000;
        String chain = IntStream.range(0, depth).mapToObj(i -> "  g" + i + ": [g" + (i + 1) + "]\n")
                .collect(Collectors.joining("", "version: 1\ngroups:\n", "  g" + depth + ": [10.0.0.0/8]\n" + rule));
        String circle = IntStream.range(0, depth).mapToObj(i -> "  g" + i + ": [g" + ((i + 1) % depth) + "]\n")
                .collect(Collectors.joining("", "version: 1\ngroups:\n", rule));
        int addresses = 60_000;
        String manyAddresses = IntStream.range(0, addresses)
                .mapToObj(i -> "10." + (i >> 8 & 255) + "." + (i & 255) + ".0/24")
                .collect(Collectors.joining(", ", "version: 1\ningress:\n  - name: web\n    ports: [80]\n    from: [",
                        "]\n"));
        String flowNesting = "version: 1\nservice: " + "[".repeat(400_000) + "]".repeat(400_000) + "\n";
        String blockNesting = "version: 1\nx:\n" + IntStream.range(1, 40).mapToObj(i -> "  ".repeat(i) + "- \n")
                .collect(Collectors.joining());
        String aliasBomb = "version: 1\ngroups:\n  a: &a [10.0.0.0/8]\n"
                + IntStream.range(0, 30_000).mapToObj(i -> "  b" + i + ": *a\n").collect(Collectors.joining());
        String longScalar = "version: 1\nservice: " + "a".repeat((int) UserFile.MAX_BYTES - 30) + "\n";
        return Stream.of(
                arguments("group chain 30,000 deep", chain, "rules: web: tcp [80] from [10.0.0.0/8]"),
                arguments("group circle 30,000 long", circle, ":3:7: groups refer to each other in a circle: g0 -> g1"),
                arguments("60,000 adjacent /24s in one rule, under 1 MiB", manyAddresses,
                        "rules: web: tcp [80] from [10.0.0.0/9, 10.128.0.0/10, 10.192.0.0/11, 10.224.0.0/13,"
                                + " 10.232.0.0/15, 10.234.0.0/18, 10.234.64.0/19]"),
                arguments("flow lists 400,000 deep", flowNesting,
                        ":2:29: lists and mappings nested deeper than 20 levels"),
                arguments("block lists 40 deep", blockNesting, ":22:41: lists and mappings nested deeper than 20"),
                arguments("30,000 aliases of one anchor", aliasBomb, ":3:6: the anchor &a"),
                arguments("one value of 1 MiB", longScalar, ":2:10: 'aaaa"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("written")
    void givesEachWrittenCaseItsOneOutcome(String what, String expected, String yaml) {
        assertOutcome(yaml, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("large")
    void givesEachLargeCaseItsOneOutcome(String what, String yaml, String expected) {
        assertThat(yaml.length()).as("within the input limit").isLessThanOrEqualTo((int) UserFile.MAX_BYTES);
        assertOutcome(yaml, expected);
    }

    /** "1-65535:1-65535" beside a plain "1-65535": the plan is ranges, and the rule's split has a budget. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedEverywhere")
    void boundsTheHostPortsLeftOutOfAPlainRule(String what, String yaml, String expected) {
        assertOutcome(yaml, expected, "1-65535", "1-65535/udp");
    }

    static Stream<Arguments> publishedEverywhere() {
        String everything = "version: 1\ningress:\n  - name: web\n    ports: [\"%s\"]\n"
                + "  - name: admin\n    ports: [\"%s\"]\n    from: [192.0.2.0/24]\n";
        return Stream.of(
                arguments("every port on its own number beside every port", everything.formatted("1-65535",
                        "1-65535:1-65535"), ":3:5: rule 'web' opens more than "
                                + PublishedPorts.MAX_PORTS_LEAVING_HOST_PORTS_OUT + " container ports onto which"),
                arguments("every port published, another protocol plain", everything.formatted("1-65535/udp",
                        "1-65535:1-65535"), "rules: web: udp [1-65535] from any"
                                + " | admin: published tcp [1-65535] from [192.0.2.0/24]"),
                arguments("a shifted range beside its container ports", everything.formatted("1000-1002",
                        "2000-2002:1000-1002"), "rules: web: tcp [1000] but not from 2000; tcp [1001] but not from 2001;"
                                + " tcp [1002] but not from 2002 from any | admin: published tcp [2000-2002] from"
                                + " [192.0.2.0/24]"),
                arguments("host ports overlapping with other targets", everything.formatted("1-10",
                        "100-200:1-101\"]\n  - name: other\n    ports: [\"150-160:5000-5010"),
                        ":8:13: host port 150/tcp is already published to container port 51/tcp, not 5000"));
    }

    private void assertOutcome(String yaml, String expected, String... exposed) {
        Path file = dir.resolve("firewall.yaml");
        String[] ports = exposed.length == 0 ? EXPOSED : exposed;
        if (expected.startsWith("rules: ")) {
            Policy policy = Policies.from(dir, yaml, Images.exposing(ports));
            assertThat("rules: " + policy.ingress().stream().map(HostileDescriptorCorpusTest::summary)
                    .collect(Collectors.joining(" | "))).isEqualTo(expected);
            return;
        }
        assertThat(expected).as("a refusal names line, column and message").matches(":\\d+:\\d+: \\S.*");
        assertThatThrownBy(() -> Policies.from(dir, yaml, Images.exposing(ports)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + expected);
    }

    private static String summary(AllowRule rule) {
        return rule.name() + ": " + rule.ports().stream()
                .map(match -> (match.field() == PortField.ORIGINAL_DESTINATION ? "published " : "")
                        + match.protocol().token() + " " + match.ports()
                        + match.hostPortsLeftOut().map(hostPorts -> " but not from " + hostPorts).orElse(""))
                .collect(Collectors.joining("; "))
                + " from " + (rule.sources().any() ? "any" : rule.sources().networks().toString());
    }

}
