package io.github.fermmavenplugin.ferm;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The one place that writes ferm text. It accepts tokens only from a whitelist, and adds the
 * punctuation itself, so that no value can ever become ferm syntax: ferm runs backticks as shell
 * commands even with {@code --noexec}, expands {@code $} and {@code @}, and drops characters it does
 * not know without a word. Policy already validated every value; this is defence in depth, and a
 * refused token is a bug of ours, not a user error.
 */
final class FermWriter {

    /**
     * Keywords, chain names, interface names, addresses, ports: nothing ferm gives meaning to inside. IPv6
     * networks may start with "::" (::/0, ::1/128).
     */
    static final Pattern WORD = Pattern.compile("(?:[A-Za-z0-9]|::)[A-Za-z0-9._:/+-]*");
    /** The text of a quoted string: the same, plus spaces; never a quote, backslash, '$' or '@'. */
    static final Pattern QUOTED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+ -]*");
    /** A comment line's text: for people, and still nothing that could end the line or the comment. */
    private static final Pattern COMMENT = Pattern.compile("[A-Za-z0-9 .,:/+_()@-]*");
    private static final String INDENT = "    ";

    private final StringBuilder text = new StringBuilder();
    private int depth;

    /** A rule or declaration, built from whitelisted tokens. */
    static final class Statement {

        private final StringBuilder tokens = new StringBuilder();

        Statement word(String word) {
            if (!isWord(word)) {
                throw refused(word);
            }
            return append(word);
        }

        Statement words(String... words) {
            for (String word : words) {
                word(word);
            }
            return this;
        }

        /** One word alone, several as ferm's list {@code (a b c)}, which ferm expands into one rule each. */
        Statement list(Collection<String> words) {
            if (words.isEmpty()) {
                throw new IllegalArgumentException("an empty ferm list matches nothing");
            }
            if (words.size() == 1) {
                return word(words.iterator().next());
            }
            separate();
            tokens.append('(');
            String separator = "";
            for (String word : words) {
                if (!isWord(word)) {
                    throw refused(word);
                }
                tokens.append(separator).append(word);
                separator = " ";
            }
            tokens.append(')');
            return this;
        }

        Statement quoted(String value) {
            if (!isQuotable(value)) {
                throw refused(value);
            }
            separate();
            tokens.append('"').append(value).append('"');
            return this;
        }

        /** Another statement's tokens, already checked, after this one's. */
        Statement then(Statement other) {
            return append(other.tokens);
        }

        /** ferm's negation of the match that follows. */
        Statement not() {
            return append("!");
        }

        /** {@code @preserve}: keep the chain's current rules, as ferm 2.4 and later can. */
        Statement preserve() {
            return append("@preserve");
        }

        private Statement append(CharSequence token) {
            separate();
            tokens.append(token);
            return this;
        }

        private void separate() {
            if (!tokens.isEmpty()) {
                tokens.append(' ');
            }
        }

        private static String check(Pattern grammar, String token) {
            if (!grammar.matcher(token).matches()) {
                throw refused(token);
            }
            return token;
        }

        /**
         * {@link #WORD} by hand: every rule's source, port and keyword is checked, and a regex matcher per token
         * was the renderer's largest cost.
         */
        static boolean isWord(String token) {
            int start = token.startsWith("::") ? 2 : 1;
            if (token.isEmpty() || start == 1 && !isLetterOrDigit(token.charAt(0))) {
                return false;
            }
            for (int i = start; i < token.length(); i++) {
                char c = token.charAt(i);
                if (!isLetterOrDigit(c) && "._:/+-".indexOf(c) < 0) {
                    return false;
                }
            }
            return true;
        }

        /** {@link #QUOTED} by hand, for the same reason: every rule's comment is checked. */
        static boolean isQuotable(String text) {
            if (text.isEmpty() || !isLetterOrDigit(text.charAt(0))) {
                return false;
            }
            for (int i = 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!isLetterOrDigit(c) && "._:/+ -".indexOf(c) < 0) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isLetterOrDigit(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
        }

        private static IllegalArgumentException refused(String token) {
            return new IllegalArgumentException("refusing to write '" + token + "' into ferm text");
        }
    }

    static Statement statement(String... words) {
        return new Statement().words(words);
    }

    FermWriter comment(String comment) {
        line(comment.isEmpty() ? "#" : "# " + Statement.check(COMMENT, comment));
        return this;
    }

    /** {@code statement;}, or {@code parts;}: the statements' tokens one after another, the empty ones left out. */
    FermWriter rule(Statement... parts) {
        StringBuilder line = indent();
        String separator = "";
        for (Statement part : parts) {
            if (!part.tokens.isEmpty()) {
                line.append(separator).append(part.tokens);
                separator = " ";
            }
        }
        line.append(";\n");
        return this;
    }

    /** {@code statement {}, the writer's next lines inside until {@link #close()}. */
    FermWriter open(Statement statement) {
        indent().append(statement.tokens).append(" {\n");
        depth++;
        return this;
    }

    FermWriter close() {
        if (depth == 0) {
            throw new IllegalStateException("no block to close");
        }
        depth--;
        line("}");
        return this;
    }

    String text() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " block(s) left open");
        }
        return text.toString();
    }

    private void line(String line) {
        indent().append(line).append('\n');
    }

    private StringBuilder indent() {
        for (int level = 0; level < depth; level++) {
            text.append(INDENT);
        }
        return text;
    }
}
