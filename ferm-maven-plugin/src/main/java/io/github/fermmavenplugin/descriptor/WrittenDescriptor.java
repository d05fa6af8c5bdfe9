package io.github.fermmavenplugin.descriptor;

import java.util.List;
import java.util.Map;

/**
 * The descriptor as read from its YAML, every value with its position, nothing checked yet: a key that is
 * absent is null, a key without a value is a {@link Located} holding null. {@link DescriptorShape} turns it
 * into a {@link Descriptor}. Each YAML key is its component's name in snake case.
 */
record WrittenDescriptor(
        Located<Integer> version,
        Located<String> service,
        Located<DockerSettings> docker,
        Located<Map<String, Located<List<Located<String>>>>> groups,
        Located<List<Located<RuleSpec>>> ingress,
        Located<List<Located<RuleSpec>>> host,
        Located<DefaultSettings> defaults,
        Located<SwarmSettings> swarm) {

    /** {@code docker:} — how Docker networks the service. */
    record DockerSettings(
            Located<String> mode,
            Located<String> bridge,
            Located<List<Located<String>>> external,
            Located<List<Located<String>>> inherited,
            Located<String> gatewayModeIpv4,
            Located<String> gatewayModeIpv6,
            Located<Map<String, Located<List<Located<String>>>>> preserve) {
    }

    /** One entry of {@code ingress:} or {@code host:}; {@code except} takes networks out of {@code from}. */
    record RuleSpec(
            Located<String> name,
            Located<List<Located<String>>> ports,
            Located<List<Located<String>>> from,
            Located<List<Located<String>>> except) {
    }

    /** {@code defaults:} — what happens to external traffic no rule allows. */
    record DefaultSettings(Located<String> action, Located<Boolean> log) {
    }

    /** {@code swarm:} — the other nodes of the host's swarm, and whether its overlays are encrypted. */
    record SwarmSettings(
            Located<List<Located<String>>> peers,
            Located<List<Located<String>>> managers,
            Located<Boolean> encrypted) {
    }
}
