package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Quote removal and variable expansion of one Dockerfile word, as BuildKit's shell lexer does it (not a
 * real shell: no command substitution, no globbing, no arithmetic).
 *
 * <p>Supported: {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-w}}, {@code ${NAME-w}}, {@code ${NAME:+w}},
 * {@code ${NAME+w}}, {@code ${NAME:?msg}}, {@code ${NAME?msg}}, {@code ${NAME#p}}, {@code ${NAME##p}},
 * {@code ${NAME%p}}, {@code ${NAME%%p}}, {@code ${NAME/p/r}}, {@code ${NAME//p/r}}; single quotes keep
 * everything literal, double quotes expand {@code $} and let the escape character protect {@code "},
 * {@code $} and itself; outside quotes the escape character protects any character.
 *
 * <p>What the expansions produce and the patterns' steps are charged to a {@link WorkBudget}, so that values
 * doubled by ENV and hostile patterns end in an error instead of a hang.
 */
final class ShellLexer {

    /** How the lexer treats quotes, escapes and unset variables; BuildKit's heredoc detection needs all three. */
    record Mode(boolean rawQuotes, boolean rawEscapes, boolean keepUnsetReferences) {
        static final Mode EXPAND = new Mode(false, false, false);
    }

    /**
     * @param word the whole text as one word, quotes removed, inner spaces kept
     * @param words the text split at unquoted white space (also inside expanded values), as EXPOSE reads it
     * @param unsetVariables the variables referenced that had no value, for messages
     * @param emptyVariables the variables referenced that were set to the empty string, for messages
     * @param conditional whether a ${NAME-word} or ${NAME+word} form was used: an empty result may be deliberate
     * @param usedVariables the variables referenced that had a value, with it, in the order first referenced
     */
    record Expansion(String word, List<String> words, Set<String> unsetVariables, Set<String> emptyVariables,
            boolean conditional, Map<String, String> usedVariables) {
    }

    /** Nested ${...} deeper than this is no real Dockerfile, and would otherwise overflow our stack. */
    static final int MAX_NESTING = 64;
    /** An expansion longer than this is a runaway (ENV a=$a$a ...), not a port or a label. */
    static final int MAX_LENGTH = 1024 * 1024;

    private static final int EOF = -1;

    private final char escape;
    private final Mode mode;
    private final Map<String, String> variables;
    private final WorkBudget budget;
    /** Made when the first such variable is met: most expansions meet none. */
    private Set<String> unset;
    private Set<String> empty;
    private Map<String, String> used;
    private boolean conditional;
    private String text;
    private int position;
    private int nesting;

    private ShellLexer(char escape, Mode mode, Map<String, String> variables, WorkBudget budget) {
        this.escape = escape;
        this.mode = mode;
        this.variables = variables;
        this.budget = budget;
    }

    /** One word on its own, with a budget of its own. */
    static Expansion expand(String text, Map<String, String> variables, char escape) {
        return expand(text, variables, escape, Mode.EXPAND, WorkBudget.standard());
    }

    static Expansion expand(String text, Map<String, String> variables, char escape, Mode mode,
            WorkBudget budget) {
        if (isLiteral(text, escape)) {
            return new Expansion(text, literalWords(text), Set.of(), Set.of(), false, Map.of());
        }
        ShellLexer lexer = new ShellLexer(escape, mode, variables, budget);
        lexer.text = text;
        lexer.position = 0;
        Segment whole = lexer.processUntil(EOF, mode.rawEscapes());
        return new Expansion(whole.text(), whole.words(), copyOf(lexer.unset), copyOf(lexer.empty),
                lexer.conditional, lexer.used == null ? Map.of() : Collections.unmodifiableMap(lexer.used));
    }

    /** Text without quotes, escapes and {@code $} is its own expansion in every mode: most words of a Dockerfile. */
    private static boolean isLiteral(String text, char escape) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '$' || ch == '\'' || ch == '"' || ch == escape) {
                return false;
            }
        }
        return true;
    }

    private static List<String> literalWords(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isSpace(text.charAt(i))) {
                WordSplitter words = new WordSplitter();
                words.addSplitting(text);
                return words.finish();
            }
        }
        return text.isEmpty() ? List.of() : List.of(text);
    }

    private static Set<String> copyOf(Set<String> names) {
        return names == null ? Set.of() : Set.copyOf(names);
    }

    private record Segment(String text, List<String> words) {
    }

    private int peek() {
        return position < text.length() ? text.charAt(position) : EOF;
    }

    private int next() {
        return position < text.length() ? text.charAt(position++) : EOF;
    }

    private Segment processUntil(int stop, boolean rawEscapes) {
        StringBuilder result = new StringBuilder();
        WordSplitter words = new WordSplitter();
        while (peek() != EOF) {
            int ch = peek();
            if (stop != EOF && ch == stop) {
                next();
                return new Segment(result.toString(), words.finish());
            }
            if (ch == '$') {
                String value = processDollar();
                append(result, value);
                words.addSplitting(value);
            } else if (ch == '\'') {
                String value = processSingleQuote();
                append(result, value);
                words.addWhole(value);
            } else if (ch == '"') {
                String value = processDoubleQuote(rawEscapes);
                append(result, value);
                words.addWhole(value);
            } else {
                next();
                if (ch == escape) {
                    if (rawEscapes) {
                        words.addWhole(String.valueOf((char) ch));
                        result.append((char) ch);
                    }
                    int escaped = next();
                    if (escaped == EOF) {
                        break; // a trailing escape character vanishes
                    }
                    words.addWhole(String.valueOf((char) escaped));
                    result.append((char) escaped);
                } else {
                    words.addChar((char) ch);
                    result.append((char) ch);
                }
            }
        }
        if (stop != EOF) {
            throw new InvalidValueException("missing '" + (char) stop + "' in a ${...} expression");
        }
        return new Segment(result.toString(), words.finish());
    }

    private void append(StringBuilder result, String value) {
        budget.spend(value.length(), "the expansions produce too much text");
        if (result.length() + value.length() > MAX_LENGTH) {
            throw new InvalidValueException("expands to more than " + MAX_LENGTH + " characters");
        }
        result.append(value);
    }

    private String processSingleQuote() {
        StringBuilder result = new StringBuilder();
        int quote = next();
        if (mode.rawQuotes()) {
            result.append((char) quote);
        }
        while (true) {
            int ch = next();
            if (ch == EOF) {
                throw new InvalidValueException("a single quote (') is not closed");
            }
            if (ch == '\'') {
                if (mode.rawQuotes()) {
                    result.append('\'');
                }
                return result.toString();
            }
            result.append((char) ch);
        }
    }

    private String processDoubleQuote(boolean rawEscapes) {
        StringBuilder result = new StringBuilder();
        int quote = next();
        if (mode.rawQuotes()) {
            result.append((char) quote);
        }
        while (true) {
            int ch = peek();
            if (ch == EOF) {
                throw new InvalidValueException("a double quote (\") is not closed");
            }
            if (ch == '"') {
                next();
                if (mode.rawQuotes()) {
                    result.append('"');
                }
                return result.toString();
            }
            if (ch == '$') {
                append(result, processDollar());
                continue;
            }
            next();
            if (ch == escape) {
                if (rawEscapes) {
                    result.append((char) ch);
                }
                int following = peek();
                if (following == EOF) {
                    continue;
                }
                if (following == '"' || following == '$' || following == escape) {
                    ch = next();
                }
            }
            result.append((char) ch);
        }
    }

    private String processDollar() {
        next();
        if (peek() != '{') {
            String name = processName();
            if (name.isEmpty()) {
                return "$";
            }
            return lookup(name).orElseGet(() -> mode.keepUnsetReferences() ? "$" + name : "");
        }
        next();
        int first = peek();
        if (first == EOF) {
            throw new InvalidValueException("missing '}' in a ${...} expression");
        }
        if (first == '{' || first == '}' || first == ':') {
            throw new InvalidValueException("bad substitution: ${" + (char) first + " is not a variable reference");
        }
        if (++nesting > MAX_NESTING) {
            throw new InvalidValueException("${...} expressions are nested more than " + MAX_NESTING + " deep");
        }
        try {
            return processBraced(processName());
        } finally {
            nesting--;
        }
    }

    private String processBraced(String name) {
        int ch = next();
        switch (ch) {
            case '}':
                return lookup(name).orElseGet(() -> mode.keepUnsetReferences() ? "${" + name + "}" : "");
            case ':': {
                int modifier = next();
                // BuildKit refuses ${NAME:#p} and ${NAME:%p} (so also :## and :%%) before reading the pattern
                if (modifier != '-' && modifier != '+' && modifier != '?') {
                    throw unsupportedModifier(name, ":" + (modifier == EOF ? "" : String.valueOf((char) modifier)));
                }
                return applyModifier(name, (char) modifier, true);
            }
            case '-', '+', '?', '#', '%':
                return applyModifier(name, (char) ch, false);
            case '/':
                return replacePattern(name);
            case EOF:
                throw new InvalidValueException("missing '}' in a ${...} expression");
            default:
                throw unsupportedModifier(name, String.valueOf((char) ch));
        }
    }

    private static InvalidValueException unsupportedModifier(String name, String modifier) {
        return new InvalidValueException("unsupported modifier (" + modifier + ") in ${" + name + "...} (variable "
                + name + ")", "Write ${" + name + "}, ${" + name + ":-default}, ${" + name + ":+word}, ${" + name
                + ":?message}, ${" + name + "#pattern}, ${" + name + "%pattern} or ${" + name + "/pattern/text}.");
    }

    private static InvalidValueException aboutVariable(String problem, String name) {
        return new InvalidValueException(problem + " (variable " + name + ")",
                "Give " + name + " a value (ARG default, ENV or 'buildArgs').");
    }

    private String applyModifier(String name, char modifier, boolean emptyIsUnset) {
        boolean patternOperation = modifier == '#' || modifier == '%';
        String word = processUntil('}', patternOperation).text();
        Optional<String> current = lookup(name);
        if (mode.keepUnsetReferences() && current.isEmpty()) {
            return "${" + name + (emptyIsUnset ? ":" : "") + modifier + word + "}";
        }
        boolean missing = current.isEmpty() || (emptyIsUnset && current.get().isEmpty());
        conditional |= modifier == '-' || modifier == '+';
        switch (modifier) {
            case '-':
                return missing ? word : current.get();
            case '+':
                return missing ? "" : word;
            case '?':
                if (missing) {
                    String defaultMessage =
                            current.isEmpty() ? "is not allowed to be unset" : "is not allowed to be empty";
                    throw aboutVariable(name + ": " + (word.isEmpty() ? defaultMessage : word), name);
                }
                return current.get();
            default: {
                boolean longest = !word.isEmpty() && word.charAt(0) == modifier;
                ShellPattern pattern = ShellPattern.compile(longest ? word.substring(1) : word);
                String value = current.orElse("");
                return modifier == '#'
                        ? pattern.removePrefix(value, longest, budget)
                        : pattern.removeSuffix(value, longest, budget);
            }
        }
    }

    private String replacePattern(String name) {
        boolean all = peek() == '/';
        if (all) {
            next();
        }
        String pattern = processUntilOrMissing('/', "missing '/' in ${" + name + "/...}");
        String replacement = processUntilOrMissing('}', "missing '}' in a ${...} expression");
        Optional<String> current = lookup(name);
        if (mode.keepUnsetReferences() && current.isEmpty()) {
            return "${" + name + "/" + pattern + "/" + replacement + "}";
        }
        String result = ShellPattern.compile(pattern).replace(current.orElse(""), replacement, all, budget);
        if (result.length() > MAX_LENGTH) {
            throw new InvalidValueException("expands to more than " + MAX_LENGTH + " characters");
        }
        return result;
    }

    private String processUntilOrMissing(char stop, String missingMessage) {
        try {
            return processUntil(stop, true).text();
        } catch (InvalidValueException e) {
            if (peek() == EOF) {
                throw new InvalidValueException(missingMessage);
            }
            throw e;
        }
    }

    /** A name, a run of digits (positional parameter) or one special parameter character. */
    private String processName() {
        StringBuilder name = new StringBuilder();
        while (peek() != EOF) {
            char ch = (char) peek();
            if (name.length() == 0 && Character.isDigit(ch)) {
                while (peek() != EOF && Character.isDigit((char) peek())) {
                    name.append((char) next());
                }
                return name.toString();
            }
            if (name.length() == 0 && isSpecialParameter(ch)) {
                next();
                return String.valueOf(ch);
            }
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                break;
            }
            name.append((char) next());
        }
        return name.toString();
    }

    private static boolean isSpecialParameter(char ch) {
        return "@*#?-$!0".indexOf(ch) >= 0;
    }

    private Optional<String> lookup(String name) {
        String value = variables.get(name);
        if (value == null) {
            unset = unset == null ? new LinkedHashSet<>() : unset;
            unset.add(name);
        } else if (value.isEmpty()) {
            empty = empty == null ? new LinkedHashSet<>() : empty;
            empty.add(name);
        } else {
            used = used == null ? new LinkedHashMap<>() : used;
            used.putIfAbsent(name, value);
        }
        return Optional.ofNullable(value);
    }

    /** Builds the word list: text from quotes and escapes never splits, text from plain characters and $ does. */
    private static final class WordSplitter {
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean inWord;

        void addChar(char ch) {
            if (isSpace(ch)) {
                if (inWord && word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(ch);
                inWord = true;
            }
        }

        void addSplitting(String value) {
            for (int i = 0; i < value.length(); i++) {
                addChar(value.charAt(i));
            }
        }

        void addWhole(String value) {
            word.append(value);
            inWord = true;
        }

        List<String> finish() {
            if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
            return List.copyOf(words);
        }
    }

    /** White space as Go's unicode.IsSpace sees it. */
    static boolean isSpace(char ch) {
        return switch (ch) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0' -> true;
            default -> ch > '\u00FF' && Character.isSpaceChar(ch);
        };
    }
}
