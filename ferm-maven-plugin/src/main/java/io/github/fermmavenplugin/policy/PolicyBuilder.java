package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.descriptor.Descriptor;
import io.github.fermmavenplugin.descriptor.Descriptor.DockerSettings;
import io.github.fermmavenplugin.descriptor.Descriptor.RuleSpec;
import io.github.fermmavenplugin.descriptor.Descriptor.SwarmSettings;
import io.github.fermmavenplugin.descriptor.Located;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.InterfaceName;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.ServicePort;
import io.github.fermmavenplugin.policy.Policy.DockerNetwork;
import io.github.fermmavenplugin.policy.Policy.Fallback;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import io.github.fermmavenplugin.policy.Policy.GatewayMode;
import io.github.fermmavenplugin.policy.PreservedChains.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a descriptor, whose form the descriptor package has checked, against the image it guards and turns
 * it into a {@link Policy}. Every error about what the user meant is raised here, at the value's position.
 * The ingress rules' ports are planned first (what is published where, what is plain), then each rule is
 * built once.
 */
public final class PolicyBuilder {

    private final Descriptor descriptor;
    private final SourcePosition top;
    private final ImageMetadata image;
    private final Set<String> ruleNames = new HashSet<>();

    /** Chains of the filter table that the bundle and the host's base config fill: ferm cannot preserve them. */
    private static final Set<String> OWNED_FILTER_CHAINS = Set.of("INPUT", "OUTPUT", "DOCKER-USER");
    private static final Set<String> BUILT_IN_CHAIN_NAMES = Arrays.stream(Table.values())
            .flatMap(table -> table.builtInChains().stream()).collect(Collectors.toUnmodifiableSet());

    private PolicyBuilder(Descriptor descriptor, Path descriptorFile, ImageMetadata image) {
        this.descriptor = descriptor;
        this.top = new SourcePosition(descriptorFile, 1, 1);
        this.image = image;
    }

    /**
     * @param fallbackService the service name when neither the descriptor nor the image's
     *     {@code org.opencontainers.image.title} label gives a usable one: the artifactId
     */
    public static Policy build(Descriptor descriptor, Path descriptorFile, ImageMetadata image, String fallbackService) {
        return new PolicyBuilder(descriptor, descriptorFile, image).build(fallbackService);
    }

    /** An ingress rule's ports as planned: container ports matched after DNAT, host ports matched before. */
    private record PlannedRule(Located<RuleSpec> spec, RuleName name, List<ServicePort> plain,
            List<ServicePort> published) {
    }

    private Policy build(String fallbackService) {
        ServiceName service = service(fallbackService);
        DockerNetwork network = network();
        List<ServicePort> inherited = inherited();
        ExposedPorts exposed = new ExposedPorts(image, inherited);
        SourceResolver sources = new SourceResolver(descriptor.groups());

        PublishedPorts plan = new PublishedPorts();
        List<ServicePort> opened = new ArrayList<>();
        List<PlannedRule> planned = descriptor.ingress().stream()
                .map(spec -> plan(spec, exposed, plan, opened, network)).toList();
        List<AllowRule> ingress = planned.stream().map(rule -> new AllowRule(rule.name(),
                plan.matches(rule.plain(), rule.published(), rule.name(), rule.spec().position()),
                sources.resolve(rule.spec().value().from(), rule.spec().value().except()), rule.spec().position()))
                .toList();
        List<AllowRule> host = descriptor.host().stream().map(spec -> hostRule(spec, sources)).toList();
        return new Policy(service, network, ingress, host, fallback(), exposed.all(), inherited,
                exposed.notOpened(opened), swarm(sources));
    }

