package io.github.fermmavenplugin.policy;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name of another tool's iptables chain that the bundle preserves. iptables takes at most 28 characters;
 * the first may not be '-' (iptables would read an option), and nothing ferm gives meaning to is allowed.
 * Nor may it be a target extension's name: iptables-restore declares such a chain without a word, and from then
 * on {@code -j LOG} jumps to the empty chain, so the target's options ({@code --log-prefix}) fail the whole load.
 */
public record ChainName(String value) {

    static final NameGrammar GRAMMAR = new NameGrammar(
            Pattern.compile("(?!(?:ACCEPT|DROP|QUEUE|RETURN)$)[A-Za-z0-9_][A-Za-z0-9_.-]{0,27}"), "chain name",
            "Write the chain's name as iptables-save shows it: 1-28 ASCII letters, digits, '_', '.' or '-', not"
                    + " starting with '-', and not a target (ACCEPT, DROP, QUEUE, RETURN, LOG, REJECT, ...).");

    /**
     * The target extensions of iptables 1.8 whose names {@code iptables -N} or {@code ip6tables -N} refuses; a
     * preserved chain is declared in both domains.
     */
    static final Set<String> TARGET_EXTENSIONS = Set.of("AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP", "CONNMARK",
            "CONNSECMARK", "CT", "DNAT", "DNPT", "DSCP", "ECN", "HL", "HMARK", "IDLETIMER", "LED", "LOG", "MARK",
            "MASQUERADE", "NETMAP", "NFLOG", "NFQUEUE", "NOTRACK", "RATEEST", "REDIRECT", "REJECT", "SECMARK", "SET",
            "SNAT", "SNPT", "SYNPROXY", "TCPMSS", "TCPOPTSTRIP", "TEE", "TOS", "TPROXY", "TRACE", "TTL", "ULOG",
            "standard");

    public ChainName {
        GRAMMAR.require(value);
        if (TARGET_EXTENSIONS.contains(value)) {
            throw new IllegalArgumentException("a target's name, not a chain's: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
