package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One Dockerfile instruction after line continuation, comments and heredoc bodies are dealt with.
 *
 * @param keyword lowercase ("expose"), as BuildKit compares it
 * @param flags the leading {@code --name=value} words, as written
 * @param arguments the rest of the instruction, trimmed, quotes and variables untouched
 * @param line 1-based line of the keyword
 * @param column 1-based column of the keyword
 * @param origin where each piece of the joined instruction text came from, to point at a word in it
 * @param argumentsOffset where {@code arguments} starts in the joined instruction text
 */
record Instruction(String keyword, List<String> flags, String arguments, int line, int column,
        List<LineSegment> origin, int argumentsOffset) {

    /** A piece of the joined instruction text that starts at {@code offset} and came from line:column. */
    record LineSegment(int offset, int line, int column) {
    }

    Instruction {
        flags = List.copyOf(flags);
        origin = List.copyOf(origin);
    }

    /** The keyword as users write it, for messages. */
    String name() {
        return keyword.toUpperCase(Locale.ROOT);
    }

    /**
     * Where the character at {@code index} in {@link #arguments()} stands in the file: a binary search over the
     * segments, so that an instruction continued over many lines costs no more per word than a short one.
     */
    SourcePosition positionOf(Path file, int index) {
        int offset = argumentsOffset + index;
        LineSegment segment = new LineSegment(0, line, column);
        int low = 0;
        int high = origin.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (origin.get(middle).offset() <= offset) {
                segment = origin.get(middle);
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return new SourcePosition(file, segment.line(), segment.column() + Math.max(0, offset - segment.offset()));
    }
}