    /** The descriptor's name, else the image's title where it is a usable name, else the artifactId. */
    private ServiceName service(String fallbackService) {
        Optional<Located<String>> service = descriptor.service();
        if (service.isPresent()) {
            return new ServiceName(ServiceName.GRAMMAR.check(service.get()));
        }
        Optional<String> title = image.label(ImageMetadata.OCI_TITLE).filter(ServiceName.GRAMMAR::matches);
        if (title.isPresent()) {
            return new ServiceName(title.get());
        }
        if (!ServiceName.GRAMMAR.matches(fallbackService)) {
            throw new InvalidInputException(top, "the artifactId " + Quoted.of(fallbackService)
                    + ", the default service name, is not a usable service name", ServiceName.GRAMMAR.remedy());
        }
        return new ServiceName(fallbackService);
    }

    private DockerNetwork network() {
        DockerSettings docker = descriptor.docker();
        DockerMode mode = docker.mode().map(Located::value)
                .map(written -> written == Descriptor.NetworkMode.SWARM ? DockerMode.SWARM : DockerMode.BRIDGE)
                .orElse(DockerMode.BRIDGE);
        InterfaceName bridge = docker.bridge().map(PolicyBuilder::bridge).orElseGet(mode::defaultBridge);
        Map<IpFamily, GatewayMode> gatewayModes = new EnumMap<>(IpFamily.class);
        docker.gatewayModeIpv4().ifPresent(written -> gatewayModes.put(IpFamily.IPV4, gatewayMode(written)));
        docker.gatewayModeIpv6().ifPresent(written -> gatewayModes.put(IpFamily.IPV6, gatewayMode(written)));
        PreservedChains preserved = preserved(docker.preserve());
        if (docker.external().isEmpty()) {
            return new DockerNetwork(bridge, List.of(InterfaceName.parse("eth0")), gatewayModes, preserved);
        }
        List<InterfaceName> external = new ArrayList<>();
        for (Located<String> entry : docker.external().get()) {
            InterfaceName name = interfaceName(entry);
            Optional<InterfaceName> clash = DockerNetwork.DOCKER_BRIDGES.stream().filter(name::overlaps).findFirst();
            if (clash.isPresent()) {
                throw new InvalidInputException(entry.position(), "external interface '" + name
                        + "' also matches '" + clash.get() + "', where Docker puts containers",
                        "List only the interfaces the outside world comes in on.");
            }
            external.add(name);
        }
        return new DockerNetwork(bridge, external.stream().distinct().toList(), gatewayModes, preserved);
    }

    private static GatewayMode gatewayMode(Located<Descriptor.GatewayMode> written) {
        return written.value() == Descriptor.GatewayMode.ROUTED ? GatewayMode.ROUTED : GatewayMode.NAT;
    }

    private PreservedChains preserved(Map<String, Located<List<Located<String>>>> written) {
        Map<Table, List<ChainName>> byTable = new EnumMap<>(Table.class);
        written.forEach((tableName, chains) -> {
            Table table = Arrays.stream(Table.values()).filter(t -> t.token().equals(tableName)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(chains.position(), Quoted.of(tableName)
                            + " is not a table the bundle writes, so ferm leaves its chains alone already",
                            "Name chains of " + Arrays.stream(Table.values()).map(Table::token)
                                    .collect(Collectors.joining(", ")) + ", or remove the table."));
            List<ChainName> names = new ArrayList<>();
            for (Located<String> chain : chains.value()) {
                String name = ChainName.GRAMMAR.check(chain);
                if (table == Table.FILTER && OWNED_FILTER_CHAINS.contains(name.toUpperCase(Locale.ROOT))) {
                    throw new InvalidInputException(chain.position(), "filter chain " + Quoted.of(name)
                            + " is the firewall's own: the bundle and the host's ferm.conf write its rules",
                            "Preserve only chains another tool fills, like ts-forward; never INPUT, OUTPUT or"
                                    + " DOCKER-USER.");
                }
                if (BUILT_IN_CHAIN_NAMES.contains(name) && !table.builtInChains().contains(name)) {
                    // ferm knows built-in chains by name alone, whatever the table
                    throw new InvalidInputException(chain.position(), table.token() + " has no built-in chain "
                            + Quoted.of(name) + ", but ferm takes the name for one and gives it a policy, which"
                            + " iptables-restore refuses",
                            "Name another tool's own chain, as iptables-save shows it under *" + table.token()
                                    + " (built in there: " + String.join(", ", table.builtInChains()) + ").");
                }
                if (ChainName.TARGET_EXTENSIONS.contains(name)) {
                    throw new InvalidInputException(chain.position(), Quoted.of(name) + " is the name of an iptables"
                            + " target: a chain of that name would take over every '-j " + name + "', and"
                            + " iptables-restore then refuses the target's options",
                            "iptables -N refuses such a name, so no other tool fills a chain of it: remove it, or"
                                    + " write the chain's name as iptables-save shows it.");
                }
                names.add(new ChainName(name));
            }
            byTable.put(table, names);
        });
        return new PreservedChains(byTable);
    }

