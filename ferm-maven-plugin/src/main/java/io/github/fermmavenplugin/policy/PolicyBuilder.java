package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.descriptor.Descriptor;
import io.github.fermmavenplugin.descriptor.Descriptor.DefaultSettings;
import io.github.fermmavenplugin.descriptor.Descriptor.DockerSettings;
import io.github.fermmavenplugin.descriptor.Descriptor.RuleSpec;
import io.github.fermmavenplugin.descriptor.Located;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.net.InterfaceName;
import io.github.fermmavenplugin.net.ServicePort;
import io.github.fermmavenplugin.policy.Policy.DockerNetwork;
import io.github.fermmavenplugin.policy.Policy.Fallback;
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import io.github.fermmavenplugin.policy.PortMatch.PortField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a descriptor against the image it guards and turns it into a {@link Policy}. Every error
 * about what the user meant is raised here, at the value's position.
 */
public final class PolicyBuilder {

    private static final int SUPPORTED_VERSION = 1;
    private static final String SERVICE_NAME_RULE =
            "Set 'service:' to 1-40 characters: lowercase letters and digits first, then also '.', '_' or '-',"
                    + " not starting with 'docker.', which names the container rules' files.";

    private final Descriptor descriptor;
    private final SourcePosition top;
    private final ImageMetadata image;

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

    private Policy build(String fallbackService) {
        checkVersion();
        ServiceName service = service(fallbackService);
        DockerNetwork network = network();
        List<ServicePort> inherited = inherited();
        ExposedPorts exposed = new ExposedPorts(image, inherited);
        SourceResolver sources = new SourceResolver(groups());
        sources.resolveAllGroups();
        List<AllowRule> ingress = new ArrayList<>();
        Set<String> names = new HashSet<>();
        PublishedPorts published = new PublishedPorts();
        Map<RuleName, SourcePosition> positions = new LinkedHashMap<>();
        List<ServicePort> opened = new ArrayList<>();
        for (Located<RuleSpec> spec : rules(descriptor.ingress(), "ingress")) {
            AllowRule rule = ingressRule(spec, names, exposed, sources, published, opened);
            positions.put(rule.name(), spec.position());
            ingress.add(rule);
        }
        List<AllowRule> host = new ArrayList<>();
        for (Located<RuleSpec> spec : rules(descriptor.host(), "host")) {
            host.add(hostRule(spec, names, sources));
        }
        return new Policy(service, network, published.leaveOutOfPlainRules(ingress, positions), host, fallback(),
                exposed.all(), inherited, exposed.notOpened(opened));
    }

    private void checkVersion() {
        Located<Integer> version = descriptor.version();
        if (version == null || version.isEmpty()) {
            throw new InvalidInputException(version == null ? top : version.position(),
                    "the descriptor does not say its version", "Start it with 'version: 1'.");
        }
        if (version.value() != SUPPORTED_VERSION) {
            throw new InvalidInputException(version.position(), "descriptor version " + version.value()
                    + " is not supported", "This plugin reads version 1; write 'version: 1' or update the plugin.");
        }
    }

    /** The descriptor's name, else the image's title where it is a usable name, else the artifactId. */
    private ServiceName service(String fallbackService) {
        Located<String> service = descriptor.service();
        if (service != null) {
            String name = present(service, "the service's name");
            if (!ServiceName.GRAMMAR.matcher(name).matches()) {
                throw new InvalidInputException(service.position(), Quoted.of(name) + " is not a usable service name",
                        SERVICE_NAME_RULE);
            }
            return new ServiceName(name);
        }
        Optional<String> title = image.label(ImageMetadata.OCI_TITLE)
                .filter(name -> ServiceName.GRAMMAR.matcher(name).matches());
        if (title.isPresent()) {
            return new ServiceName(title.get());
        }
        if (!ServiceName.GRAMMAR.matcher(fallbackService).matches()) {
            throw new InvalidInputException(top, "the artifactId " + Quoted.of(fallbackService)
                    + ", the default service name, is not a usable service name", SERVICE_NAME_RULE);
        }
        return new ServiceName(fallbackService);
    }

