package io.github.fermmavenplugin.policy;

import java.util.regex.Pattern;

/** A rule's label; it shows in the rule's comment in iptables. */
public record RuleName(String value) {

    public static final Pattern GRAMMAR = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public RuleName {
        if (!GRAMMAR.matcher(value).matches()) {
            throw new IllegalArgumentException("not a rule name: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
