package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.UserFile;

/** Reads a Dockerfile as BuildKit would, far enough to know what the chosen stage exposes and labels. */
public final class DockerfileReader {

    private DockerfileReader() {
    }

    /**
     * @throws io.github.fermmavenplugin.diagnostic.InvalidInputException for any Dockerfile BuildKit
     *     would refuse or whose EXPOSE we cannot read, naming line and column
     */
    public static ImageMetadata read(UserFile dockerfile, BuildOptions options) {
        throw new UnsupportedOperationException("work in progress: the dockerfile helper implements this");
    }
}
