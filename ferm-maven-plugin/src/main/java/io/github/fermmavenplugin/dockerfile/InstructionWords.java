package io.github.fermmavenplugin.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How BuildKit cuts the arguments of ENV, LABEL and ARG into words before any expansion: at white space outside
 * quotes, quotes and escape characters kept for the shell lexer, a trailing escape character dropped.
 */
final class InstructionWords {

    /** A {@code name=value} or bare {@code name} word, both still raw. */
    record NameValue(String name, Optional<String> value) {
    }

    private InstructionWords() {
    }

    static List<String> split(String arguments, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean keepEmpty = false;
        char quote = 0;
        int position = 0;
        while (position < arguments.length()) {
            char ch = arguments.charAt(position);
            if (!inWord) {
                if (ShellLexer.isSpace(ch)) {
                    position++;
                    continue;
                }
                inWord = true;
            }
            if (quote == 0) {
                if (ShellLexer.isSpace(ch)) {
                    if (keepEmpty || word.length() > 0) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    keepEmpty = false;
                    inWord = false;
                    position++;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    keepEmpty = true;
                }
                if (ch == escape) {
                    if (position + 1 == arguments.length()) {
                        position++;
                        continue;
                    }
                    word.append(ch);
                    ch = arguments.charAt(++position);
                }
            } else {
                boolean closes = ch == quote;
                if (ch == escape && quote != '\'') {
                    if (position + 1 == arguments.length()) {
                        quote = 0;
                        position++;
                        continue;
                    }
                    word.append(ch);
                    ch = arguments.charAt(++position);
                } else if (closes) {
                    quote = 0;
                }
            }
            word.append(ch);
            position++;
        }
        if (inWord && (keepEmpty || word.length() > 0)) {
            words.add(word.toString());
        }
        return words;
    }

    /** Splits each word at its first '='; a word without one is a bare name. */
    static List<NameValue> nameValues(List<String> words) {
        List<NameValue> pairs = new ArrayList<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            pairs.add(equals < 0
                    ? new NameValue(word, Optional.empty())
                    : new NameValue(word.substring(0, equals), Optional.of(word.substring(equals + 1))));
        }
        return pairs;
    }
}
