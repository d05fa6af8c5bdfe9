package io.github.fermmavenplugin.e2e.harness;

import io.github.fermmavenplugin.net.IpFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code iptables-save} of a namespace, one family, one backend: table by table, the chain declarations
 * (without counters) and the rules in order.
 */
public record IptablesSnapshot(IpFamily family, Map<String, Table> tables) {

    /** The chains ferm owns in the filter table: everything else there belongs to Docker. */
    public static final Set<String> FERM_OWNED_FILTER_CHAINS = Set.of("INPUT", "OUTPUT", "DOCKER-USER");

    /** One table: its chains (name -> policy or "-") and rules, as iptables-save prints them. */
    public record Table(Map<String, String> chains, List<String> rules) {

        public List<String> rulesOf(String chain) {
            String prefix = "-A " + chain + " ";
            return rules.stream().filter(rule -> rule.startsWith(prefix)).toList();
        }
    }

    public static IptablesSnapshot take(NetworkNamespace namespace, IpFamily family, IptablesBackend backend) {
        return parse(family, namespace.exec(backend.tool(family, "-save")).stdout());
    }

    public static IptablesSnapshot parse(IpFamily family, String save) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, String> chains = null;
        List<String> rules = null;
        for (String line : save.lines().toList()) {
            if (line.startsWith("*")) {
                chains = new LinkedHashMap<>();
                rules = new ArrayList<>();
                tables.put(line.substring(1), new Table(chains, rules));
            } else if (line.startsWith(":") && chains != null) {
                String[] parts = line.substring(1).split(" ");
                chains.put(parts[0], parts[1]);
            } else if (line.startsWith("-A ") && rules != null) {
                rules.add(line);
            }
        }
        return new IptablesSnapshot(family, tables);
    }

    public Table table(String name) {
        return tables.getOrDefault(name, new Table(Map.of(), List.of()));
    }

    /**
     * Everything Docker owns: every table but filter entirely, and in filter every chain but INPUT, OUTPUT and
     * DOCKER-USER (the chain declarations with their policies, and the rules in order).
     */
    public List<String> dockerOwnedLines() {
        List<String> lines = new ArrayList<>();
        tables.forEach((name, table) -> {
            table.chains().forEach((chain, policy) -> {
                if (!isFermOwned(name, chain)) {
                    lines.add(name + " :" + chain + " " + policy);
                }
            });
            for (String rule : table.rules()) {
                if (!isFermOwned(name, rule.split(" ")[1])) {
                    lines.add(name + " " + rule);
                }
            }
        });
        return lines;
    }

    /**
     * Chains (and whole tables) in this snapshot that {@code before} did not have and that hold no rule: what
     * ferm's {@code @preserve} of a chain Docker never made leaves behind. Harmless, but listed so that a test
     * can see them and say so.
     */
    public List<String> emptyChainsAddedSince(IptablesSnapshot before) {
        List<String> added = new ArrayList<>();
        tables.forEach((name, table) -> table.chains().forEach((chain, policy) -> {
            boolean existed = before.table(name).chains().containsKey(chain);
            if (!existed && !isFermOwned(name, chain) && table.rulesOf(chain).isEmpty()) {
                added.add(name + " :" + chain + " " + policy);
            }
        }));
        return added;
    }

    private static boolean isFermOwned(String table, String chain) {
        return table.equals("filter") && FERM_OWNED_FILTER_CHAINS.contains(chain);
    }
}
