package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.descriptor.Located;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.Suggestions;
import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.InvalidValueException;
import java.util.ArrayList;
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

    Sources resolve(Located<List<Located<String>>> from) {
        if (from == null) {
            return Sources.ANY;
        }
        List<Located<String>> entries = PolicyBuilder.nonEmpty(from, "from", "[any] or [198.51.100.0/24]");
        boolean any = entries.stream().anyMatch(e -> ANY.equals(e.value()));
        if (any && entries.size() > 1) {
            throw new InvalidInputException(from.position(), "'any' already lets every source in",
                    "Remove the other entries, or remove 'any'.");
        }
        if (any) {
            return Sources.ANY;
        }
        List<Cidr> networks = new ArrayList<>();
        for (Located<String> entry : entries) {
            networks.addAll(entry(entry, new LinkedHashSet<>()));
        }
        return Sources.of(networks);
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
