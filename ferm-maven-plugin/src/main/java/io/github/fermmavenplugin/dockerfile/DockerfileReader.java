package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.UserFile;

/**
 * Reads a Dockerfile as BuildKit would, far enough to know what the chosen stage exposes and labels.
 *
 * <p>The platform ARGs (TARGETPLATFORM, TARGETARCH, BUILDPLATFORM, ...) read as a linux/amd64 build; ONBUILD
 * triggers and base images outside the Dockerfile are not looked into (the descriptor lists ports a base image
 * exposes).
 */
public final class DockerfileReader {

    private DockerfileReader() {
    }

    /**
     * @throws io.github.fermmavenplugin.diagnostic.InvalidInputException for any Dockerfile BuildKit
     *     would refuse or whose EXPOSE we cannot read, naming line and column
     */
    public static ImageMetadata read(UserFile dockerfile, BuildOptions options) {
        return read(dockerfile, options, WorkBudget.standard());
    }

    /** With the budget given, so that tests can bound and see the work a read takes. */
    static ImageMetadata read(UserFile dockerfile, BuildOptions options, WorkBudget budget) {
        ParsedDockerfile parsed = DockerfileParser.parse(dockerfile.path(), dockerfile.text(), budget);
        return StageEvaluator.evaluate(parsed, options, budget);
    }
}
