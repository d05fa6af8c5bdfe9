package io.github.fermmavenplugin.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --name=value} words that may follow an instruction's keyword ({@code FROM --platform=...}).
 *
 * @param flags each flag as written, a value given as the next word ({@code --platform linux/amd64}) joined with
 *     '=' as BuildKit does
 * @param rest the instruction's arguments after the flags
 */
record BuilderFlags(List<String> flags, String rest) {

    BuilderFlags {
        flags = List.copyOf(flags);
    }

    static BuilderFlags extract(String text) {
        List<String> flags = new ArrayList<>();
        int position = 0;
        boolean valueExpected = false;
        while (true) {
            while (position < text.length() && ShellLexer.isSpace(text.charAt(position))) {
                position++;
            }
            if (position == text.length()) {
                return new BuilderFlags(flags, "");
            }
            if (!valueExpected && !text.startsWith("--", position)) {
                return new BuilderFlags(flags, text.substring(position));
            }
            int end = wordEnd(text, position);
            String word = text.substring(position, end);
            if (valueExpected) {
                flags.set(flags.size() - 1, flags.get(flags.size() - 1) + "=" + word);
                valueExpected = false;
            } else if (word.equals("--")) {
                return new BuilderFlags(flags, text.substring(end));
            } else {
                flags.add(word);
                valueExpected = !word.contains("=");
            }
            position = end;
        }
    }

    /** A flag word ends at white space outside quotes; a backslash keeps the next character in the word. */
    private static int wordEnd(String text, int start) {
        char quote = 0;
        int position = start;
        while (position < text.length()) {
            char ch = text.charAt(position);
            if (quote == 0 && ShellLexer.isSpace(ch)) {
                return position;
            }
            if (ch == '\\') {
                position++;
            } else if (quote == 0 && (ch == '\'' || ch == '"')) {
                quote = ch;
            } else if (ch == quote) {
                quote = 0;
            }
            position++;
        }
        return Math.min(position, text.length());
    }

    /** A flag's name, without leading dashes or value. */
    static String nameOf(String flag) {
        String withoutDashes = flag.substring(2);
        int equals = withoutDashes.indexOf('=');
        return equals < 0 ? withoutDashes : withoutDashes.substring(0, equals);
    }
}
