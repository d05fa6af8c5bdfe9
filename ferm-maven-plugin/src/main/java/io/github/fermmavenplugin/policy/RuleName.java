package io.github.fermmavenplugin.policy;

import java.util.regex.Pattern;

/** A rule's label; it shows in the rule's comment in iptables. */
public record RuleName(String value) {

    static final NameGrammar GRAMMAR = new NameGrammar(Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}"), "rule name",
            "Use 1-63 characters: lowercase letters and digits first, then also '.', '_' or '-'.");

    public RuleName {
        GRAMMAR.require(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
