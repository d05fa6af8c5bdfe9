package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The parser directives ({@code # escape=`}, {@code # syntax=...}, {@code # check=...}) BuildKit reads from the
 * top of a Dockerfile: only until the first line that is not one (an instruction, a plain comment, a blank line or
 * an unknown directive), names case-insensitive, each at most once.
 */
final class ParserDirectives {

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
        Directive directive = Directive.of(line);
        if (directive == null) {
            done = true;
            return;
        }
        String name = directive.name().toLowerCase(Locale.ROOT);
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
            String value = directive.value();
            if (!value.equals("\\") && !value.equals("`")) {
                throw new InvalidInputException(position,
                        "the escape character " + Quoted.of(value) + " is neither \\ nor `",
                        "Write '# escape=\\' or '# escape=`'.");
            }
            escape = value.charAt(0);
        }
    }

    /**
     * {@code #name=value}, white space allowed around the name and the '=', trailing white space not part of the
     * value, as the expression {@code ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$} reads it, but in one pass:
     * Java's engine backtracks that expression over long runs of white space.
     */
    private record Directive(String name, String value) {

        static Directive of(String line) {
            if (line.isEmpty() || line.charAt(0) != '#') {
                return null;
            }
            int at = skipSpace(line, 1);
            int nameStart = at;
            if (at == line.length() || !isAsciiLetter(line.charAt(at))) {
                return null;
            }
            while (at < line.length() && (isAsciiLetter(line.charAt(at)) || isAsciiDigit(line.charAt(at)))) {
                at++;
            }
            String name = line.substring(nameStart, at);
            at = skipSpace(line, at);
            if (at == line.length() || line.charAt(at) != '=') {
                return null;
            }
            int afterEquals = at + 1;
            int valueStart = skipSpace(line, afterEquals);
            int valueEnd = line.length();
            while (valueEnd > valueStart && isSpace(line.charAt(valueEnd - 1))) {
                valueEnd--;
            }
            if (valueEnd > valueStart) {
                return new Directive(name, line.substring(valueStart, valueEnd));
            }
            // only white space after '=': the lazy group still takes one character, the last one
            return afterEquals < line.length() ? new Directive(name, line.substring(line.length() - 1)) : null;
        }

        private static int skipSpace(String line, int from) {
            int at = from;
            while (at < line.length() && isSpace(line.charAt(at))) {
                at++;
            }
            return at;
        }

        private static boolean isSpace(char ch) {
            return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r';
        }

        private static boolean isAsciiLetter(char ch) {
            return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
        }

        private static boolean isAsciiDigit(char ch) {
            return ch >= '0' && ch <= '9';
        }
    }
}
