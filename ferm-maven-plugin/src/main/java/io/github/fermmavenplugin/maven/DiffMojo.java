package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.diff.ComparedBundle;
import io.github.fermmavenplugin.diff.DiffReport;
import io.github.fermmavenplugin.pipeline.BundleTarget;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;

/**
 * Compares this build's bundle (a service's or a host's) with the last released one: what traffic it lets
 * in that the last release did not, and what it no longer lets in. Writes {@code target/ferm-diff.txt} and
 * {@code target/ferm-diff.json} and logs the same.
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class DiffMojo extends FermMojo {

    /** The released version to compare with; when unset, the newest non-SNAPSHOT version below this one. */
    @Parameter(property = "ferm.diff.previousVersion")
    String previousVersion;

    /** Fail when this build lets in traffic the previous release did not, unless each opening is acknowledged. */
    @Parameter(property = "ferm.diff.failOnWidening", defaultValue = "false")
    boolean failOnWidening;

    /** Openings reviewed and accepted, each as the report names it ("billing-api DOCKER-USER 9100/tcp from 10.30.0.0/16"). */
    @Parameter
    List<String> acknowledgedWidenings;

    /** Classifier of the bundle to compare. */
    @Parameter(property = "ferm.classifier", defaultValue = "ferm")
    String classifier;

    /** The build directory, where this build's bundle is read and the reports are written. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File outputDirectory;

    /** The name of this build's archive before the classifier. */
    @Parameter(defaultValue = "${project.build.finalName}", readonly = true, required = true)
    String finalName;

    /** The build session, whose repository settings resolve bundles by coordinates. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    private final RepositorySystem repositorySystem;

    @Inject
    public DiffMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Path current = outputDirectory.toPath().resolve(finalName + "-" + classifier + "." + BundleTarget.TYPE);
        if (!Files.isRegularFile(current)) {
            throw new MojoFailureException("ferm:diff needs this build's bundle " + current + ". Run it after"
                    + " ferm:bundle or ferm:aggregate (phase verify), with the same classifier.");
        }
        BundleResolver resolver = new BundleResolver(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories());
        try {
            ComparedBundle now = ComparedBundle.read(project.getId(), current);
            Optional<Artifact> previous = previous(resolver);
            DiffReport report;
            if (previous.isEmpty()) {
                report = DiffReport.firstRelease(project.getId());
            } else {
                Artifact released = previous.get();
                String origin = BundleResolver.coordinates(released);
                report = DiffReport.between(project.getId(), now, origin,
                        ComparedBundle.read(origin, resolver.resolve(released).toPath()));
            }
            write(report);
            report.lines().forEach(getLog()::info);
            List<String> unacknowledged = report.unacknowledged(new HashSet<>(
                    acknowledgedWidenings == null ? List.of() : acknowledgedWidenings));
            if (failOnWidening && !unacknowledged.isEmpty()) {
                StringBuilder message = new StringBuilder("This build lets in traffic that " + report.previous().get()
                        + " did not, and failOnWidening is set:");
                unacknowledged.forEach(key -> message.append("\n  ").append(key));
                message.append("\nReview each opening; to accept it, add it as an <acknowledgedWidening> to"
                        + " <acknowledgedWidenings> of ferm:diff.");
                throw new MojoFailureException(message.toString());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("ferm:diff cannot read or write a bundle or report: " + e.getMessage(), e);
        }
    }

    /** As japicmp picks the old version: the one given, or the highest non-SNAPSHOT below this project's. */
    private Optional<Artifact> previous(BundleResolver resolver) throws MojoFailureException {
        Artifact any = new DefaultArtifact(project.getGroupId(), project.getArtifactId(), classifier, BundleTarget.TYPE,
                "0");
        if (previousVersion != null && !previousVersion.isBlank()) {
            return Optional.of(any.setVersion(previousVersion.strip()));
        }
        return resolver.newestReleaseBelow(any, project.getVersion()).map(any::setVersion);
    }

    private void write(DiffReport report) throws IOException {
        Path directory = outputDirectory.toPath();
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("ferm-diff.txt"), report.text(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("ferm-diff.json"), report.json(), StandardCharsets.UTF_8);
    }
}
