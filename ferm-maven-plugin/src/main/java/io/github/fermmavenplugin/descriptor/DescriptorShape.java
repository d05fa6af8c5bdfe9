package io.github.fermmavenplugin.descriptor;

import io.github.fermmavenplugin.descriptor.Descriptor.DefaultSettings;
import io.github.fermmavenplugin.descriptor.Descriptor.DockerSettings;
import io.github.fermmavenplugin.descriptor.Descriptor.RuleSpec;
import io.github.fermmavenplugin.descriptor.Descriptor.SwarmSettings;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every check of form, from the descriptor as its YAML was read to a {@link Descriptor} without nulls: values
 * present, required keys there, lists that must hold entries holding some, choices one of their words.
 */
final class DescriptorShape {

    static final int SUPPORTED_VERSION = 1;

    private static final String NETWORK_ENTRY = "a network, an address or a group name";

    private final SourcePosition top;

    private DescriptorShape(Path file) {
        this.top = new SourcePosition(file, 1, 1);
    }

    static Descriptor check(WrittenDescriptor written, Path file) {
        return new DescriptorShape(file).descriptor(written);
    }

    private Descriptor descriptor(WrittenDescriptor written) {
        Located<Integer> version = version(written.version());
        Optional<Located<String>> service = Optional.ofNullable(written.service())
                .map(name -> presentLocated(name, "the service's name"));
        return new Descriptor(version, service, docker(written.docker()), groups(written.groups()),
                rules(written.ingress(), "ingress", false), rules(written.host(), "host", true),
                defaults(written.defaults()),
                swarm(written.swarm()));
    }

    private Located<Integer> version(Located<Integer> version) {
        if (version == null || version.isEmpty()) {
            throw new InvalidInputException(version == null ? top : version.position(),
                    "the descriptor does not say its version", "Start it with 'version: 1'.");
        }
        if (version.value() != SUPPORTED_VERSION) {
            throw new InvalidInputException(version.position(), "descriptor version " + version.value()
                    + " is not supported", "This plugin reads version 1; write 'version: 1' or update the plugin.");
        }
        return version;
    }

    private static DockerSettings docker(Located<WrittenDescriptor.DockerSettings> section) {
        WrittenDescriptor.DockerSettings docker = section(section, "docker");
        if (docker == null) {
            return new DockerSettings(Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty(), Optional.empty(), Map.of());
        }
        Optional<Located<Descriptor.NetworkMode>> mode = Optional.ofNullable(docker.mode())
                .map(entry -> choice(entry, Descriptor.NetworkMode.class, "docker.mode"));
        Optional<Located<String>> bridge = Optional.ofNullable(docker.bridge())
                .map(entry -> presentLocated(entry, "an interface name"));
        Optional<List<Located<String>>> external = Optional.ofNullable(docker.external())
                .map(list -> entries(list, "docker.external", "[eth0]", "an interface name"));
        List<Located<String>> inherited = docker.inherited() == null ? List.of()
                : entries(docker.inherited(), "docker.inherited", "[\"80/tcp\"]", "a port");
        Optional<Located<Descriptor.GatewayMode>> gatewayModeIpv4 = Optional.ofNullable(docker.gatewayModeIpv4())
                .map(entry -> choice(entry, Descriptor.GatewayMode.class, "docker.gateway_mode_ipv4"));
        Optional<Located<Descriptor.GatewayMode>> gatewayModeIpv6 = Optional.ofNullable(docker.gatewayModeIpv6())
                .map(entry -> choice(entry, Descriptor.GatewayMode.class, "docker.gateway_mode_ipv6"));
        return new DockerSettings(mode, bridge, external, inherited, gatewayModeIpv4, gatewayModeIpv6,
                preserve(docker.preserve()));
    }

    private static Map<String, Located<List<Located<String>>>> preserve(
            Located<Map<String, Located<List<Located<String>>>>> preserve) {
        if (preserve == null) {
            return Map.of();
        }
        if (preserve.isEmpty() || preserve.value().isEmpty()) {
            throw new InvalidInputException(preserve.position(), "'docker.preserve' is empty",
                    "Name other tools' chains by table, like 'filter: [ts-forward]', or remove the key.");
        }
        Map<String, Located<List<Located<String>>>> checked = new LinkedHashMap<>();
        preserve.value().forEach((table, chains) -> {
            entries(chains, "docker.preserve." + table, "[ts-forward]", "a chain name");
            checked.put(table, chains);
        });
        return checked;
    }

    private static Map<String, Located<List<Located<String>>>> groups(
            Located<Map<String, Located<List<Located<String>>>>> groups) {
        if (groups == null) {
            return Map.of();
        }
        if (groups.isEmpty() || groups.value().isEmpty()) {
            throw new InvalidInputException(groups.position(), "'groups' is empty",
                    "Define groups like 'office: [198.51.100.0/24]', or remove the key.");
        }
        Map<String, Located<List<Located<String>>>> checked = new LinkedHashMap<>();
        groups.value().forEach((name, members) -> {
            if (members.isEmpty() || members.value().isEmpty()) {
                throw new InvalidInputException(members.position(), "group " + Quoted.of(name) + " lists no networks",
                        "List its networks, like [198.51.100.0/24], or remove the group.");
            }
            members.value().forEach(member -> present(member, NETWORK_ENTRY));
            checked.put(name, members);
        });
        return checked;
    }

