package io.github.fermmavenplugin.dockerfile;

import java.util.List;

/**
 * One Dockerfile instruction after line continuation, comments and heredoc bodies are dealt with.
 *
 * @param keyword lowercase ("expose"), as BuildKit compares it
 * @param flags the leading {@code --name=value} words, as written
 * @param arguments the rest of the instruction, trimmed, quotes and variables untouched
 * @param line 1-based line of the keyword
 * @param column 1-based column of the keyword
 */
record Instruction(String keyword, List<String> flags, String arguments, int line, int column) {

    Instruction {
        flags = List.copyOf(flags);
    }

    /** The keyword as users write it, for messages. */
    String name() {
        return keyword.toUpperCase(java.util.Locale.ROOT);
    }
}
