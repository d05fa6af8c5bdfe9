package io.github.fermmavenplugin.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Other tools' chains (Tailscale's ts-forward, libvirt's LIBVIRT_PRT) that the bundle preserves beside Docker's,
 * in both domains. ferm deletes the chains it does not know, so a jump to one from Docker's preserved chains
 * would make ferm refuse the whole load. Sorted and without repeats, so that the same lists in any order give
 * the same shared 00-docker.ferm.
 */
public record PreservedChains(Map<Table, List<ChainName>> byTable) {

    public static final PreservedChains NONE = new PreservedChains(Map.of());

    public PreservedChains {
        EnumMap<Table, List<ChainName>> copy = new EnumMap<>(Table.class);
        byTable.forEach((table, chains) -> {
            if (!chains.isEmpty()) {
                copy.put(table, chains.stream().distinct().sorted(java.util.Comparator.comparing(ChainName::value))
                        .toList());
            }
        });
        byTable = Collections.unmodifiableMap(copy);
    }

    public List<ChainName> in(Table table) {
        return byTable.getOrDefault(table, List.of());
    }

    /** The tables 00-docker.ferm writes; ferm leaves the others (mangle, security) alone. */
    public enum Table {
        FILTER("INPUT", "FORWARD", "OUTPUT"),
        NAT("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"),
        RAW("PREROUTING", "OUTPUT");

        private final List<String> builtInChains;

        Table(String... builtInChains) {
            this.builtInChains = List.of(builtInChains);
        }

        /** The chains the kernel makes in this table, in iptables-save's order. */
        public List<String> builtInChains() {
            return builtInChains;
        }

        public String token() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
