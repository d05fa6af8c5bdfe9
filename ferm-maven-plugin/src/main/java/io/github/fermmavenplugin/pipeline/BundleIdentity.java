package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Who a bundle is for and what made it, for its manifest.
 *
 * @param projectDirectory the manifest names the descriptor and Dockerfile relative to it
 */
public record BundleIdentity(MavenCoordinates project, String pluginVersion, Path projectDirectory) {

    public BundleIdentity {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        projectDirectory = projectDirectory.toAbsolutePath().normalize();
    }

    String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(projectDirectory) ? projectDirectory.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
