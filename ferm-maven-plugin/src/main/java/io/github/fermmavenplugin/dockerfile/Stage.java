package io.github.fermmavenplugin.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * One build stage: its FROM and the instructions up to the next FROM.
 *
 * @param index 0-based, as {@code COPY --from=0} counts
 * @param name lowercase, as BuildKit stores it
 * @param baseImage the FROM argument before expansion ({@code eclipse-temurin:${JAVA}} or an earlier stage's name)
 */
record Stage(int index, Optional<String> name, Instruction from, String baseImage, List<Instruction> body) {

    Stage {
        body = List.copyOf(body);
    }

    /** The name, or the index as text: what {@link ImageMetadata#stage()} reports. */
    String label() {
        return name.orElse(Integer.toString(index));
    }
}
