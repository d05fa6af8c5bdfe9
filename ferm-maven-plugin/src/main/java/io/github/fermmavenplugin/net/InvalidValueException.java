package io.github.fermmavenplugin.net;

import java.util.Objects;

/**
 * A value the user wrote (an address, a network, an interface name) that is not one. It knows only the
 * value, not where it was written: the policy layer adds file, line and column by wrapping it into an
 * {@link io.github.fermmavenplugin.diagnostic.InvalidInputException}.
 */
public final class InvalidValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String remedy;

    /**
     * @param problem what is wrong, without a trailing full stop ("octet 300 is more than 255")
     * @param remedy what to do, as a sentence ("Write each octet as a number from 0 to 255.")
     */
    public InvalidValueException(String problem, String remedy) {
        super(remedy.isEmpty() ? problem : problem + ". " + remedy, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.remedy = Objects.requireNonNull(remedy, "remedy");
    }

    public String problem() {
        return problem;
    }

    public String remedy() {
        return remedy;
    }
}