    /**
     * Every bundle's default drop guards Docker's bridges, so a bridge it does not cover would be open
     * to anyone once another service's bundle is extracted beside this one.
     */
    private static InterfaceName bridge(Located<String> entry) {
        InterfaceName bridge = interfaceName(entry);
        if (DockerNetwork.DOCKER_BRIDGES.stream().noneMatch(known -> known.matches(bridge))) {
            throw new InvalidInputException(entry.position(), "bridge '" + bridge + "' is none of the bridges every"
                    + " bundle's default drop covers (docker0, docker_gwbridge, br-...)", "Name the network's bridge"
                    + " br-<name> (docker network create -o com.docker.network.bridge.name=br-<name>) and write that.");
        }
        return bridge;
    }

    private List<ServicePort> inherited() {
        return unpublished(descriptor.docker().inherited(), "an inherited port is a container port",
                "Write the port the base image exposes, like \"80/tcp\".").stream().distinct().sorted().toList();
    }

    /** An ingress rule's name and ports, its published ports recorded in the plan. */
    private PlannedRule plan(Located<RuleSpec> located, ExposedPorts exposed, PublishedPorts plan,
            List<ServicePort> opened, DockerNetwork network) {
        RuleSpec spec = located.value();
        RuleName name = ruleName(spec.name());
        if (spec.ports().isEmpty()) {
            if (exposed.all().isEmpty()) {
                throw new InvalidInputException(located.position(), "rule '" + name
                        + "' opens all exposed ports, but the image exposes none", "List the rule's 'ports:'.");
            }
            opened.addAll(exposed.all());
            return new PlannedRule(located, name, exposed.all(), List.of());
        }
        List<ServicePort> plain = new ArrayList<>();
        List<ServicePort> published = new ArrayList<>();
        for (Located<String> entry : spec.ports().get()) {
            PortSpec port = PortSpec.parse(entry);
            exposed.requireExposed(port.container(), entry.position());
            opened.add(port.container());
            if (port.published().isPresent()) {
                refuseOnRoutedNetwork(network, port, entry);
                ServicePort hostPorts = new ServicePort(port.published().get(), port.container().protocol());
                plan.add(hostPorts, port.container(), entry.position());
                published.add(hostPorts);
            } else {
                plain.add(port.container());
            }
        }
        return new PlannedRule(located, name, plain, published);
    }

    /**
     * Docker's bridge driver uses no host port on a routed network: clients reach the container port itself, so
     * a rule for host port 8443 would describe a port nobody connects to.
     */
    private static void refuseOnRoutedNetwork(DockerNetwork network, PortSpec port, Located<String> entry) {
        Optional<IpFamily> routed = Arrays.stream(IpFamily.values())
                .filter(family -> network.gatewayMode(family) == GatewayMode.ROUTED).findFirst();
        if (routed.isEmpty()) {
            return;
        }
        String key = "docker.gateway_mode_" + routed.get().name().toLowerCase(Locale.ROOT);
        throw new InvalidInputException(entry.position(), "host port " + port.published().get()
                + " means nothing on a routed network (" + key + ": routed): Docker publishes no host port there,"
                + " clients reach container port " + port.container() + " directly",
                "Write the container port alone, like \"" + port.container() + "\".");
    }

