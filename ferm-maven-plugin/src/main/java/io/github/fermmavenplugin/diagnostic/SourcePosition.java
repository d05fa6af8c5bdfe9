package io.github.fermmavenplugin.diagnostic;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where something stands in a user's file, as editors count: line and column start at 1. A column of
 * 0 means only the line is known; a line of 0 means the whole file.
 */
public record SourcePosition(Path file, int line, int column) {

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative position " + line + ":" + column);
        }
    }

    public static SourcePosition wholeFile(Path file) {
        return new SourcePosition(file, 0, 0);
    }

    public static SourcePosition line(Path file, int line) {
        return new SourcePosition(file, line, 0);
    }

    @Override
    public String toString() {
        if (line == 0) {
            return file.toString();
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
