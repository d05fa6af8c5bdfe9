package io.github.fermmavenplugin.dockerfile;

import java.util.Optional;

/**
 * A word the shell lexer cannot expand. Carries no position: the caller knows the instruction and turns
 * it into an {@link io.github.fermmavenplugin.diagnostic.InvalidInputException}.
 */
final class ExpansionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String variable;

    ExpansionException(String problem) {
        this(problem, null);
    }

    ExpansionException(String problem, String variable) {
        super(problem, null, false, false);
        this.variable = variable;
    }

    /** The variable the problem is about, when there is one ({@code ${PORT:?}}). */
    Optional<String> variable() {
        return Optional.ofNullable(variable);
    }
}
