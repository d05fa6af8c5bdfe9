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
import io.github.fermmavenplugin.policy.Swarm;
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

    /** Swarm's fixed ports: cluster management on managers, node gossip, the overlays' VXLAN. */
    static final int SWARM_MANAGEMENT_PORT = 2377;
    static final int SWARM_GOSSIP_PORT = 7946;
    static final int SWARM_DATA_PORT = 4789;
    /** The swarm rules' names in the manifest and in iptables comments. */
    static final String SWARM_MANAGEMENT = "swarm-management";
    static final String SWARM_GOSSIP = "swarm-gossip";
    static final String SWARM_DATA = "swarm-vxlan";

    private FermRenderer() {
    }

    /** The bundle's ferm.d files, in the order ferm includes them, and the rules as the manifest tells them. */
    public static FermBundle render(Policy policy) {
        String service = policy.service().value();
        List<BundleFile> files = new ArrayList<>();
        files.add(file(BundleLayout.DOCKER_CHAINS_FILE, dockerChains(policy.network())));
        policy.swarm().ifPresent(swarm -> files.add(file(BundleLayout.SWARM_FILE, swarm(swarm))));
        files.add(file(BundleLayout.ingressFile(service), ingress(policy)));
        if (!policy.host().isEmpty()) {
            files.add(file(BundleLayout.hostFile(service), host(policy)));
        }
        files.add(file(BundleLayout.FALLBACK_FILE, fallback(policy)));
        List<Rule> rules = new ArrayList<>();
        policy.ingress().forEach(rule -> rules.add(describe(rule, CONTAINER_CHAIN)));
        policy.host().forEach(rule -> rules.add(describe(rule, HOST_CHAIN)));
        policy.swarm().ifPresent(swarm -> rules.addAll(describe(swarm)));
        return new FermBundle(files, rules);
    }

    private static BundleFile file(String path, String text) {
        return new BundleFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Its ports as "443/tcp", or "published 8443/tcp" for a port matched before Docker's DNAT. */
    private static Rule describe(AllowRule rule, String chain) {
        List<String> ports = new ArrayList<>();
        for (PortMatch match : rule.ports()) {
            String prefix = match.field() == PortField.ORIGINAL_DESTINATION ? "published " : "";
            for (PortRange range : match.ports()) {
                ports.add(prefix + new ServicePort(range, match.protocol()));
            }
        }
        List<String> from = rule.sources().any() ? List.of("any") : tokens(rule.sources().networks());
        return new Rule(rule.name().value(), chain, ports, from);
    }

    /**
     * The swarm's openings as the manifest tells them; ESP, which has no port, and the managers' addresses,
     * which a manifest rule cannot name, show in the file alone.
     */
    private static List<Rule> describe(Swarm swarm) {
        List<String> peers = tokens(swarm.peers().networks());
        List<String> managementPeers = tokens(swarm.peers().networks().stream()
                .filter(peer -> swarm.managers().isEmpty() || swarm.managers().get().stream()
                        .anyMatch(manager -> manager.family() == peer.family()))
                .toList());
        List<Rule> rules = new ArrayList<>();
        if (!managementPeers.isEmpty()) {
            rules.add(new Rule(SWARM_MANAGEMENT, HOST_CHAIN, List.of(SWARM_MANAGEMENT_PORT + "/tcp"), managementPeers));
        }
        rules.add(new Rule(SWARM_GOSSIP, HOST_CHAIN, List.of(SWARM_GOSSIP_PORT + "/tcp", SWARM_GOSSIP_PORT + "/udp"),
                peers));
        rules.add(new Rule(SWARM_DATA, HOST_CHAIN, List.of(SWARM_DATA_PORT + "/udp"), peers));
        return rules;
    }

    /**
     * Docker opens none of the swarm ports and, for each encrypted overlay, appends to INPUT an ACCEPT of its
     * VXLAN under {@code policy --dir in --pol ipsec} and a DROP of the rest, matched by the network's VNI
     * (u32 in 20.10 to 24, bpf from 25): ferm's reload removes both, and no bundle can know a VNI. So the
     * file does the same for every VNI at once, and also stops non-peers on every swarm port, whatever the
     * host's INPUT policy, and whatever a later file accepts.
     */
    private static String swarm(Swarm swarm) {
        FermWriter out = new FermWriter()
                .comment("Made by ferm-maven-plugin: the ports of the swarm, for its nodes alone, the same in every")
                .comment("bundle of the swarm services of the host. Management " + SWARM_MANAGEMENT_PORT + "/tcp"
                        + (swarm.managers().isPresent() ? " towards the managers" : "") + ", gossip "
                        + SWARM_GOSSIP_PORT + "/tcp+udp,")
                .comment("VXLAN " + SWARM_DATA_PORT + "/udp" + (swarm.encrypted() ? " under IPsec only, and ESP." : "."));
        for (IpFamily family : IpFamily.values()) {
            out.open(statement("domain", FermDomain.of(family), "table", "filter", "chain", HOST_CHAIN));
            Optional<List<Cidr>> peers = swarm.peers().in(family);
            Optional<List<Cidr>> managers = swarm.managers()
                    .map(all -> all.stream().filter(network -> network.family() == family).toList());
            if (peers.isPresent()) {
                out.open(statement("saddr").list(tokens(peers.get())));
                if (managers.isEmpty() || !managers.get().isEmpty()) {
                    Statement management = statement("proto", "tcp", "dport", Integer.toString(SWARM_MANAGEMENT_PORT));
                    managers.ifPresent(networks -> management.word("daddr").list(tokens(networks)));
                    out.rule(swarmRule(management, SWARM_MANAGEMENT));
                }
                out.rule(swarmRule(statement("proto").list(List.of("tcp", "udp"))
                        .words("dport", Integer.toString(SWARM_GOSSIP_PORT)), SWARM_GOSSIP));
                Statement data = statement("proto", "udp", "dport", Integer.toString(SWARM_DATA_PORT));
                if (swarm.encrypted()) {
                    data.words("mod", "policy", "dir", "in", "pol", "ipsec");
                    out.rule(swarmRule(statement("proto", "esp"), "swarm-ipsec"));
                }
                out.rule(swarmRule(data, SWARM_DATA)).close();
            }
            out.comment(swarm.encrypted() ? "Everyone else, and cleartext VXLAN from anyone, stops here."
                    : "Everyone else stops here.");
            out.rule(statement("proto", "tcp", "dport").list(List.of(Integer.toString(SWARM_MANAGEMENT_PORT),
                            Integer.toString(SWARM_GOSSIP_PORT))).word("DROP"))
                    .rule(statement("proto", "udp", "dport").list(List.of(Integer.toString(SWARM_GOSSIP_PORT),
                            Integer.toString(SWARM_DATA_PORT))).word("DROP"))
                    .close();
        }
        return out.text();
    }

    private static Statement swarmRule(Statement match, String name) {
        return match.words("mod", "comment", "comment").quoted(name).word("ACCEPT");
    }

    private static List<String> tokens(List<Cidr> networks) {
        List<String> tokens = new ArrayList<>(networks.size());
        for (Cidr network : networks) {
            tokens.add(network.token());
        }
        return tokens;
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
        Statement block = statement("domain", FermDomain.of(family), "table", "filter").then(chain);
        boolean opened = false;
        for (AllowRule rule : rules) {
            Optional<List<Cidr>> sources = rule.sources().in(family);
            if (sources.isEmpty()) {
                continue;
            }
            // the same sources and comment on each of the rule's lines, written once
            Statement from = new Statement();
            if (!sources.get().isEmpty()) {
                from.word("saddr").list(tokens(sources.get()));
            }
            Statement accept = statement("mod", "comment", "comment").quoted(service + " " + rule.name())
                    .word("ACCEPT");
            for (PortMatch match : rule.ports()) {
                for (Statement ports : portMatches(match)) {
                    if (!opened) {
                        out.open(block);
                        opened = true;
                    }
                    out.rule(from, ports, accept);
                }
            }
        }
        if (opened) {
            out.close();
        }
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
            List<String> tokens = new ArrayList<>(ports.size());
            for (PortRange range : ports) {
                tokens.add(portToken(range));
            }
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
