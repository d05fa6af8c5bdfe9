package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.descriptor.Located;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.Suggestions;
import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.IpFamily;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the entries of {@code from} (networks, addresses, group names, {@code any}) into
 * {@link Sources}, resolving groups that may list other groups. Groups are resolved with a stack of
 * their own, not by recursion, so that a chain of any depth ends in a policy or a clean error.
 */
final class SourceResolver {

    static final String ANY = "any";
    /** Each network is one iptables rule per port match: beyond this, 'except' is the wrong tool. */
    static final int MAX_NETWORKS_AFTER_EXCEPT = 64;
    /** The networks all groups may expand to together: far beyond any bundle the rule cap lets through. */
    static final int MAX_GROUP_NETWORKS = 1_000_000;
    static final Pattern GROUP_NAME = Pattern.compile("[a-z][a-z0-9._-]{0,39}");

    private final Map<String, Located<List<Located<String>>>> groups;
    private final Map<String, List<Cidr>> resolved = new LinkedHashMap<>();
    private long expanded;

    /** Checks and resolves every group now, so that an unused broken group fails the build too. */
    SourceResolver(Map<String, Located<List<Located<String>>>> groups) {
        this.groups = groups;
        groups.forEach(SourceResolver::checkName);
        groups.keySet().forEach(this::group);
    }

    private static void checkName(String name, Located<List<Located<String>>> members) {
        if (!GROUP_NAME.matcher(name).matches() || name.equals(ANY)) {
            throw new InvalidInputException(members.position(), Quoted.of(name) + " is not a usable group name",
                    "Name groups with a lowercase letter first, then letters, digits, '.', '_' or '-' (at most 40),"
                            + " and not 'any'.");
        }
    }

    /**
     * @param from empty for any source
     * @param except empty for no exception; otherwise networks taken out of {@code from}
     */
    Sources resolve(Optional<Located<List<Located<String>>>> from, List<Located<String>> except) {
        Sources sources = from.map(this::from).orElse(Sources.ANY);
        return except.isEmpty() ? sources : except(sources, except);
    }

    private Sources from(Located<List<Located<String>>> from) {
        List<Located<String>> entries = from.value();
        boolean any = false;
        for (Located<String> entry : entries) {
            any |= ANY.equals(entry.value());
        }
        if (any && entries.size() > 1) {
            throw new InvalidInputException(from.position(), "'any' already lets every source in",
                    "Remove the other entries, or remove 'any'.");
        }
        if (any) {
            return Sources.ANY;
        }
        List<Cidr> networks = new ArrayList<>(entries.size());
        for (Located<String> entry : entries) {
            networks.addAll(entry(entry));
        }
        return Sources.of(networks);
    }

    /** Subtracts exactly, so that the rule needs no RETURN, which would skip the default DROP. */
    private Sources except(Sources sources, List<Located<String>> except) {
        List<Cidr> allowed = sources.any()
                ? Arrays.stream(IpFamily.values()).map(Cidr::any).toList() : sources.networks();
        for (Located<String> entry : except) {
            for (Cidr network : entry(entry)) {
                if (allowed.stream().noneMatch(network::overlaps)) {
                    throw new InvalidInputException(entry.position(), "'" + network
                            + "' is outside every network the rule lets in", "Remove it from 'except', or fix 'from'.");
                }
                allowed = allowed.stream().flatMap(a -> a.minus(network).stream()).toList();
                if (allowed.size() > MAX_NETWORKS_AFTER_EXCEPT) {
                    break;
                }
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

    /** A network, an address, or a group's networks. */
    private List<Cidr> entry(Located<String> entry) {
        String text = entry.value();
        if (isGroupName(text)) {
            requireDefined(entry);
            return group(text);
        }
        return List.of(network(entry));
    }

    /** What {@link #GROUP_NAME} matches starts with a lowercase letter: addresses mostly pass without the regex. */
    private static boolean isGroupName(String text) {
        boolean mayBeName = !text.isEmpty() && text.charAt(0) >= 'a' && text.charAt(0) <= 'z';
        return mayBeName && GROUP_NAME.matcher(text).matches() && !text.equals(ANY);
    }

    private void requireDefined(Located<String> entry) {
        String name = entry.value();
        if (!groups.containsKey(name)) {
            throw new InvalidInputException(entry.position(), "group '" + name + "' is not defined",
                    groups.isEmpty() ? "Define it under 'groups:'."
                            : "Define it under 'groups:' or use one of: " + String.join(", ", groups.keySet())
                                    + "." + Suggestions.didYouMean(name, groups.keySet()));
        }
    }

    private static Cidr network(Located<String> entry) {
        if (entry.value().equals(ANY)) {
            throw new InvalidInputException(entry.position(), "'any' cannot stand in a group",
                    "Write 'from: [any]' in the rule instead.");
        }
        try {
            return Cidr.parse(entry.value());
        } catch (InvalidValueException e) {
            throw new InvalidInputException(entry.position(), e.problem(), e.remedy());
        }
    }

    /** A group being resolved: its members, how far through them, what they have given so far. */
    private static final class Frame {
        final String name;
        final List<Located<String>> members;
        final Set<Cidr> networks = new LinkedHashSet<>();
        int next;

        Frame(String name, List<Located<String>> members) {
            this.name = name;
            this.members = members;
        }
    }

    /** Depth first over the groups a group lists, with the chain being resolved on a stack of its own. */
    private List<Cidr> group(String start) {
        Deque<Frame> chain = new ArrayDeque<>();
        Set<String> onChain = new LinkedHashSet<>();
        enter(start, chain, onChain);
        while (!chain.isEmpty()) {
            Frame frame = chain.peek();
            if (frame.next == frame.members.size()) {
                chain.pop();
                onChain.remove(frame.name);
                List<Cidr> networks = List.copyOf(frame.networks);
                resolved.put(frame.name, networks);
                if (!chain.isEmpty()) {
                    add(chain.peek(), networks);
                }
                continue;
            }
            Located<String> member = frame.members.get(frame.next++);
            String text = member.value();
            if (!isGroupName(text)) {
                add(frame, List.of(network(member)));
                continue;
            }
            requireDefined(member);
            if (onChain.contains(text)) {
                throw new InvalidInputException(groups.get(text).position(),
                        "groups refer to each other in a circle: " + String.join(" -> ", onChain) + " -> " + text,
                        "Let one of them list networks instead of the other group.");
            }
            enter(text, chain, onChain);
        }
        return resolved.get(start);
    }

    private void enter(String name, Deque<Frame> chain, Set<String> onChain) {
        List<Cidr> done = resolved.get(name);
        if (done != null) {
            if (!chain.isEmpty()) {
                add(chain.peek(), done);
            }
            return;
        }
        chain.push(new Frame(name, groups.get(name).value()));
        onChain.add(name);
    }

    private void add(Frame frame, List<Cidr> networks) {
        expanded += networks.size();
        if (expanded > MAX_GROUP_NETWORKS) {
            throw new InvalidInputException(groups.get(frame.name).position(), "the groups expand to more than "
                    + MAX_GROUP_NETWORKS + " networks in all, by group '" + frame.name + "'",
                    "List each network in fewer groups, or use wider networks.");
        }
        frame.networks.addAll(networks);
    }
}
