package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.dockerfile.BuildOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code ferm:check} and {@code ferm:bundle} read, parsed once from the build's parameters.
 *
 * @param fallbackService the service name when neither the descriptor nor the image title gives one
 * @param maxRules the most iptables rules the bundle may make
 */
public record AnalysisParameters(Path descriptor, Path dockerfile, BuildOptions build, String fallbackService,
        int maxRules) {

    public AnalysisParameters {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(fallbackService, "fallbackService");
    }

    /**
     * @param target the stage, as {@code docker build --target}; null or blank for the last one
     * @param buildArgs as {@code docker build --build-arg}; may be null, but no value in it may be
     * @throws InvalidInputException for a build argument without value or a maxRules below 1
     */
    public static AnalysisParameters parse(Path descriptor, Path dockerfile, String target,
            Map<String, String> buildArgs, String fallbackService, int maxRules) {
        if (maxRules < 1) {
            throw new InvalidInputException("ferm.maxRules is " + maxRules,
                    "Give the most iptables rules a bundle may make, 1 or more (10000 when not set).");
        }
        BuildOptions build = new BuildOptions(Optional.ofNullable(target).filter(t -> !t.isBlank()),
                buildArgs(buildArgs));
        return new AnalysisParameters(descriptor, dockerfile, build, fallbackService, maxRules);
    }

    private static Map<String, String> buildArgs(Map<String, String> buildArgs) {
        if (buildArgs == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> arg : buildArgs.entrySet()) {
            if (arg.getValue() == null) {
                throw new InvalidInputException("buildArgs: '" + arg.getKey() + "' has no value",
                        "Give it one, as --build-arg NAME=value does, or remove it.");
            }
        }
        return buildArgs;
    }
}