    private AllowRule hostRule(Located<RuleSpec> located, SourceResolver sources) {
        RuleSpec spec = located.value();
        RuleName name = ruleName(spec.name());
        List<ServicePort> ports = unpublished(spec.ports().orElseThrow(),
                "a host rule opens host ports; nothing is published", "Write the port alone, like 22.");
        List<PortMatch> matches = ports.stream().map(ServicePort::protocol).distinct().sorted()
                .map(protocol -> new PortMatch(protocol, PortMatch.PortField.DESTINATION, ports.stream()
                        .filter(port -> port.protocol() == protocol).map(ServicePort::range).toList()))
                .toList();
        return new AllowRule(name, matches, sources.resolve(spec.from(), spec.except()), located.position());
    }

    /** Ports where publishing means nothing: each one a port or range alone. */
    private static List<ServicePort> unpublished(List<Located<String>> entries, String problem, String remedy) {
        List<ServicePort> ports = new ArrayList<>();
        for (Located<String> entry : entries) {
            PortSpec port = PortSpec.parse(entry);
            if (port.published().isPresent()) {
                throw new InvalidInputException(entry.position(), problem, remedy);
            }
            ports.add(port.container());
        }
        return ports;
    }

    private RuleName ruleName(Located<String> name) {
        String text = RuleName.GRAMMAR.check(name);
        if (!ruleNames.add(text)) {
            throw new InvalidInputException(name.position(), "a rule named '" + text + "' is already defined",
                    "Give every rule of the descriptor its own name.");
        }
        return new RuleName(text);
    }

    /** The swarm ports go to named nodes only, and a manager is one of them. */
    private Optional<Swarm> swarm(SourceResolver sources) {
        if (descriptor.swarm().isEmpty()) {
            return Optional.empty();
        }
        SwarmSettings swarm = descriptor.swarm().get();
        boolean swarmMode = descriptor.docker().mode().map(Located::value)
                .filter(mode -> mode == Descriptor.NetworkMode.SWARM).isPresent();
        if (!swarmMode) {
            throw new InvalidInputException(swarm.position(), "'swarm' needs 'docker.mode: swarm'",
                    "Write 'docker: {mode: swarm}' for a service of a swarm, or remove 'swarm'.");
        }
        Sources peers = sources.resolve(Optional.of(swarm.peers()), List.of());
        if (peers.any()) {
            throw new InvalidInputException(swarm.peers().position(), "'any' would open the swarm ports to everyone",
                    "List the swarm's nodes: anyone who reaches 2377 or 7946 can join or disturb the cluster.");
        }
        Optional<List<Cidr>> managers = swarm.managers().map(entries -> entries.stream()
                .flatMap(entry -> manager(entry, sources, peers).stream()).distinct().toList());
        return Optional.of(new Swarm(peers, managers, swarm.encrypted(), swarm.position()));
    }

    private static List<Cidr> manager(Located<String> entry, SourceResolver sources, Sources peers) {
        Sources manager = sources.resolve(Optional.of(new Located<>(List.of(entry), entry.position())), List.of());
        if (manager.any()) {
            throw new InvalidInputException(entry.position(), "'any' is not a manager",
                    "List the managers' addresses, like [10.0.0.1].");
        }
        for (Cidr network : manager.networks()) {
            if (peers.networks().stream().noneMatch(peer -> peer.contains(network))) {
                throw new InvalidInputException(entry.position(), "manager '" + network + "' is not among the peers",
                        "A manager is a node of the swarm too: add it to 'peers', or fix the address.");
            }
        }
        return manager.networks();
    }

    private Fallback fallback() {
        FallbackAction action = descriptor.defaults().action().map(Located::value)
                .map(written -> written == Descriptor.DefaultAction.REJECT ? FallbackAction.REJECT : FallbackAction.DROP)
                .orElse(FallbackAction.DROP);
        return new Fallback(action, descriptor.defaults().log());
    }

    private static InterfaceName interfaceName(Located<String> entry) {
        try {
            return InterfaceName.parse(entry.value());
        } catch (InvalidValueException e) {
            throw new InvalidInputException(entry.position(), e.problem(), e.remedy());
        }
    }
}
