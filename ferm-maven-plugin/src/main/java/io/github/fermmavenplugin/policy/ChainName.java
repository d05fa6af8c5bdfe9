package io.github.fermmavenplugin.policy;

import java.util.regex.Pattern;

/**
 * The name of another tool's iptables chain that the bundle preserves. iptables takes at most 28 characters;
 * the first may not be '-' (iptables would read an option), and nothing ferm gives meaning to is allowed.
 */
public record ChainName(String value) {

    static final NameGrammar GRAMMAR = new NameGrammar(
            Pattern.compile("(?!(?:ACCEPT|DROP|QUEUE|RETURN)$)[A-Za-z0-9_][A-Za-z0-9_.-]{0,27}"), "chain name",
            "Write the chain's name as iptables-save shows it: 1-28 ASCII letters, digits, '_', '.' or '-', not"
                    + " starting with '-', and not a target (ACCEPT, DROP, QUEUE, RETURN).");

    public ChainName {
        GRAMMAR.require(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