    private static List<Located<RuleSpec>> rules(Located<List<Located<WrittenDescriptor.RuleSpec>>> rules, String key,
            boolean portsRequired) {
        if (rules == null) {
            return List.of();
        }
        return nonEmpty(rules, key, "a list of rules, each with 'name:' and 'ports:'").stream()
                .map(rule -> new Located<>(rule(rule, key, portsRequired), rule.position()))
                .toList();
    }

    private static RuleSpec rule(Located<WrittenDescriptor.RuleSpec> located, String key, boolean portsRequired) {
        if (located.isEmpty()) {
            throw new InvalidInputException(located.position(), "an empty " + key + " rule",
                    "Give it at least 'name:' and 'ports:', or remove the '-'.");
        }
        WrittenDescriptor.RuleSpec rule = located.value();
        if (rule.name() == null) {
            throw new InvalidInputException(located.position(), "the rule has no 'name:'",
                    "Name it, like 'name: web': the name shows in the rule's comment in iptables.");
        }
        Located<String> name = presentLocated(rule.name(), "the rule's name");
        if (portsRequired && rule.ports() == null) {
            throw new InvalidInputException(located.position(), key + " rule " + Quoted.of(name.value())
                    + " has no 'ports:'", "List the host ports it opens, like [22].");
        }
        Optional<List<Located<String>>> ports = Optional.ofNullable(rule.ports())
                .map(list -> entries(list, "ports", portsRequired ? "[22]" : "[80, 443]", "a port"));
        Optional<Located<List<Located<String>>>> from = Optional.ofNullable(rule.from()).map(list ->
                new Located<>(entries(list, "from", "[any] or [198.51.100.0/24]", NETWORK_ENTRY), list.position()));
        List<Located<String>> except = rule.except() == null ? List.of()
                : entries(rule.except(), "except", "[10.1.0.0/16]", NETWORK_ENTRY);
        return new RuleSpec(name, ports, from, except);
    }

    private static DefaultSettings defaults(Located<WrittenDescriptor.DefaultSettings> section) {
        WrittenDescriptor.DefaultSettings defaults = section(section, "defaults");
        if (defaults == null) {
            return new DefaultSettings(Optional.empty(), false);
        }
        Optional<Located<Descriptor.DefaultAction>> action = Optional.ofNullable(defaults.action())
                .map(entry -> choice(entry, Descriptor.DefaultAction.class, "defaults.action"));
        boolean log = defaults.log() != null && Boolean.TRUE.equals(present(defaults.log(), "true or false"));
        return new DefaultSettings(action, log);
    }

    private Optional<SwarmSettings> swarm(Located<WrittenDescriptor.SwarmSettings> section) {
        WrittenDescriptor.SwarmSettings swarm = section(section, "swarm");
        if (swarm == null) {
            return Optional.empty();
        }
        if (swarm.peers() == null) {
            throw new InvalidInputException(section.position(), "'swarm' does not name its peers",
                    "List every node of the swarm, like 'peers: [10.0.0.0/24]': only they reach the swarm ports.");
        }
        Located<List<Located<String>>> peers = new Located<>(
                entries(swarm.peers(), "swarm.peers", "[10.0.0.0/24]", NETWORK_ENTRY), swarm.peers().position());
        Optional<List<Located<String>>> managers = Optional.ofNullable(swarm.managers())
                .map(list -> entries(list, "swarm.managers", "[10.0.0.1]", "a manager's address or group"));
        if (swarm.encrypted() == null) {
            throw new InvalidInputException(section.position(), "'swarm' does not say whether its overlays are"
                    + " encrypted", "Write 'encrypted: true' when every overlay network is created with"
                    + " --opt encrypted (VXLAN then counts only under IPsec), else 'encrypted: false'.");
        }
        boolean encrypted = present(swarm.encrypted(), "true or false");
        return Optional.of(new SwarmSettings(peers, managers, encrypted, section.position()));
    }

    private static <E extends Enum<E>> Located<E> choice(Located<String> entry, Class<E> type, String key) {
        String text = present(entry, "one of " + choices(type));
        E chosen = Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(entry.position(),
                        Quoted.of(text) + " is not a " + key, "Use one of: " + choices(type) + "."));
        return new Located<>(chosen, entry.position());
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

    /** A list that must hold entries, each of them present. */
    private static List<Located<String>> entries(Located<List<Located<String>>> list, String key, String example,
            String expected) {
        List<Located<String>> entries = nonEmpty(list, key, example);
        entries.forEach(entry -> present(entry, expected));
        return entries;
    }

    private static <T> List<T> nonEmpty(Located<List<T>> list, String key, String example) {
        if (list.isEmpty() || list.value().isEmpty()) {
            throw new InvalidInputException(list.position(), "'" + key + "' is empty",
                    "List at least one entry, like " + example + ", or remove the key.");
        }
        return list.value();
    }

    private static <T> Located<T> presentLocated(Located<T> value, String expected) {
        present(value, expected);
        return value;
    }

    private static <T> T present(Located<T> value, String expected) {
        if (value.isEmpty()) {
            throw new InvalidInputException(value.position(), "a value is missing here", "Write " + expected + ".");
        }
        return value.value();
    }
}
