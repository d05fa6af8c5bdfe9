package io.github.fermmavenplugin.diagnostic;

import java.util.Objects;

/**
 * A mistake in what the user wrote (descriptor, Dockerfile, build parameters), never a bug of ours.
 * It names where the mistake is, what is wrong and what to do about it, so that the build can stop
 * with that message alone and no stack trace.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SourcePosition position;
    private final String problem;
    private final String remedy;

    /**
     * Both texts should show user values through {@link Quoted#of(String)}; as a last line of defence, any
     * character outside printable ASCII left in them is written as its code point, so that no message can
     * carry a line break, a control character or a look-alike into the build log.
     *
     * @param problem what is wrong, without a trailing full stop ("port 70000 is outside 1-65535")
     * @param remedy what to do, as a sentence ("Use a port from 1 to 65535."); empty when obvious
     */
    public InvalidInputException(SourcePosition position, String problem, String remedy) {
        super(format(position, Quoted.printable(problem), Quoted.printable(remedy)), null, false, false);
        this.position = Objects.requireNonNull(position, "position");
        this.problem = Quoted.printable(problem);
        this.remedy = Quoted.printable(remedy);
    }

    /**
     * A mistake in a build parameter (the POM's configuration, a {@code -D} property): there is no file
     * position to name, so the problem names the parameter.
     */
    public InvalidInputException(String problem, String remedy) {
        super(format(null, Quoted.printable(problem), Quoted.printable(remedy)), null, false, false);
        this.position = null;
        this.problem = Quoted.printable(problem);
        this.remedy = Quoted.printable(remedy);
    }

    /** Where the mistake is; null for a build parameter's. */
    public SourcePosition position() {
        return position;
    }

    public String problem() {
        return problem;
    }

    public String remedy() {
        return remedy;
    }

    private static String format(SourcePosition position, String problem, String remedy) {
        String where = position == null ? "" : position + ": ";
        return remedy.isEmpty() ? where + problem : where + problem + ". " + remedy;
    }
}
