package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.ferm.FermCheck;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.AnalysisParameters;
import io.github.fermmavenplugin.pipeline.BuildFingerprint;
import io.github.fermmavenplugin.pipeline.BundleIdentity;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import io.github.fermmavenplugin.pipeline.BundleSettings;
import io.github.fermmavenplugin.pipeline.BundleTarget;
import io.github.fermmavenplugin.pipeline.VerifyMode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes the service's ferm.d bundle: {@code target/ferm/} and a reproducible
 * {@code target/<finalName>-ferm.tar.gz}, attached to the build.
 */
@Mojo(name = "bundle", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BundleMojo extends AbstractFermMojo {

    /** Classifier of the attached archive. */
    @Parameter(property = "ferm.classifier", defaultValue = "ferm")
    String classifier;

    /** Attach the archive to the project, so that install and deploy publish it. */
    @Parameter(property = "ferm.attach", defaultValue = "true")
    boolean attach;

    /**
     * Entry time of every archive entry, for reproducible builds: epoch seconds or an ISO-8601
     * date-time with offset; when unset, {@code SOURCE_DATE_EPOCH}, else 1980-01-01T00:00:02Z.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    /**
     * Check the bundle with the real ferm ({@code ferm --remote}, no root needed): {@code auto} when
     * a ferm executable is found, {@code true} always (a missing ferm fails the build), {@code false} never.
     */
    @Parameter(property = "ferm.verify", defaultValue = "auto")
    String verify;

    /** The build directory, where the bundle and its exploded copy are written. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File outputDirectory;

    /** The archive's name before the classifier, as the project's other artifacts are named. */
    @Parameter(defaultValue = "${project.build.finalName}", readonly = true, required = true)
    String finalName;

    private final MavenProjectHelper projectHelper;

    @Inject
    public BundleMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    String skipNote() {
        return skipNoteOfAttachingGoal("archive", outputDirectory, finalName, classifier);
    }

    @Override
    void run() throws MojoExecutionException {
        BundleTarget target = BundleTarget.of(outputDirectory.toPath(), finalName, classifier);
        if (attach) {
            target.requireNotAttached(project.getAttachedArtifacts().stream()
                    .filter(a -> BundleTarget.TYPE.equals(a.getType())).map(a -> a.getClassifier()).toList(),
                    project.getId());
        }
        try {
            bundle(target);
        } catch (IOException e) {
            discardQuietly(target, e);
            throw new MojoExecutionException("Cannot write the ferm bundle: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            discardQuietly(target, e);
            throw e;
        }
        if (attach) {
            projectHelper.attachArtifact(project, BundleTarget.TYPE, classifier, target.archive().toFile());
        }
    }

    /** Keeps the last build's bundle when nothing it was made from changed, else builds it anew. */
    private void bundle(BundleTarget target) throws IOException {
        BundleSettings settings = BundleSettings.parse(outputTimestamp, System.getenv("SOURCE_DATE_EPOCH"), verify);
        AnalysisParameters parameters = analysisParameters();
        Optional<Path> ferm = BundlePipeline.checkingFerm(settings.verify(), System.getenv("PATH"));
        BundleIdentity identity = identity();
        BuildFingerprint fingerprint = BuildFingerprint.of(parameters, settings, identity, target, pluginBuild(), ferm);
        BuildFingerprint.LastBuild last = fingerprint.compareWithLastBuild(target);
        if (last instanceof BuildFingerprint.UpToDate upToDate) {
            getLog().info(upToDate.service() + ": bundle up to date (descriptor, Dockerfile, configuration and plugin"
                    + " unchanged) -> " + identity.relative(target.archive()));
            return;
        }
        getLog().debug("Building the bundle: " + ((BuildFingerprint.Stale) last).reason());
        discard(target);

        Analysis analysis = analyse(parameters);
        List<BundleFile> files = render(analysis);
        ferm.ifPresent(executable -> getLog().debug("Checking the bundle: " + FermCheck.commandLine(executable)));
        BundlePipeline.verify(ferm, files);
        if (settings.verify() != VerifyMode.FALSE) {
            getLog().info(ferm.map(executable -> "ferm " + executable + " accepts the bundle.").orElse(
                    "ferm is not installed: the bundle is not checked by ferm (ferm.verify=auto)."));
        }
        BundlePipeline.write(files, target.directory(), target.archive(), settings.entryTime());
        fingerprint.record(target, analysis, files);
        getLog().info(analysis.summary(identity.relative(target.archive())));
    }

    /**
     * The plugin's version; for a SNAPSHOT also its jar's size and time, since every build of the plugin has the
     * same SNAPSHOT version and a bundle made by an older one must not pass for the new one's.
     */
    private String pluginBuild() {
        String version = plugin.getVersion();
        File jar = plugin.getPluginArtifact() == null ? null : plugin.getPluginArtifact().getFile();
        if (!version.endsWith("-SNAPSHOT") || jar == null) {
            return version;
        }
        return version + " " + jar + " " + jar.length() + " " + jar.lastModified();
    }

    /** A build that fails leaves no bundle, not even an earlier build's that could be taken for this one's. */
    private static void discardQuietly(BundleTarget target, Throwable failure) {
        try {
            discard(target);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Removes the last build's bundle and, first, its record, so that nothing can pass for up to date. */
    private static void discard(BundleTarget target) throws IOException {
        BuildFingerprint.forget(target);
        BundlePipeline.discard(target.directory(), target.archive());
    }
}
