package io.github.fermmavenplugin.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.fermmavenplugin.aggregate.ServiceBundle;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.ferm.FermCheck;
import io.github.fermmavenplugin.ferm.RuleBudget;
import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.InterfaceName;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.policy.AllowRule;
import io.github.fermmavenplugin.policy.Policy;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import io.github.fermmavenplugin.policy.PortMatch;
import io.github.fermmavenplugin.policy.PortMatch.PortField;
import io.github.fermmavenplugin.testing.YamlText;
import io.github.fermmavenplugin.testing.DescriptorSchema;
import io.github.fermmavenplugin.testing.IptablesRestoreCheck;
import io.github.fermmavenplugin.testing.IptablesRules;
import io.github.fermmavenplugin.testing.PipelineRun;
import io.github.fermmavenplugin.testing.RealTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Descriptors and Dockerfiles generated at random, valid-ish and hostile, through the whole pipeline. The only
 * outcomes allowed: a clean, readable user error that leaves no bundle, or a bundle that the real
 * {@code ferm --remote --lines} accepts and whose DOCKER-USER and INPUT rules are exactly what the policy says:
 * one ACCEPT per external interface, source of the family (or none for "any"), port chunk and rule, every source
 * one of the policy's networks of that family, multiport never over 15 ports, and DROP or REJECT last. A
 * descriptor the plugin accepts must pass the shipped JSON Schema too, so that editors never flag a good one.
 *
 * <p>Each run makes {@value #DEFAULT_TRIES} tries so that {@code ./mvnw verify} stays fast. Run it longer with
 * {@code ./mvnw -pl ferm-maven-plugin test -Dtest=GeneratedBundlesPropertyTest -Dtest.excludedGroups=none -Dferm.property.tries=20000}.
 * Without ferm installed the ferm half is skipped, unless {@code -Dferm.tests.required=true}, which makes it fail.
 */
@Tag("ferm")
@Tag("slow")
class GeneratedBundlesPropertyTest {

    static final int DEFAULT_TRIES = 300;
    static final String TRIES_PROPERTY = "ferm.property.tries";

    private static final Optional<Path> FERM = RealTools.fermIfInstalled();

    /** A try's input: what the user wrote. */
    /** @param refusedAt "line:column" of a YAML feature the descriptor may not use, "" when it uses none */
    record Scenario(String descriptor, String dockerfile, Map<String, String> buildArgs, String refusedAt) {
        @Override
        public String toString() {
            return "\n--- firewall.yaml\n" + PipelineRun.visible(descriptor) + "\n--- Dockerfile\n"
                    + PipelineRun.visible(dockerfile) + "\n--- build args " + buildArgs
                    + (refusedAt.isEmpty() ? "" : "\n--- refused at " + refusedAt);
        }
    }

    @Property(tries = DEFAULT_TRIES)
    @AddLifecycleHook(TriesFromSystemProperty.class)
    @StatisticsReport(onFailureOnly = true)
    void everyBuildIsACleanRefusalOrABundleFermLoadsAsThePolicySays(@ForAll("scenarios") Scenario scenario)
            throws IOException {
        Path dir = Files.createTempDirectory("ferm-property");
        try {
            PipelineRun run = PipelineRun.attempt(dir, scenario.descriptor(), scenario.dockerfile(),
                    scenario.buildArgs());
            Statistics.label("outcome").collect(run.refused() ? "refused" : "bundle");
            Statistics.label("yaml feature refused").collect(!scenario.refusedAt().isEmpty());
            // A hostile value over the size limit is refused before the YAML is read at all.
            boolean readAsYaml = scenario.descriptor().getBytes(StandardCharsets.UTF_8).length <= UserFile.MAX_BYTES;
            if (!scenario.refusedAt().isEmpty() && readAsYaml) {
                assertThat(run.refused()).as("a descriptor using a YAML feature it may not use").isTrue();
                assertThat(run.refusal().get().position().line() + ":" + run.refusal().get().position().column())
                        .as(run.refusal().get().getMessage()).isEqualTo(scenario.refusedAt());
                assertThat(run.refusal().get().problem()).contains("not supported in a firewall descriptor");
            }
            Statistics.label("except").collect(scenario.descriptor().contains("except:")
                    ? (run.refused() ? "with except, refused" : "with except, bundle") : "without except");
            if (configuredTries() >= DEFAULT_TRIES) {
                // Neither outcome may starve: a generator that only ever fails, or never does, proves little.
                Statistics.label("outcome").coverage(coverage -> {
                    coverage.check("bundle").percentage(p -> p >= 10);
                    coverage.check("refused").percentage(p -> p >= 10);
                });
            }
            if (run.refused()) {
                run.assertNoBundle();
                PipelineRun.assertReadable(run.refusal().get());
                return;
            }
            assertThat(DescriptorSchema.problems(scenario.descriptor()))
                    .as("what the shipped JSON Schema says of a descriptor the plugin accepts").isEmpty();
            // The release goals read deployed bundles strictly: every bundle ferm:bundle writes must pass.
            ServiceBundle.read("generated", run.archive());
            Optional<Path> ferm = fermOrSkip();
            Statistics.label("ferm").collect(ferm.isPresent() ? "bundle loaded by ferm" : "ferm not installed: skipped");
            if (ferm.isPresent()) {
                String output = FermCheck.run(ferm.get(), run.files());
                IptablesRestoreCheck.assertLoads(output);
                assertRulesMatchThePolicy(IptablesRules.parse(output), run.analysis().policy());
                assertThat(RuleBudget.count(run.analysis().policy())).as("the rules counted before rendering")
                        .isEqualTo(allowRulesLoaded(IptablesRules.parse(output), run.analysis().policy()));
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private static int configuredTries() {
        String tries = System.getProperty(TRIES_PROPERTY);
        return tries == null || tries.isBlank() ? DEFAULT_TRIES : Integer.parseInt(tries.strip());
    }

    private static Optional<Path> fermOrSkip() {
        if (FERM.isEmpty() && RealTools.required()) {
            fail("ferm is not installed (apt-get install ferm), and " + RealTools.REQUIRED_PROPERTY + " is true");
        }
        return FERM;
    }

    // ---- what the rules must be

    /** One accepted packet shape: where from, to which port, by which rule. */
    /** @param hostPortsLeftOut the original destination ports a container-port match refuses, "" for none */
    private record Accept(String interfaceName, String source, String protocol, PortField field, String port,
            String hostPortsLeftOut, String rule) {
    }

    private static void assertRulesMatchThePolicy(IptablesRules rules, Policy policy) {
        List<String> external = policy.network().external().stream().map(InterfaceName::token).toList();
        for (IpFamily family : IpFamily.values()) {
            List<String> domain = family == IpFamily.IPV4 ? rules.ip() : rules.ip6();
            List<String> dockerUser = rules.chain(domain, "DOCKER-USER");
            List<String> accepts = dockerUser.stream()
                    .filter(line -> line.endsWith("--jump ACCEPT") && !line.contains("--ctstate RELATED,ESTABLISHED")).toList();
            assertThat(accepts).as("ACCEPT rules in DOCKER-USER, %s", family)
                    .hasSize(expectedRuleCount(policy.ingress(), family, external.size()))
                    .allMatch(line -> line.contains(" --match conntrack --ctstate DNAT "));
            assertThat(accepts.stream().map(GeneratedBundlesPropertyTest::accepted).flatMap(List::stream).sorted(
                    ACCEPT_ORDER).toList())
                    .as("what DOCKER-USER accepts, %s", family)
                    .isEqualTo(expected(policy.ingress(), family, external, policy.service().value()));

            List<String> input = rules.chain(domain, "INPUT").stream()
                    .filter(line -> line.contains("--comment \"" + policy.service().value() + " ")).toList();
            assertThat(input).as("ACCEPT rules in INPUT, %s", family)
                    .hasSize(expectedRuleCount(policy.host(), family, 1));
            assertThat(input.stream().map(GeneratedBundlesPropertyTest::accepted).flatMap(List::stream)
                    .sorted(ACCEPT_ORDER).toList())
                    .as("what INPUT accepts, %s", family)
                    .isEqualTo(expected(policy.host(), family, List.of(""), policy.service().value()));

            List<String> sources = domain.stream().flatMap(line -> matches(SOURCE, line)).distinct().toList();
            List<String> allowed = Stream.concat(policy.ingress().stream(), policy.host().stream())
                    .flatMap(rule -> rule.sources().networks().stream()).filter(n -> n.family() == family)
                    .map(Cidr::token).toList();
            assertThat(sources).as("sources in the %s rules", family).isSubsetOf(allowed);
            if (family == IpFamily.IPV6) {
                assertThat(domain.stream().flatMap(line -> matches(ADDRESS_OPTION, line)))
                        .as("addresses in the ip6 rules").allMatch(address -> address.contains(":"));
            }

            String last = dockerUser.get(dockerUser.size() - 1);
            assertThat(last).as("last DOCKER-USER rule, %s", family)
                    .endsWith(policy.fallback().action() == FallbackAction.DROP ? "--jump DROP"
                            : family == IpFamily.IPV4 ? "--reject-with icmp-port-unreachable"
                                    : "--reject-with icmp6-port-unreachable");
            assertThat(dockerUser.stream().anyMatch(line -> line.contains("--jump LOG")))
                    .as("LOG in DOCKER-USER").isEqualTo(policy.fallback().log());
            for (String line : accepts) {
                assertThat(multiportWeight(line)).as("multiport weight of " + line).isLessThanOrEqualTo(15);
            }
        }
    }

    /** The ACCEPT rules ferm made of the policy's allow rules, in both chains and both domains. */
    private static long allowRulesLoaded(IptablesRules rules, Policy policy) {
        String comment = "--comment \"" + policy.service().value() + " ";
        return Stream.of(rules.ip(), rules.ip6())
                .flatMap(domain -> Stream.concat(rules.chain(domain, "DOCKER-USER").stream(),
                        rules.chain(domain, "INPUT").stream()))
                .filter(line -> line.contains(comment) && line.endsWith("--jump ACCEPT"))
                .count();
    }

    private static int expectedRuleCount(List<AllowRule> rules, IpFamily family, int interfaces) {
        int count = 0;
        for (AllowRule rule : rules) {
            Optional<List<Cidr>> sources = rule.sources().in(family);
            if (sources.isEmpty()) {
                continue;
            }
            int sourceCount = rule.sources().any() ? 1 : sources.get().size();
            int chunks = rule.ports().stream().mapToInt(GeneratedBundlesPropertyTest::chunkCount).sum();
            count += interfaces * sourceCount * chunks;
        }
        return count;
    }

    /**
     * multiport takes 15 ports, a range counting 2, filled in order; published ports, and sctp ports (ferm allows
     * multiport for tcp and udp only), are matched one by one.
     */
    private static int chunkCount(PortMatch match) {
        if (match.field() == PortField.ORIGINAL_DESTINATION || match.protocol() == Protocol.SCTP) {
            return match.ports().size();
        }
        int chunks = 1;
        int used = 0;
        for (PortRange range : match.ports()) {
            int weight = range.isSingle() ? 1 : 2;
            if (used + weight > 15) {
                chunks++;
                used = 0;
            }
            used += weight;
        }
        return chunks;
    }

    private static List<Accept> expected(List<AllowRule> rules, IpFamily family, List<String> interfaces,
            String service) {
        List<Accept> accepts = new ArrayList<>();
        for (AllowRule rule : rules) {
            Optional<List<Cidr>> sources = rule.sources().in(family);
            if (sources.isEmpty()) {
                continue;
            }
            List<String> sourceTokens = rule.sources().any() ? List.of("")
                    : sources.get().stream().map(Cidr::token).toList();
            for (String interfaceName : interfaces) {
                for (String source : sourceTokens) {
                    for (PortMatch match : rule.ports()) {
                        String leftOut = match.hostPortsLeftOut().map(GeneratedBundlesPropertyTest::portToken).orElse("");
                        for (PortRange range : match.ports()) {
                            accepts.add(new Accept(interfaceName, source, match.protocol().token(), match.field(),
                                    portToken(range), leftOut, service + " " + rule.name().value()));
                        }
                    }
                }
            }
        }
        accepts.sort(ACCEPT_ORDER);
        return accepts;
    }

    private static final Comparator<Accept> ACCEPT_ORDER = Comparator.comparing(Accept::toString);
    private static final Pattern IN_INTERFACE = Pattern.compile("--in-interface (\\S+)");
    private static final Pattern SOURCE = Pattern.compile("--source (\\S+)");
    private static final Pattern ADDRESS_OPTION = Pattern.compile("--(?:source|destination) (\\S+)");
    private static final Pattern PROTOCOL = Pattern.compile("--protocol (\\S+)");
    private static final Pattern DPORT = Pattern.compile("--dport (\\S+)");
    private static final Pattern MULTIPORT = Pattern.compile("--destination-ports (\\S+)");
    private static final Pattern ORIGINAL_PORT = Pattern.compile("(?<!! )--ctorigdstport (\\S+)");
    private static final Pattern ORIGINAL_PORT_LEFT_OUT = Pattern.compile("! --ctorigdstport (\\S+)");
    private static final Pattern COMMENT = Pattern.compile("--comment \"([^\"]*)\"");

    /** The packet shapes one iptables rule line accepts. */
    private static List<Accept> accepted(String line) {
        String interfaceName = first(IN_INTERFACE, line).orElse("");
        String source = first(SOURCE, line).orElse("");
        String protocol = first(PROTOCOL, line).orElseThrow();
        String rule = first(COMMENT, line).orElseThrow();
        Optional<String> original = first(ORIGINAL_PORT, line);
        if (original.isPresent()) {
            return List.of(new Accept(interfaceName, source, protocol, PortField.ORIGINAL_DESTINATION,
                    original.get(), "", rule));
        }
        String leftOut = first(ORIGINAL_PORT_LEFT_OUT, line).orElse("");
        List<String> ports = first(DPORT, line).map(List::of)
                .orElseGet(() -> List.of(first(MULTIPORT, line).orElseThrow().split(",")));
        return ports.stream().map(port -> new Accept(interfaceName, source, protocol, PortField.DESTINATION, port,
                leftOut, rule)).toList();
    }

    private static String portToken(PortRange range) {
        return range.isSingle() ? Integer.toString(range.first()) : range.first() + ":" + range.last();
    }

    private static int multiportWeight(String line) {
        return first(MULTIPORT, line).map(list -> Stream.of(list.split(","))
                .mapToInt(port -> port.contains(":") ? 2 : 1).sum()).orElse(1);
    }

    private static Optional<String> first(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Stream<String> matches(Pattern pattern, String line) {
        return pattern.matcher(line).results().map(result -> result.group(1));
    }

    // ---- what users might write

    /**
     * Half the tries are clean (every value plausible, so that most of them make a bundle for ferm to check), half
     * mix in mistakes and hostile values at every place a user writes something.
     */
    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.of(true, false).flatMap(clean -> exposeWords(clean).list()
                .ofMinSize(clean ? 1 : 0).ofMaxSize(40)
                .flatMap(exposed -> Combinators.combine(dockerfile(exposed), descriptor(exposed, clean))
                        .as((dockerfile, descriptor) -> Tuple.of(dockerfile, descriptor)))
                .flatMap(pair -> yamlStyle(pair.get2()).map(styled -> new Scenario(styled.get1(), pair.get1().get1(),
                        pair.get1().get2(), styled.get2()))));
    }

    private static final Pattern FLOW_LIST = Pattern.compile("^( *)(ports|from|except|external|inherited): \\[(.*)]$",
            Pattern.MULTILINE);
    private static final Pattern SIMPLE_ITEMS = Pattern.compile("(\"[^\"\\\\,]*\"|[^\",\\[\\]{}#]+)(, (\"[^\"\\\\,]*\"|[^\",\\[\\]{}#]+))*");
    private static final List<String> REFUSED_FEATURES = List.of("!!str ", "!!binary ", "!custom ", "&a ", "*a", "<<");

    /**
     * The same descriptor in another YAML style, meaning the same (comments, single quotes, block lists), or with
     * one YAML feature a descriptor may not use (a tag, an anchor, an alias, a merge key) and where it stands.
     */
    private static Arbitrary<Tuple.Tuple2<String, String>> yamlStyle(String yaml) {
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.of(REFUSED_FEATURES))
                .as((style, feature) -> switch (style) {
                    case 0, 1 -> Tuple.of(yaml.replaceAll("(?m)$(?<=.)", "  # a comment"), "");
                    case 2, 3 -> Tuple.of(yaml.replaceAll("\"([^\"\\\\']*)\"", "'$1'"), "");
                    case 4, 5 -> Tuple.of(blockLists(yaml), "");
                    case 6 -> Tuple.of(yaml, "");
                    default -> withFeature(yaml, feature);
                });
    }

    private static String blockLists(String yaml) {
        return FLOW_LIST.matcher(yaml).replaceAll(list -> {
            if (!SIMPLE_ITEMS.matcher(list.group(3)).matches()) {
                return Matcher.quoteReplacement(list.group());
            }
            return Matcher.quoteReplacement(list.group(1) + list.group(2) + ":" + Stream.of(list.group(3).split(", "))
                    .map(item -> "\n" + list.group(1) + "  - " + item).collect(Collectors.joining()));
        });
    }

    /** On the first rule's name, else on the version; the merge key as a line of its own below it. */
    private static Tuple.Tuple2<String, String> withFeature(String yaml, String feature) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int line = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith("  - name: ")).findFirst()
                .orElse(0);
        String text = lines.get(line);
        int valueAt = text.indexOf(": ") + 2;
        if (feature.equals("<<")) {
            lines.add(line + 1, line == 0 ? "<<: {service: shop}" : "    <<: {ports: [80]}");
            return Tuple.of(String.join("\n", lines), (line + 2) + ":" + (line == 0 ? 1 : 5));
        }
        lines.set(line, text.substring(0, valueAt) + (feature.equals("*a") ? "*a" : feature + text.substring(valueAt)));
        return Tuple.of(String.join("\n", lines), (line + 1) + ":" + (valueAt + 1));
    }

    private static Arbitrary<String> hostile() {
        return Arbitraries.of(HostileInputTest.HOSTILE.values().stream().toList());
    }

    /** Mostly the good values; in a try that is not clean, sometimes a broken one. */
    private static <T> Arbitrary<T> rarelyBroken(boolean clean, Arbitrary<T> good, Arbitrary<T> broken) {
        return clean ? good : Arbitraries.frequencyOf(Tuple.of(12, good), Tuple.of(1, broken));
    }

    private static Arbitrary<Integer> port(boolean clean) {
        return rarelyBroken(clean, Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.of(22, 53, 80, 443, 8080, 8443, 9100)),
                        Tuple.of(4, Arbitraries.integers().between(1, 65535))),
                Arbitraries.of(0, 65536, 99999));
    }

    /** "80", "8000-8010/udp", sometimes something broken or hostile. */
    private static Arbitrary<String> exposeWords(boolean clean) {
        Arbitrary<String> protocol = rarelyBroken(clean, Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.just("")),
                        Tuple.of(3, Arbitraries.of("/tcp", "/udp", "/sctp", "/UDP"))),
                Arbitraries.just("/icmp"));
        Arbitrary<String> range = Combinators.combine(Arbitraries.integers().between(1, 65000),
                Arbitraries.integers().between(1, 30)).as((first, length) -> first + "-" + (first + length));
        Arbitrary<String> ports = Arbitraries.frequencyOf(Tuple.of(5, port(clean).map(String::valueOf)),
                Tuple.of(1, range));
        return rarelyBroken(clean, Combinators.combine(ports, protocol).as(String::concat), hostile());
    }

    /** The Dockerfile exposing the words, the first one sometimes through ARG, ENV or a build arg. */
    private static Arbitrary<Tuple.Tuple2<String, Map<String, String>>> dockerfile(List<String> exposed) {
        if (exposed.isEmpty()) {
            return Arbitraries.just(Tuple.of("FROM alpine:3.20\nRUN true\n", Map.of()));
        }
        String first = exposed.get(0);
        String rest = exposed.stream().skip(1).map(word -> " " + word).collect(Collectors.joining());
        return Arbitraries.of(
                Tuple.of("FROM alpine:3.20\nEXPOSE " + first + rest + "\n", Map.<String, String>of()),
                Tuple.of("FROM alpine:3.20\nARG PORT=\"" + dockerfileQuoted(first) + "\"\nEXPOSE $PORT" + rest + "\n",
                        Map.<String, String>of()),
                Tuple.of("FROM alpine:3.20 AS runtime\nENV PORT=\"" + dockerfileQuoted(first)
                        + "\"\nLABEL port=$PORT\nEXPOSE ${PORT}" + rest + "\n", Map.<String, String>of()),
                Tuple.of("ARG PORT=1\nFROM alpine:3.20\nARG PORT\nEXPOSE $PORT" + rest + "\n", Map.of("PORT", first)));
    }

    private static Arbitrary<String> descriptor(List<String> exposed, boolean clean) {
        List<String> groupNames = List.of("office", "monitoring", "staff");
        Arbitrary<Integer> groupCount = Arbitraries.integers().between(0, groupNames.size());
        Arbitrary<List<Tuple.Tuple2<String, List<String>>>> groups = groupCount.flatMap(count ->
                Combinators.combine(IntStream.range(0, count)
                        .mapToObj(i -> source(clean ? groupNames.subList(i + 1, count) : groupNames, clean)
                                .list().ofMinSize(1).ofMaxSize(4)
                                .map(members -> Tuple.of(groupNames.get(i), members)))
                        .toList()).as(List::copyOf));
        return groups.flatMap(groupList -> {
            List<String> defined = groupList.stream().map(Tuple.Tuple2::get1).toList();
            List<String> usable = clean ? defined : groupNames;
            Arbitrary<List<String>> ingress = ingressRule(exposed, usable, clean).list().ofMaxSize(4);
            Arbitrary<List<String>> host = hostRule(usable, clean).list().ofMaxSize(2);
            return Combinators.combine(value(Arbitraries.of("shop", "billing-api", "a", "x.y_z-9", "s" + "0123456789-_.".repeat(3)), clean),
                            docker(clean), ingress, host, defaults(clean))
                    .as((service, docker, ingressRules, hostRules, defaults) -> {
                        StringBuilder yaml = new StringBuilder("version: 1\n");
                        service.ifPresent(name -> yaml.append("service: ").append(name).append('\n'));
                        yaml.append(docker);
                        if (!groupList.isEmpty()) {
                            yaml.append("groups:\n");
                            groupList.forEach(group -> yaml.append("  ").append(group.get1()).append(": [")
                                    .append(String.join(", ", group.get2())).append("]\n"));
                        }
                        if (!ingressRules.isEmpty()) {
                            yaml.append("ingress:\n").append(String.join("", ingressRules));
                        }
                        if (!hostRules.isEmpty()) {
                            yaml.append("host:\n").append(String.join("", hostRules));
                        }
                        return yaml.append(defaults).toString();
                    });
        });
    }

    /** A value as YAML: one of the plausible ones, rarely hostile; sometimes absent. */
    private static Arbitrary<Optional<String>> value(Arbitrary<String> plausible, boolean clean) {
        return Arbitraries.frequencyOf(
                Tuple.of(7, rarelyBroken(clean, plausible, hostile()).map(YamlText::doubleQuoted)
                        .map(Optional::of)),
                Tuple.of(3, Arbitraries.just(Optional.<String>empty())));
    }

    private static Arbitrary<String> docker(boolean clean) {
        Arbitrary<String> interfaceName = rarelyBroken(clean,
                Arbitraries.of("eth0", "eth1", "ens3", "br-+", "bond0.100", "wlan_1", "enp0s31f6-long1", "veth+"),
                hostile());
        Arbitrary<Optional<String>> inherited = Arbitraries.frequencyOf(
                Tuple.of(2, containerPort(clean).list().ofMinSize(1).ofMaxSize(3).map(list -> Optional.of(list.toString()))),
                Tuple.of(8, Arbitraries.just(Optional.<String>empty())));
        Arbitrary<Optional<String>> external = Arbitraries.frequencyOf(
                Tuple.of(6, interfaceName.list().ofMinSize(1).ofMaxSize(3).uniqueElements()
                        .map(names -> Optional.of(names.stream().map(YamlText::doubleQuoted)
                                .collect(Collectors.joining(", ", "[", "]"))))),
                Tuple.of(4, Arbitraries.just(Optional.<String>empty())));
        return Combinators.combine(value(Arbitraries.of("bridge", "swarm"), clean),
                        value(Arbitraries.of("docker0", "br-+", "docker_gwbridge", "br-0123456789ab"), clean), external,
                        inherited)
                .as((mode, bridge, externalList, inheritedList) -> {
                    StringBuilder yaml = new StringBuilder();
                    mode.ifPresent(m -> yaml.append("  mode: ").append(m).append('\n'));
                    bridge.ifPresent(b -> yaml.append("  bridge: ").append(b).append('\n'));
                    externalList.ifPresent(e -> yaml.append("  external: ").append(e).append('\n'));
                    inheritedList.ifPresent(i -> yaml.append("  inherited: ").append(i).append('\n'));
                    return yaml.isEmpty() ? "" : "docker:\n" + yaml;
                });
    }

    private static Arbitrary<String> defaults(boolean clean) {
        return Combinators.combine(value(Arbitraries.of("drop", "reject"), clean), Arbitraries.of("", "true", "false"))
                .as((action, log) -> {
                    if (action.isEmpty() && log.isEmpty()) {
                        return "";
                    }
                    return "defaults:\n" + action.map(a -> "  action: " + a + "\n").orElse("")
                            + (log.isEmpty() ? "" : "  log: " + log + "\n");
                });
    }

    private static Arbitrary<String> ruleName(boolean clean) {
        return rarelyBroken(clean,
                Arbitraries.frequencyOf(
                        Tuple.of(9, Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                                .ofMinLength(1).ofMaxLength(8)),
                        Tuple.of(1, Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789._-")
                                .ofMinLength(62).ofMaxLength(62).map("r"::concat))),
                Arbitraries.oneOf(Arbitraries.of("Web", "-web", "a".repeat(64)), hostile()));
    }

    private static Arbitrary<String> ingressRule(List<String> exposed, List<String> groupNames, boolean clean) {
        List<String> singles = exposed.stream().filter(word -> word.matches("\\d+(/\\w+)?")).toList();
        Arbitrary<String> exposedPort = Arbitraries.of(exposed).map(GeneratedBundlesPropertyTest::portAsYaml);
        Arbitrary<String> published = singles.isEmpty() ? exposedPort
                : Combinators.combine(port(clean), Arbitraries.of(singles))
                        .as((host, container) -> YamlText.doubleQuoted(host + ":" + container));
        Arbitrary<String> portEntry = exposed.isEmpty() ? containerPort(clean)
                : rarelyBroken(clean, Arbitraries.frequencyOf(Tuple.of(8, exposedPort), Tuple.of(2, published)),
                        containerPort(clean));
        Arbitrary<Optional<String>> ports = Arbitraries.frequencyOf(
                Tuple.of(8, portEntry.list().ofMinSize(1).ofMaxSize(25).map(list -> Optional.of(list.toString()))),
                Tuple.of(2, Arbitraries.just(Optional.<String>empty())));
        return rule(ports, groupNames, clean);
    }

    private static Arbitrary<String> hostRule(List<String> groupNames, boolean clean) {
        return rule(containerPort(clean).list().ofMinSize(1).ofMaxSize(20).map(list -> Optional.of(list.toString())),
                groupNames, clean);
    }

    private static Arbitrary<String> rule(Arbitrary<Optional<String>> ports, List<String> groupNames, boolean clean) {
        Arbitrary<Optional<String>> from = Arbitraries.frequencyOf(
                Tuple.of(5, source(groupNames, clean).list().ofMinSize(1).ofMaxSize(4)
                        .map(list -> Optional.of(list.toString()))),
                Tuple.of(2, Arbitraries.just(Optional.of("[any]"))),
                Tuple.of(3, Arbitraries.just(Optional.<String>empty())));
        Arbitrary<Optional<String>> fromOrMistake = rarelyBroken(clean, from,
                Arbitraries.just(Optional.of("[any, 10.0.0.0/8]")));
        Arbitrary<String> fromLines = Arbitraries.frequencyOf(
                Tuple.of(9, fromOrMistake.map(fromList -> fromList.map(f -> "    from: " + f + "\n").orElse(""))),
                Tuple.of(1, exceptFromAny(clean)));
        return Combinators.combine(ruleName(clean), ports, fromLines).as((name, portList, fromText) ->
                "  - name: " + YamlText.doubleQuoted(name) + "\n"
                        + portList.map(p -> "    ports: " + p + "\n").orElse("")
                        + fromText);
    }

    /** Everyone but one network: any less a network splits into at most a prefix length of networks. */
    private static Arbitrary<String> exceptFromAny(boolean clean) {
        Arbitrary<String> network = Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(1, 24),
                Arbitraries.of(true, false)).as((address, prefix, ipv4) -> {
                    if (ipv4) {
                        int bits = address & (-1 << (32 - prefix));
                        return String.format("%d.%d.%d.%d/%d", bits >>> 24, bits >>> 16 & 255, bits >>> 8 & 255,
                                bits & 255, prefix);
                    }
                    int firstGroup = (address >>> 16) & (0xffff << (16 - Math.min(prefix, 16))) & 0xffff;
                    int secondGroup = prefix <= 16 ? 0 : address & (0xffff << (32 - prefix)) & 0xffff;
                    return Integer.toHexString(firstGroup | 0x2000 & (prefix >= 3 ? 0xffff : 0)) + ":"
                            + Integer.toHexString(secondGroup) + "::/" + prefix;
                });
        Arbitrary<String> except = rarelyBroken(clean, network, Arbitraries.of("10.0.0.1/8", "0.0.0.0/0"));
        return except.map(e -> "    from: [any]\n    except: [" + YamlText.doubleQuoted(e) + "]\n");
    }

    private static Arbitrary<String> containerPort(boolean clean) {
        return rarelyBroken(clean, Arbitraries.frequencyOf(
                        Tuple.of(6, port(clean).map(String::valueOf)),
                        Tuple.of(2, Combinators.combine(port(clean), Arbitraries.of("tcp", "udp", "sctp"))
                                .as((p, protocol) -> YamlText.doubleQuoted(p + "/" + protocol)))),
                hostile().map(YamlText::doubleQuoted));
    }

    /** An entry of {@code from} or of a group: networks of both families, addresses, groups, mistakes. */
    private static Arbitrary<String> source(List<String> groupNames, boolean clean) {
        Arbitrary<String> ipv4 = Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 32))
                .as((address, prefix) -> {
                    int bits = prefix == 0 ? 0 : address & (-1 << (32 - prefix));
                    return String.format("%d.%d.%d.%d/%d", bits >>> 24, bits >>> 16 & 255, bits >>> 8 & 255,
                            bits & 255, prefix);
                });
        Arbitrary<String> ipv6 = Combinators.combine(Arbitraries.integers().between(0, 0xffff).list().ofSize(8),
                Arbitraries.integers().between(0, 128)).as((groups, prefix) -> {
                    List<Integer> masked = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        int keep = Math.max(0, Math.min(16, prefix - 16 * i));
                        masked.add(keep == 0 ? 0 : groups.get(i) & (0xffff << (16 - keep)) & 0xffff);
                    }
                    masked.set(0, masked.get(0) | (prefix >= 3 ? 0x2000 : 0));
                    return masked.stream().map(Integer::toHexString).collect(Collectors.joining(":")) + "/" + prefix;
                });
        List<Tuple.Tuple2<Integer, Arbitrary<String>>> good = new ArrayList<>(List.of(
                Tuple.of(5, ipv4), Tuple.of(4, ipv6),
                Tuple.of(2, Arbitraries.of("203.0.113.7", "2001:db8::1", "192.0.2.1", "2001:DB8:0:0::2"))));
        if (!groupNames.isEmpty()) {
            good.add(Tuple.of(3, Arbitraries.of(groupNames)));
        }
        Arbitrary<String> broken = Arbitraries.oneOf(
                Arbitraries.of("10.0.0.1/8", "300.1.1.1", "fe80::/129", "undefined-group", "any"), hostile());
        return rarelyBroken(clean, Arbitraries.frequencyOf(good), broken).map(YamlText::doubleQuoted);
    }

    /** Numbers stay YAML numbers sometimes, as users write them. */
    private static String portAsYaml(String port) {
        return port.chars().allMatch(Character::isDigit) && !port.isEmpty() ? port : YamlText.doubleQuoted(port);
    }


    private static String dockerfileQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** {@code -Dferm.property.tries=N} runs the property N times instead of {@value #DEFAULT_TRIES}. */
    public static final class TriesFromSystemProperty implements AroundPropertyHook {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(configuredTries());
            return property.execute();
        }
    }
}
