package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One Dockerfile instruction after line continuation, comments and heredoc bodies are dealt with.
 *
 * @param file the Dockerfile it was read from: with line, column and origin, the source context of its positions
 * @param keyword lowercase ("expose"), as BuildKit compares it
 * @param flags the leading {@code --name=value} words, as written
 * @param arguments the rest of the instruction, trimmed, quotes and variables untouched
 * @param line 1-based line of the keyword
 * @param column 1-based column of the keyword
 * @param origin where each piece of the joined instruction text came from, to point at a word in it
 * @param argumentsOffset where {@code arguments} starts in the joined instruction text
 */
record Instruction(Path file, String keyword, List<String> flags, String arguments, int line, int column,
        List<LineSegment> origin, int argumentsOffset) {

    /** A piece of the joined instruction text that starts at {@code offset} and came from line:column. */
    record LineSegment(int offset, int line, int column) {
    }

    Instruction {
        flags = List.copyOf(flags);
        origin = List.copyOf(origin);
    }

    /** Where the keyword stands. */
    SourcePosition position() {
        return new SourcePosition(file, line, column);
    }

    /** The keyword as users write it, for messages. */
    String name() {
        return keyword.toUpperCase(Locale.ROOT);
    }

    /**
     * Positions of characters of {@link #arguments()}, asked for from left to right: the cursor only moves forward
     * over the segments, so that all the words of an instruction continued over many lines cost one pass.
     */
    Positions positions(WorkBudget budget) {
        return new Positions(budget);
    }

    final class Positions {
        private final WorkBudget budget;
        private int segment;

        private Positions(WorkBudget budget) {
            this.budget = budget;
        }

        /** Where the character at {@code index} in the arguments stands in the file. */
        SourcePosition at(int index) {
            int offset = argumentsOffset + index;
            if (origin.isEmpty()) {
                return new SourcePosition(file, line, column + Math.max(0, offset));
            }
            if (origin.get(segment).offset() > offset) {
                segment = 0; // asked for an earlier character: start over
            }
            while (segment + 1 < origin.size() && origin.get(segment + 1).offset() <= offset) {
                budget.spend(1, "finding the positions of its words takes too long");
                segment++;
            }
            LineSegment found = origin.get(segment);
            return new SourcePosition(file, found.line(), found.column() + Math.max(0, offset - found.offset()));
        }
    }
}
