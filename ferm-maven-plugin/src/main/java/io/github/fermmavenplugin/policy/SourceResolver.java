package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.descriptor.Located;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.Suggestions;
import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.IpFamily;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the entries of {@code from} (networks, addresses, group names, {@code any}) into
 * {@link Sources}, resolving groups that may list other groups.
 */
final class SourceResolver {

    static final String ANY = "any";
    /** Each network is one iptables rule per port match: beyond this, 'except' is the wrong tool. */
    static final int MAX_NETWORKS_AFTER_EXCEPT = 64;
    static final Pattern GROUP_NAME = Pattern.compile("[a-z][a-z0-9._-]{0,39}");

    private final Map<String, Located<List<Located<String>>>> groups;
    private final Map<String, List<Cidr>> resolved = new LinkedHashMap<>();

    SourceResolver(Map<String, Located<List<Located<String>>>> groups) {
        this.groups = groups;
        groups.forEach(SourceResolver::checkGroup);
    }

    private static void checkGroup(String name, Located<List<Located<String>>> members) {
        if (!GROUP_NAME.matcher(name).matches() || name.equals(ANY)) {
            throw new InvalidInputException(members.position(), Quoted.of(name) + " is not a usable group name",
                    "Name groups with a lowercase letter first, then letters, digits, '.', '_' or '-' (at most 40),"
                            + " and not 'any'.");
        }
        if (members.isEmpty() || members.value().isEmpty()) {
            throw new InvalidInputException(members.position(), "group '" + name + "' lists no networks",
                    "List its networks, like [198.51.100.0/24], or remove the group.");
        }
    }

    /** Resolves every group now, so that an unused broken group fails the build too. */
    void resolveAllGroups() {
        groups.keySet().forEach(name -> group(name, new LinkedHashSet<>()));
    }

    /**
     * @param from null for any source
     * @param except null for no exception; otherwise networks taken out of {@code from}
     */
    Sources resolve(Located<List<Located<String>>> from, Located<List<Located<String>>> except) {
        Sources sources = from == null ? Sources.ANY : from(from);
        return except == null ? sources : except(sources, except);
    }

    private Sources from(Located<List<Located<String>>> from) {
        List<Located<String>> entries = PolicyBuilder.nonEmpty(from, "from", "[any] or [198.51.100.0/24]");
        boolean any = entries.stream().anyMatch(e -> ANY.equals(e.value()));
        if (any && entries.size() > 1) {
            throw new InvalidInputException(from.position(), "'any' already lets every source in",
                    "Remove the other entries, or remove 'any'.");
        }
        return any ? Sources.ANY : Sources.of(networks(entries));
    }

    /** Subtracts exactly, so that the rule needs no RETURN, which would skip the default DROP. */
    private Sources except(Sources sources, Located<List<Located<String>>> except) {
        List<Cidr> allowed = sources.any()
                ? Arrays.stream(IpFamily.values()).map(Cidr::any).toList() : sources.networks();
        for (Located<String> entry : PolicyBuilder.nonEmpty(except, "except", "[10.1.0.0/16]")) {
            List<Cidr> excluded = entry(entry, new LinkedHashSet<>());
            for (Cidr network : excluded) {
                if (allowed.stream().noneMatch(network::overlaps)) {
                    throw new InvalidInputException(entry.position(), "'" + network
                            + "' is outside every network the rule lets in", "Remove it from 'except', or fix 'from'.");
                }
                allowed = allowed.stream().flatMap(a -> a.minus(network).stream()).toList();
            }
            if (allowed.isEmpty()) {
                throw new InvalidInputException(entry.position(), "'except' takes out every source the rule lets in",
                        "Remove the rule, or narrow 'except'.");
            }
            if (allowed.size() > MAX_NETWORKS_AFTER_EXCEPT) {
                throw new InvalidInputException(entry.position(), "'except' splits the sources into " + allowed.size()
                        + " networks, more than " + MAX_NETWORKS_AFTER_EXCEPT + " rules should hold",
                        "List the allowed networks in 'from' instead.");
            }
        }
        return Sources.of(allowed);
    }

    private List<Cidr> networks(List<Located<String>> entries) {
        List<Cidr> networks = new ArrayList<>();
        for (Located<String> entry : entries) {
            networks.addAll(entry(entry, new LinkedHashSet<>()));
        }
        return networks;
    }

    private List<Cidr> entry(Located<String> entry, LinkedHashSet<String> resolving) {
        String text = PolicyBuilder.present(entry, "a network, an address or a group name");
        if (GROUP_NAME.matcher(text).matches() && !text.equals(ANY)) {
            if (!groups.containsKey(text)) {
                throw new InvalidInputException(entry.position(), "group '" + text + "' is not defined",
                        groups.isEmpty() ? "Define it under 'groups:'."
                                : "Define it under 'groups:' or use one of: " + String.join(", ", groups.keySet())
                                        + "." + Suggestions.didYouMean(text, groups.keySet()));
            }
            return group(text, resolving);
        }
        if (text.equals(ANY)) {
            throw new InvalidInputException(entry.position(), "'any' cannot stand in a group",
                    "Write 'from: [any]' in the rule instead.");
        }
        try {
            return List.of(Cidr.parse(text));
        } catch (InvalidValueException e) {
            throw new InvalidInputException(entry.position(), e.problem(), e.remedy());
        }
    }

    private List<Cidr> group(String name, LinkedHashSet<String> resolving) {
        List<Cidr> done = resolved.get(name);
        if (done != null) {
            return done;
        }
        Located<List<Located<String>>> members = groups.get(name);
        if (!resolving.add(name)) {
            throw new InvalidInputException(members.position(),
                    "groups refer to each other in a circle: " + String.join(" -> ", resolving) + " -> " + name,
                    "Let one of them list networks instead of the other group.");
        }
        List<Cidr> networks = new ArrayList<>();
        for (Located<String> member : members.value()) {
            networks.addAll(entry(member, resolving));
        }
        resolving.remove(name);
        List<Cidr> distinct = networks.stream().distinct().toList();
        resolved.put(name, distinct);
        return distinct;
    }
}