    private DockerNetwork network() {
        DockerSettings docker = section(descriptor.docker(), "docker");
        DockerMode mode = DockerMode.BRIDGE;
        if (docker != null && docker.mode() != null) {
            mode = choice(docker.mode(), DockerMode.class, "docker.mode");
        }
        InterfaceName bridge = docker == null || docker.bridge() == null ? mode.defaultBridge() : bridge(docker.bridge());
        if (docker == null || docker.external() == null) {
            return new DockerNetwork(bridge, List.of(InterfaceName.parse("eth0")));
        }
        List<InterfaceName> external = new ArrayList<>();
        for (Located<String> entry : nonEmpty(docker.external(), "docker.external", "[eth0]")) {
            InterfaceName name = interfaceName(entry);
            Optional<InterfaceName> clash = DockerNetwork.DOCKER_BRIDGES.stream().filter(name::overlaps).findFirst();
            if (clash.isPresent()) {
                throw new InvalidInputException(entry.position(), "external interface '" + name
                        + "' also matches '" + clash.get() + "', where Docker puts containers",
                        "List only the interfaces the outside world comes in on.");
            }
            external.add(name);
        }
        return new DockerNetwork(bridge, external.stream().distinct().toList());
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
        DockerSettings docker = section(descriptor.docker(), "docker");
        if (docker == null || docker.inherited() == null) {
            return List.of();
        }
        List<ServicePort> ports = new ArrayList<>();
        for (Located<String> entry : nonEmpty(docker.inherited(), "docker.inherited", "[\"80/tcp\"]")) {
            present(entry, "a port");
            PortSpec spec = PortSpec.parse(entry);
            if (spec.published().isPresent()) {
                throw new InvalidInputException(entry.position(), "an inherited port is a container port",
                        "Write the port the base image exposes, like \"80/tcp\".");
            }
            ports.add(spec.container());
        }
        return ports.stream().distinct().sorted().toList();
    }

    private Map<String, Located<List<Located<String>>>> groups() {
        Located<Map<String, Located<List<Located<String>>>>> groups = descriptor.groups();
        if (groups == null) {
            return Map.of();
        }
        if (groups.isEmpty() || groups.value().isEmpty()) {
            throw new InvalidInputException(groups.position(), "'groups' is empty",
                    "Define groups like 'office: [198.51.100.0/24]', or remove the key.");
        }
        return groups.value();
    }

    private List<Located<RuleSpec>> rules(Located<List<Located<RuleSpec>>> rules, String key) {
        if (rules == null) {
            return List.of();
        }
        List<Located<RuleSpec>> list = nonEmpty(rules, key, "a list of rules, each with 'name:' and 'ports:'");
        for (Located<RuleSpec> rule : list) {
            if (rule.isEmpty()) {
                throw new InvalidInputException(rule.position(), "an empty " + key + " rule",
                        "Give it at least 'name:' and 'ports:', or remove the '-'.");
            }
        }
        return list;
    }

    private AllowRule ingressRule(Located<RuleSpec> located, Set<String> names, ExposedPorts exposed,
            SourceResolver sources, PublishedPorts published, List<ServicePort> opened) {
        RuleSpec spec = located.value();
        RuleName name = ruleName(located, names);
        List<PortMatch> matches;
        if (spec.ports() == null) {
            if (exposed.all().isEmpty()) {
                throw new InvalidInputException(located.position(), "rule '" + name
                        + "' opens all exposed ports, but the image exposes none", "List the rule's 'ports:'.");
            }
            matches = group(exposed.all(), PortField.DESTINATION);
            opened.addAll(exposed.all());
        } else {
            List<ServicePort> containerPorts = new ArrayList<>();
            List<ServicePort> publishedPorts = new ArrayList<>();
            for (Located<String> entry : nonEmpty(spec.ports(), "ports", "[80, 443]")) {
                present(entry, "a port");
                PortSpec port = PortSpec.parse(entry);
                exposed.requireExposed(port.container(), entry.position());
                opened.add(port.container());
                if (port.published().isPresent()) {
                    ServicePort hostPorts = new ServicePort(port.published().get(), port.container().protocol());
                    published.add(hostPorts, port.container(), entry.position());
                    publishedPorts.add(hostPorts);
                } else {
                    containerPorts.add(port.container());
                }
            }
            matches = new ArrayList<>(group(containerPorts, PortField.DESTINATION));
            matches.addAll(group(publishedPorts, PortField.ORIGINAL_DESTINATION));
        }
        return new AllowRule(name, matches, sources.resolve(spec.from(), spec.except()), located.position());
    }

