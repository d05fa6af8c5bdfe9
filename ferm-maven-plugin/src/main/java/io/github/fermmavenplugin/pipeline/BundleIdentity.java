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

    /** {@code file} relative to the project directory when it is inside it, with '/' between names. */
    public String relative(Path file) {
        return relative(projectDirectory, file);
    }

    /** {@code file} relative to {@code directory} when it is inside it, else absolute; with '/' between names. */
    public static String relative(Path directory, Path file) {
        Path base = directory.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
