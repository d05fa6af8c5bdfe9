package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.descriptor.Located;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import java.util.regex.Pattern;

/** What a kind of name may look like: one check for the value types, one user error for the descriptor. */
record NameGrammar(Pattern pattern, String kind, String remedy) {

    boolean matches(String text) {
        return pattern.matcher(text).matches();
    }

    /** For values that code builds: a name that breaks the grammar here is a bug. */
    String require(String text) {
        if (!matches(text)) {
            throw new IllegalArgumentException("not a " + kind + ": " + text);
        }
        return text;
    }

    /** For a name the user wrote: breaking the grammar is a mistake at its position. */
    String check(Located<String> written) {
        if (!matches(written.value())) {
            throw new InvalidInputException(written.position(),
                    Quoted.of(written.value()) + " is not a usable " + kind, remedy);
        }
        return written.value();
    }
}
