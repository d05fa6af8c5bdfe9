package io.github.fermmavenplugin.ferm;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.policy.AllowRule;
import io.github.fermmavenplugin.policy.Policy;
import io.github.fermmavenplugin.policy.PortMatch;
import io.github.fermmavenplugin.policy.PortMatch.PortField;
import io.github.fermmavenplugin.policy.Swarm;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Counts the iptables rules the allow rules of a {@link Policy} make, by arithmetic on the policy alone and
 * before any ferm text exists: ferm expands a list into one rule per element, so an ingress rule makes one
 * iptables rule per external interface, source network and port match (a multiport chunk, or a port where
 * multiport does not apply), a host rule the same without interfaces. The work is linear in the policy's
 * size, whatever the product it counts.
 */
public final class RuleBudget {

    /** SPEC §2's default for {@code maxRules}. */
    public static final int DEFAULT_MAX_RULES = 10_000;

    private RuleBudget() {
    }

    /** The iptables rules of the policy's ingress, host and swarm rules, in both families. */
    public static long count(Policy policy) {
        long total = policy.swarm().map(RuleBudget::swarmRules).orElse(0L);
        for (Counted rule : allRules(policy)) {
            total += rule.count();
        }
        return total;
    }

    /**
     * @throws InvalidInputException at the first rule that takes the bundle over {@code maxRules}, with the
     *     count and the product that caused it
     */
    public static void requireWithin(Policy policy, int maxRules) {
        long total = 0;
        if (policy.swarm().isPresent()) {
            Swarm swarm = policy.swarm().get();
            total = swarmRules(swarm);
            if (total > maxRules) {
                throw new InvalidInputException(swarm.position(), "'swarm' makes " + number(total)
                        + " iptables rules (" + number(swarm.peers().networks().size()) + " peer networks), over"
                        + " maxRules " + number(maxRules), "List the swarm's nodes as fewer, wider networks.");
            }
        }
        for (Counted counted : allRules(policy)) {
            long own = counted.count();
            total += own;
            if (total > maxRules) {
                AllowRule rule = counted.rule();
                throw new InvalidInputException(rule.position(), "rule '" + rule.name() + "' makes "
                        + number(own) + " iptables rules (" + counted.cause() + "), which brings the bundle to "
                        + number(total) + ", over maxRules " + number(maxRules),
                        "Use fewer or wider source networks, port ranges instead of single ports, or fewer rules;"
                        + " or raise ferm.maxRules if the host really needs that many.");
            }
        }
    }

    /** A rule and the interfaces its chain statement lists: one for host rules. */
    private record Counted(AllowRule rule, int interfaces) {

        long count() {
            long ports = portRules(rule);
            long total = 0;
            for (IpFamily family : IpFamily.values()) {
                total += interfaces * sourceRules(rule, family) * ports;
            }
            return total;
        }

        /** "1,000 IPv4 sources x 1,000 port matches", family by family where the rule has both. */
        String cause() {
            String factors = (interfaces > 1 ? number(interfaces) + " external interfaces x " : "");
            long ports = portRules(rule);
            String portText = number(ports) + (ports == 1 ? " port match" : " port matches");
            if (rule.sources().any()) {
                return factors + "any source in IPv4 and IPv6 x " + portText;
            }
            StringBuilder text = new StringBuilder();
            for (IpFamily family : IpFamily.values()) {
                long sources = sourceRules(rule, family);
                if (sources > 0) {
                    text.append(text.isEmpty() ? "" : " + ").append(factors).append(number(sources)).append(' ')
                            .append(family).append(sources == 1 ? " source" : " sources").append(" x ").append(portText);
                }
            }
            return text.toString();
        }
    }

    /**
     * Per family: for each peer network one management rule per manager network of the family (or one),
     * two gossip rules, the VXLAN rule and, encrypted, the ESP rule; then the four drops.
     */
    private static long swarmRules(Swarm swarm) {
        long total = 0;
        for (IpFamily family : IpFamily.values()) {
            long peers = swarm.peers().networks().stream().filter(network -> network.family() == family).count();
            long management = swarm.managers()
                    .map(managers -> managers.stream().filter(network -> network.family() == family).count())
                    .orElse(1L);
            total += peers * (management + 3 + (swarm.encrypted() ? 1 : 0)) + 4;
        }
        return total;
    }

    /** One rule per source network of the family, one for "any", none when the rule names only the other family. */
    private static long sourceRules(AllowRule rule, IpFamily family) {
        if (rule.sources().any()) {
            return 1;
        }
        long count = 0;
        for (Cidr network : rule.sources().networks()) {
            if (network.family() == family) {
                count++;
            }
        }
        return count;
    }

    private static long portRules(AllowRule rule) {
        long count = 0;
        for (PortMatch match : rule.ports()) {
            count += portRules(match);
        }
        return count;
    }

    /** As many as {@link FermRenderer} writes port matches for {@code match}. */
    static int portRules(PortMatch match) {
        if (match.field() == PortField.ORIGINAL_DESTINATION || !FermRenderer.MULTIPORT_PROTOCOLS.contains(match.protocol())) {
            return match.ports().size();
        }
        return multiportChunks(match.ports());
    }

    /** The number of {@link FermRenderer#multiportChunks(List)}, without making them. */
    private static int multiportChunks(List<PortRange> ports) {
        int chunks = 1;
        int used = 0;
        for (PortRange range : ports) {
            int weight = range.isSingle() ? 1 : 2;
            if (used + weight > FermRenderer.MULTIPORT_CAPACITY) {
                chunks++;
                used = 0;
            }
            used += weight;
        }
        return chunks;
    }

    private static List<Counted> allRules(Policy policy) {
        int external = policy.network().external().size();
        return Stream.concat(policy.ingress().stream().map(rule -> new Counted(rule, external)),
                policy.host().stream().map(rule -> new Counted(rule, 1))).toList();
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
