package io.github.fermmavenplugin.dockerfile;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code docker build} would be told besides the Dockerfile.
 *
 * @param target the stage to read, as {@code --target}; empty for the last stage
 * @param buildArgs as {@code --build-arg NAME=value}: they override ARG defaults
 */
public record BuildOptions(Optional<String> target, Map<String, String> buildArgs) {

    public static final BuildOptions DEFAULT = new BuildOptions(Optional.empty(), Map.of());

    public BuildOptions {
        Objects.requireNonNull(target, "target");
        buildArgs = Map.copyOf(buildArgs);
    }
}
