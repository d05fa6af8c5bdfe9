package io.github.fermmavenplugin.diagnostic;

import java.util.Objects;

/**
 * A value the user wrote (an address, a port, a word of a Dockerfile) that is not one, said where the
 * value is known but not yet where it stands: whoever knows file, line and column turns it into an
 * {@link InvalidInputException} with {@link #at(SourcePosition)}.
 */
public final class InvalidValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String remedy;

    /**
     * @param problem what is wrong, without a trailing full stop ("octet 300 is more than 255")
     * @param remedy what to do, as a sentence ("Write each octet as a number from 0 to 255."); empty
     *     when only the caller knows what to advise
     */
    public InvalidValueException(String problem, String remedy) {
        super(remedy.isEmpty() ? problem : problem + ". " + remedy, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.remedy = Objects.requireNonNull(remedy, "remedy");
    }

    /** A problem whose remedy only the caller can say. */
    public InvalidValueException(String problem) {
        this(problem, "");
    }

    public String problem() {
        return problem;
    }

    public String remedy() {
        return remedy;
    }

    /** The same problem at its place in the user's file. */
    public InvalidInputException at(SourcePosition position) {
        return new InvalidInputException(position, problem, remedy);
    }
}
