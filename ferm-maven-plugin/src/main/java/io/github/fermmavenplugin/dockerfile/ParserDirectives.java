package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parser directives ({@code # escape=`}, {@code # syntax=...}, {@code # check=...}) BuildKit reads from the
 * top of a Dockerfile: only until the first line that is not one (an instruction, a plain comment, a blank line or
 * an unknown directive), names case-insensitive, each at most once.
 */
final class ParserDirectives {

    private static final String SPACE = "[ \\t\\n\\f\\r]*";
    private static final Pattern DIRECTIVE = Pattern.compile(
            "^#" + SPACE + "([a-zA-Z][a-zA-Z0-9]*)" + SPACE + "=" + SPACE + "(.+?)" + SPACE + "$", Pattern.DOTALL);
    private static final Set<String> KNOWN = Set.of("escape", "syntax", "check");

    private final Path file;
    private final Set<String> seen = new HashSet<>();
    private boolean done;
    private char escape = '\\';

    ParserDirectives(Path file) {
        this.file = file;
    }

    char escape() {
        return escape;
    }

    /** Looks at one line (leading white space already removed) while directives may still come. */
    void consider(String line, int lineNumber) {
        if (done) {
            return;
        }
        Matcher matcher = DIRECTIVE.matcher(line);
        if (!matcher.matches()) {
            done = true;
            return;
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(name)) {
            done = true; // an unknown directive is a comment, and ends the directives
            return;
        }
        SourcePosition position = new SourcePosition(file, lineNumber, 1);
        if (!seen.add(name)) {
            throw new InvalidInputException(position, "the '" + name + "' parser directive is given twice",
                    "Keep one '# " + name + "=...' line at the top of the Dockerfile.");
        }
        if (name.equals("escape")) {
            String value = matcher.group(2);
            if (!value.equals("\\") && !value.equals("`")) {
                throw new InvalidInputException(position, "the escape character '" + value + "' is neither \\ nor `",
                        "Write '# escape=\\' or '# escape=`'.");
            }
            escape = value.charAt(0);
        }
    }
}
