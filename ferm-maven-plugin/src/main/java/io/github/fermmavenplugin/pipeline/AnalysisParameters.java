package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
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
     * @throws InvalidInputException for a build argument without value or with half a surrogate pair, or a
     *     maxRules below 1
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
            refuseHalfSurrogatePair(arg.getKey(), arg.getKey());
            refuseHalfSurrogatePair(arg.getKey(), arg.getValue());
        }
        return buildArgs;
    }

    /**
     * A Dockerfile, a docker build and UTF-8 cannot carry half a surrogate pair: the build fingerprint would read
     * every such half as the same '?'. A POM cannot hold one (XML refuses {@code &#xD800;}); callers of this API can.
     */
    private static void refuseHalfSurrogatePair(String name, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException("buildArgs: " + Quoted.of(name) + " holds " + Quoted.codePoint(c)
                        + " at position " + (i + 1) + ", half a surrogate pair without its other half",
                        "Write the whole character, as a UTF-8 file would hold it, or remove it.");
            }
        }
    }
}
