package io.github.fermmavenplugin.descriptor;

import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The firewall descriptor, checked for form: every key known, every value of its type and present, every list
 * that must hold entries holding some, every choice one of its words. Nothing is null; a key the user left out
 * is an empty {@link Optional} or list. What the values mean (a port, a network, a name) is for the policy to
 * check, at each value's position.
 */
public record Descriptor(
        Located<Integer> version,
        Optional<Located<String>> service,
        DockerSettings docker,
        Map<String, Located<List<Located<String>>>> groups,
        List<Located<RuleSpec>> ingress,
        List<Located<RuleSpec>> host,
        DefaultSettings defaults,
        Optional<SwarmSettings> swarm) {

    public Descriptor {
        groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
        ingress = List.copyOf(ingress);
        host = List.copyOf(host);
    }

    /**
     * {@code docker:} — how Docker networks the service; {@code external} is never an empty list.
     *
     * @param preserve other tools' chains by table name, each list holding names
     */
    public record DockerSettings(
            Optional<Located<NetworkMode>> mode,
            Optional<Located<String>> bridge,
            Optional<List<Located<String>>> external,
            List<Located<String>> inherited,
            Optional<Located<GatewayMode>> gatewayModeIpv4,
            Optional<Located<GatewayMode>> gatewayModeIpv6,
            Map<String, Located<List<Located<String>>>> preserve) {

        public DockerSettings {
            external = external.map(List::copyOf);
            inherited = List.copyOf(inherited);
            preserve = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(preserve));
        }
    }

    /**
     * One entry of {@code ingress:} or {@code host:}; {@code except} takes networks out of {@code from}, and is
     * empty where not written. A host rule always has its ports; lists present are never empty.
     */
    public record RuleSpec(
            Located<String> name,
            Optional<List<Located<String>>> ports,
            Optional<Located<List<Located<String>>>> from,
            List<Located<String>> except) {

        public RuleSpec {
            ports = ports.map(List::copyOf);
            except = List.copyOf(except);
        }
    }

    /** {@code defaults:} — what happens to external traffic no rule allows. */
    public record DefaultSettings(Optional<Located<DefaultAction>> action, boolean log) {
    }

    /**
     * {@code swarm:} — the swarm's nodes and managers, each list never empty, and whether every overlay is
     * encrypted, which the descriptor must say.
     *
     * @param position where {@code swarm:} is written
     */
    public record SwarmSettings(
            Located<List<Located<String>>> peers,
            Optional<List<Located<String>>> managers,
            boolean encrypted,
            SourcePosition position) {

        public SwarmSettings {
            managers = managers.map(List::copyOf);
        }
    }

    /** The words of {@code docker.mode}. */
    public enum NetworkMode {
        BRIDGE, SWARM
    }

    /** The words of {@code docker.gateway_mode_ipv4} and {@code _ipv6}, as Docker's bridge driver names them. */
    public enum GatewayMode {
        NAT, ROUTED
    }

    /** The words of {@code defaults.action}. */
    public enum DefaultAction {
        DROP, REJECT
    }
}
