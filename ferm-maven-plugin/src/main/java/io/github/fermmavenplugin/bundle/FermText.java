package io.github.fermmavenplugin.bundle;

import io.github.fermmavenplugin.bundle.BundleReader.NotABundleException;

/**
 * What a bundle read from a repository may hold as ferm text: only the characters the plugin's ferm writer
 * uses, so that a forged bundle cannot smuggle in what ferm executes or expands (backticks, {@code @hook},
 * {@code @include}, {@code $variables}, {@code &functions}) before anyone loads it: {@code ferm:aggregate}
 * runs ferm on the host bundle at build time, and ops run it as root. Words, lists, blocks and rule ends
 * outside quotes; a quoted comment of words and spaces; {@code @} only in {@code @preserve}; {@code #} only
 * as a comment line of plain text. A file of these can still say other rules than its manifest does: the
 * check is about what ferm would run, not what it would let in.
 */
public final class FermText {

    private static final String WORD_PUNCTUATION = "._:/+-";
    private static final String SYNTAX = " (){};!";
    private static final String QUOTED_PUNCTUATION = WORD_PUNCTUATION + " ";
    private static final String COMMENT_PUNCTUATION = WORD_PUNCTUATION + " ,()@";
    private static final String PRESERVE = "@preserve";

    private FermText() {
    }

    /** @throws NotABundleException naming the file, line and column of the first character out of place */
    static void check(BundleFile file) throws NotABundleException {
        byte[] text = file.sharedContent();
        int line = 1;
        int lineStart = 0;
        boolean comment = false;
        boolean quoted = false;
        for (int i = 0; i < text.length; i++) {
            int c = text[i] & 0xff;
            boolean allowed;
            if (c == '\n') {
                allowed = !quoted;
                comment = false;
            } else if (comment) {
                allowed = isAlphanumeric(c) || COMMENT_PUNCTUATION.indexOf(c) >= 0;
            } else if (quoted) {
                quoted = c != '"';
                allowed = !quoted || isAlphanumeric(c) || QUOTED_PUNCTUATION.indexOf(c) >= 0;
            } else if (c == '#') {
                allowed = isBlank(text, lineStart, i);
                comment = true;
            } else if (c == '"') {
                allowed = true;
                quoted = true;
            } else if (c == '@') {
                allowed = startsWord(text, i, PRESERVE);
                i += allowed ? PRESERVE.length() - 1 : 0;
            } else {
                allowed = isAlphanumeric(c) || WORD_PUNCTUATION.indexOf(c) >= 0 || SYNTAX.indexOf(c) >= 0;
            }
            if (!allowed) {
                throw new NotABundleException(file.path() + " line " + line + ", column " + (i - lineStart + 1) + ": "
                        + shown(c) + " is not a character ferm:bundle writes there (ferm runs backticks and"
                        + " @hook, and expands @, $ and &)");
            }
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        if (quoted) {
            throw new NotABundleException(file.path() + " line " + line + ": a quoted string does not end");
        }
    }

    private static boolean isAlphanumeric(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isBlank(byte[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code word} stands at {@code at}, not followed by more of a word ("@preserved"). */
    private static boolean startsWord(byte[] text, int at, String word) {
        if (at + word.length() > text.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text[at + i] != word.charAt(i)) {
                return false;
            }
        }
        int end = at + word.length();
        return end == text.length || !isAlphanumeric(text[end] & 0xff) && WORD_PUNCTUATION.indexOf(text[end]) < 0;
    }

    private static String shown(int c) {
        return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    }
}
