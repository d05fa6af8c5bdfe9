package io.github.fermmavenplugin.ferm;

import static io.github.fermmavenplugin.ferm.FermWriter.statement;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleLayout;
import io.github.fermmavenplugin.bundle.BundleManifest.Rule;
import io.github.fermmavenplugin.ferm.FermWriter.Statement;
import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.InterfaceName;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.net.ServicePort;
import io.github.fermmavenplugin.policy.AllowRule;
import io.github.fermmavenplugin.policy.Policy;
import io.github.fermmavenplugin.policy.Policy.DockerNetwork;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import io.github.fermmavenplugin.policy.Policy.GatewayMode;
import io.github.fermmavenplugin.policy.ChainName;
import io.github.fermmavenplugin.policy.PreservedChains;
import io.github.fermmavenplugin.policy.PreservedChains.Table;
import io.github.fermmavenplugin.policy.PortMatch;
import io.github.fermmavenplugin.policy.PortMatch.PortField;
import io.github.fermmavenplugin.policy.ServiceName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Writes a {@link Policy} as the ferm.d files of a bundle. */
public final class FermRenderer {

    /** Docker 20 to 29's filter chains; 28 added FORWARD/BRIDGE/CT, 29 INTERNAL. */
    static final List<String> DOCKER_FILTER_CHAINS = List.of("FORWARD", "DOCKER", "DOCKER-INGRESS",
            "DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2", "DOCKER-FORWARD", "DOCKER-BRIDGE", "DOCKER-CT",
            "DOCKER-INTERNAL");
    static final List<String> DOCKER_NAT_CHAINS = List.of("PREROUTING", "OUTPUT", "POSTROUTING", "DOCKER",
            "DOCKER-INGRESS");
    /** Docker 28 drops direct access to container addresses here. */
    static final List<String> DOCKER_RAW_CHAINS = List.of("PREROUTING");

    /** iptables' limit for a LOG prefix. */
    static final int MAX_LOG_PREFIX = 29;
    /** multiport takes 15 ports, a range counting as two. */
    static final int MULTIPORT_CAPACITY = 15;
    /**
     * ferm 2.5 refuses multiport after any protocol but these ("To use multiport, you have to specify proto tcp
     * or proto udp first"), though iptables would take sctp too; sctp ports get a rule each.
     */
    static final Set<Protocol> MULTIPORT_PROTOCOLS = EnumSet.of(Protocol.TCP, Protocol.UDP);

    /** Where the rules for traffic towards containers go: Docker jumps here first from FORWARD. */
    static final String CONTAINER_CHAIN = "DOCKER-USER";
    /** Where the rules for traffic towards the host itself go. */
    static final String HOST_CHAIN = "INPUT";

    private FermRenderer() {
    }

    /** The bundle's ferm.d files, in the order ferm includes them, and the rules as the manifest tells them. */
    public static FermBundle render(Policy policy) {
        String service = policy.service().value();
        List<BundleFile> files = new ArrayList<>();
        files.add(file(BundleLayout.DOCKER_CHAINS_FILE, dockerChains(policy.network())));
        files.add(file(BundleLayout.ingressFile(service), ingress(policy)));
        if (!policy.host().isEmpty()) {
            files.add(file(BundleLayout.hostFile(service), host(policy)));
        }
        files.add(file(BundleLayout.FALLBACK_FILE, fallback(policy)));
        List<Rule> rules = new ArrayList<>();
        policy.ingress().forEach(rule -> rules.add(describe(rule, CONTAINER_CHAIN)));
        policy.host().forEach(rule -> rules.add(describe(rule, HOST_CHAIN)));
        return new FermBundle(files, rules);
    }

