package io.github.fermmavenplugin.descriptor;

import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.util.Objects;

/**
 * A value from the descriptor and where it was written, so that every later check can point at it.
 *
 * @param value null where the key is present without a value ({@code ports:})
 */
public record Located<T>(T value, SourcePosition position) {

    public Located {
        Objects.requireNonNull(position, "position");
    }

    public boolean isEmpty() {
        return value == null;
    }
}