    private AllowRule hostRule(Located<RuleSpec> located, Set<String> names, SourceResolver sources) {
        RuleSpec spec = located.value();
        RuleName name = ruleName(located, names);
        if (spec.ports() == null) {
            throw new InvalidInputException(located.position(), "host rule '" + name + "' has no 'ports:'",
                    "List the host ports it opens, like [22].");
        }
        List<ServicePort> ports = new ArrayList<>();
        for (Located<String> entry : nonEmpty(spec.ports(), "ports", "[22]")) {
            present(entry, "a port");
            PortSpec port = PortSpec.parse(entry);
            if (port.published().isPresent()) {
                throw new InvalidInputException(entry.position(), "a host rule opens host ports; nothing is published",
                        "Write the port alone, like 22.");
            }
            ports.add(port.container());
        }
        return new AllowRule(name, group(ports, PortField.DESTINATION), sources.resolve(spec.from(), spec.except()),
                located.position());
    }

    private RuleName ruleName(Located<RuleSpec> rule, Set<String> names) {
        Located<String> name = rule.value().name();
        if (name == null) {
            throw new InvalidInputException(rule.position(), "the rule has no 'name:'",
                    "Name it, like 'name: web': the name shows in the rule's comment in iptables.");
        }
        String text = present(name, "the rule's name");
        if (!RuleName.GRAMMAR.matcher(text).matches()) {
            throw new InvalidInputException(name.position(), Quoted.of(text) + " is not a usable rule name",
                    "Use 1-63 characters: lowercase letters and digits first, then also '.', '_' or '-'.");
        }
        if (!names.add(text)) {
            throw new InvalidInputException(name.position(), "a rule named '" + text + "' is already defined",
                    "Give every rule of the descriptor its own name.");
        }
        return new RuleName(text);
    }

    private Fallback fallback() {
        DefaultSettings defaults = section(descriptor.defaults(), "defaults");
        FallbackAction action = defaults == null || defaults.action() == null
                ? FallbackAction.DROP : choice(defaults.action(), FallbackAction.class, "defaults.action");
        boolean log = defaults != null && defaults.log() != null && Boolean.TRUE.equals(present(defaults.log(),
                "true or false"));
        return new Fallback(action, log);
    }

    private static List<PortMatch> group(List<ServicePort> ports, PortField field) {
        return ports.stream()
                .collect(Collectors.groupingBy(ServicePort::protocol, LinkedHashMap::new,
                        Collectors.mapping(ServicePort::range, Collectors.toList())))
                .entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new PortMatch(e.getKey(), field, e.getValue()))
                .toList();
    }

    private static InterfaceName interfaceName(Located<String> entry) {
        String text = present(entry, "an interface name");
        try {
            return InterfaceName.parse(text);
        } catch (InvalidValueException e) {
            throw new InvalidInputException(entry.position(), e.problem(), e.remedy());
        }
    }

    private static <E extends Enum<E>> E choice(Located<String> entry, Class<E> type, String key) {
        String text = present(entry, "one of " + choices(type));
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(entry.position(),
                        Quoted.of(text) + " is not a " + key, "Use one of: " + choices(type) + "."));
    }

    private static String choices(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** A section's settings, or null when the key is absent; a key without settings is a mistake. */
    private static <T> T section(Located<T> section, String key) {
        if (section == null) {
            return null;
        }
        if (section.isEmpty()) {
            throw new InvalidInputException(section.position(), "'" + key + "' has no settings",
                    "Give it its settings, or remove the key to use the defaults.");
        }
        return section.value();
    }

    static <T> T present(Located<T> value, String expected) {
        if (value.isEmpty()) {
            throw new InvalidInputException(value.position(), "a value is missing here", "Write " + expected + ".");
        }
        return value.value();
    }

    static <T> List<T> nonEmpty(Located<List<T>> list, String key, String example) {
        if (list.isEmpty() || list.value().isEmpty()) {
            throw new InvalidInputException(list.position(), "'" + key + "' is empty",
                    "List at least one entry, like " + example + ", or remove the key.");
        }
        return list.value();
    }
}