    private static BundleFile file(String path, String text) {
        return new BundleFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Rule describe(AllowRule rule, String chain) {
        List<String> ports = rule.ports().stream().flatMap(FermRenderer::describe).toList();
        List<String> from = rule.sources().any() ? List.of("any")
                : rule.sources().networks().stream().map(Object::toString).toList();
        return new Rule(rule.name().value(), chain, ports, from);
    }

    /** "443/tcp", or "published 8443/tcp" for a port matched before Docker's DNAT. */
    private static Stream<String> describe(PortMatch match) {
        String prefix = match.field() == PortField.ORIGINAL_DESTINATION ? "published " : "";
        return match.ports().stream().map(range -> prefix + new ServicePort(range, match.protocol()));
    }

    private static String dockerChains(DockerNetwork network) {
        PreservedChains others = network.preserved();
        FermWriter out = new FermWriter()
                .comment("Made by ferm-maven-plugin. Docker 20 to 29 owns these chains, other tools those that")
                .comment("docker.preserve names: ferm keeps their rules as they made them (@preserve, ferm 2.4 and")
                .comment("later) and owns DOCKER-USER.")
                .open(statement("domain").list(familyTokens()))
                .open(statement("table", "filter"))
                .comment("ferm stops here with Cannot @preserve chain FORWARD because it is not empty when the")
                .comment("host base ferm.conf gives FORWARD rules of its own, as Debian stock one does: remove them")
                .comment("there, Docker owns FORWARD (README: Installing a bundle on a host).")
                .rule(statement("chain").list(preserved(DOCKER_FILTER_CHAINS, others, Table.FILTER)).preserve())
                .comment("Packets of connections a rule allowed when they began pass at once: one rule, whatever")
                .comment("the bridge, since an established flow from outside was let in by some rule already.")
                .rule(statement("chain", CONTAINER_CHAIN, "interface").list(names(network.external()))
                        .words("mod", "conntrack", "ctstate").list(List.of("RELATED",
                        "ESTABLISHED")).word("ACCEPT"))
                .close()
                .open(statement("table", "nat"))
                .rule(statement("chain").list(preserved(DOCKER_NAT_CHAINS, others, Table.NAT)).preserve())
                .close()
                .open(statement("table", "raw"))
                .rule(statement("chain").list(preserved(DOCKER_RAW_CHAINS, others, Table.RAW)).preserve())
                .close()
                .close();
        return out.text();
    }

    /** Docker's chains of a table, then the other tools' ones that are not Docker's too. */
    private static List<String> preserved(List<String> docker, PreservedChains others, Table table) {
        return Stream.concat(docker.stream(), others.in(table).stream().map(ChainName::value)).distinct().toList();
    }

    private static String ingress(Policy policy) {
        DockerNetwork network = policy.network();
        FermWriter out = new FermWriter()
                .comment("Made by ferm-maven-plugin for service " + policy.service() + ": who may reach its containers,")
                .comment("from " + String.join(" ", names(network.external())) + " to "
                        + network.bridge() + ". What no rule allows, 99-docker.ferm stops.");
        for (IpFamily family : IpFamily.values()) {
            Statement chain = statement("chain", CONTAINER_CHAIN).then(towardsContainers(network));
            // In NAT mode, only connections Docker's DNAT brought here: a neighbour routing the container subnet
            // via the host must not reach a container port directly (Docker 28 drops that in raw PREROUTING,
            // 20 to 27 do not). On a routed network that is how every client comes, and nothing is DNATted.
            if (network.gatewayMode(family) == GatewayMode.NAT) {
                chain.words("mod", "conntrack", "ctstate", "DNAT");
            }
            allowRules(out, policy.service(), policy.ingress(), family, chain);
        }
        return out.text();
    }

    private static String host(Policy policy) {
        FermWriter out = new FermWriter()
                .comment("Made by ferm-maven-plugin for service " + policy.service() + ": who may reach the host.");
        for (IpFamily family : IpFamily.values()) {
            allowRules(out, policy.service(), policy.host(), family, statement("chain", HOST_CHAIN));
        }
        return out.text();
    }

    private static void allowRules(FermWriter out, ServiceName service, List<AllowRule> rules, IpFamily family,
            Statement chain) {
        List<Statement> lines = new ArrayList<>();
        for (AllowRule rule : rules) {
            Optional<List<Cidr>> sources = rule.sources().in(family);
            if (sources.isEmpty()) {
                continue;
            }
            for (PortMatch match : rule.ports()) {
                for (Statement ports : portMatches(match)) {
                    Statement line = new Statement();
                    if (!sources.get().isEmpty()) {
                        line.word("saddr").list(sources.get().stream().map(Cidr::token).toList());
                    }
                    lines.add(line.then(ports).words("mod", "comment", "comment")
                            .quoted(service + " " + rule.name()).word("ACCEPT"));
                }
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        out.open(statement("domain", FermDomain.of(family), "table", "filter").then(chain));
        lines.forEach(out::rule);
        out.close();
    }

    /** One or more rules' worth of port matching: multiport holds 15, a published port needs conntrack. */
    private static List<Statement> portMatches(PortMatch match) {
        if (match.field() == PortField.ORIGINAL_DESTINATION) {
            return match.ports().stream()
                    .map(range -> statement("proto", match.protocol().token(), "mod", "conntrack", "ctorigdstport",
                            portToken(range)))
                    .toList();
        }
        List<List<PortRange>> rules = MULTIPORT_PROTOCOLS.contains(match.protocol())
                ? multiportChunks(match.ports()) : match.ports().stream().map(List::of).toList();
        List<Statement> matches = new ArrayList<>();
        for (List<PortRange> ports : rules) {
            Statement line = statement("proto", match.protocol().token());
            List<String> tokens = ports.stream().map(FermRenderer::portToken).toList();
            if (tokens.size() == 1) {
                line.words("dport", tokens.get(0));
            } else {
                line.words("mod", "multiport", "destination-ports").list(tokens);
            }
            match.hostPortsLeftOut().ifPresent(hostPorts -> line.words("mod", "conntrack", "ctorigdstport").not()
                    .word(portToken(hostPorts)));
            matches.add(line);
        }
        return matches;
    }

    private static String portToken(PortRange range) {
        return range.isSingle() ? Integer.toString(range.first()) : range.first() + ":" + range.last();
    }

    static List<List<PortRange>> multiportChunks(List<PortRange> ports) {
        List<List<PortRange>> chunks = new ArrayList<>();
        List<PortRange> chunk = new ArrayList<>();
        int used = 0;
        for (PortRange range : ports) {
            int weight = range.isSingle() ? 1 : 2;
            if (used + weight > MULTIPORT_CAPACITY) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                used = 0;
            }
            chunk.add(range);
            used += weight;
        }
        chunks.add(chunk);
        return chunks;
    }

    private static String fallback(Policy policy) {
        DockerNetwork network = policy.network();
        boolean reject = policy.fallback().action() == FallbackAction.REJECT;
        FermWriter out = new FermWriter()
                .comment("Made by ferm-maven-plugin. Whatever no rule allowed from "
                        + String.join(" ", names(network.external())) + " to a container is "
                        + (reject ? "refused," : "dropped,"))
                .comment("on every Docker bridge: " + String.join(" ", names(DockerNetwork.DOCKER_BRIDGES))
                        + ". Containers no bundle describes stay closed.")
                .comment("No RETURN at the end: the rules of every bundle in ferm.d come first.");
        if (!reject) {
            out.open(statement("domain").list(familyTokens()).words("table", "filter", "chain", CONTAINER_CHAIN)
                    .then(towardsAnyContainer(network)));
            log(out, policy);
            out.rule(statement("DROP")).close();
            return out.text();
        }
        for (IpFamily family : IpFamily.values()) {
            out.open(statement("domain", FermDomain.of(family), "table", "filter", "chain", CONTAINER_CHAIN)
                    .then(towardsAnyContainer(network)));
            log(out, policy);
            out.rule(statement("proto", "tcp", "REJECT", "reject-with", "tcp-reset"))
                    .rule(statement("REJECT", "reject-with", family == IpFamily.IPV4
                            ? "icmp-port-unreachable" : "icmp6-port-unreachable"))
                    .close();
        }
        return out.text();
    }

    private static void log(FermWriter out, Policy policy) {
        if (policy.fallback().log()) {
            out.rule(statement("mod", "limit", "limit", "10/minute", "limit-burst", "20", "LOG", "log-prefix")
                    .quoted(logPrefix(policy.service())));
        }
    }

    static String logPrefix(ServiceName service) {
        String frame = "ferm " + ": ";
        String name = service.value();
        int room = MAX_LOG_PREFIX - frame.length();
        return "ferm " + (name.length() > room ? name.substring(0, room) : name) + ": ";
    }

    private static List<String> names(List<InterfaceName> interfaces) {
        return interfaces.stream().map(InterfaceName::token).toList();
    }

    private static List<String> familyTokens() {
        return Arrays.stream(IpFamily.values()).map(FermDomain::of).toList();
    }

    /** Traffic from outside to any container bridge, for the files every bundle shares. */
    private static Statement towardsAnyContainer(DockerNetwork network) {
        return statement("interface").list(names(network.external()))
                .word("outerface").list(names(DockerNetwork.DOCKER_BRIDGES));
    }

    private static Statement towardsContainers(DockerNetwork network) {
        return statement("interface").list(names(network.external()))
                .words("outerface", network.bridge().toString());
    }
}
