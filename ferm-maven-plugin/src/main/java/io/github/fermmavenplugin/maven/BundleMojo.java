package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.AnalysisParameters;
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
    void run() throws MojoExecutionException {
        BundleTarget target = BundleTarget.of(outputDirectory.toPath(), finalName, classifier);
        if (attach) {
            target.requireNotAttached(project.getAttachedArtifacts().stream()
                    .filter(a -> BundleTarget.TYPE.equals(a.getType())).map(a -> a.getClassifier()).toList(),
                    project.getId());
        }
        discardPreviousBundle(target);
        BundleSettings settings = BundleSettings.parse(outputTimestamp, System.getenv("SOURCE_DATE_EPOCH"), verify);
        AnalysisParameters parameters = analysisParameters();
        Analysis analysis = analyse(parameters);
        List<BundleFile> files = render(analysis);
        Optional<Path> checkedBy = BundlePipeline.verify(settings.verify(), files, System.getenv("PATH"));
        if (settings.verify() != VerifyMode.FALSE) {
            getLog().info(checkedBy.map(ferm -> "ferm " + ferm + " accepts the bundle.").orElse(
                    "ferm is not installed: the bundle is not checked by ferm (ferm.verify=auto)."));
        }
        try {
            BundlePipeline.write(files, target.directory(), target.archive(), settings.entryTime());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the ferm bundle: " + e.getMessage(), e);
        }
        getLog().info("ferm bundle of " + analysis.policy().service() + ": " + target.archive());
        if (attach) {
            projectHelper.attachArtifact(project, BundleTarget.TYPE, classifier, target.archive().toFile());
        }
    }

    /** A build that fails leaves no bundle, not even an earlier build's that could be taken for this one's. */
    private void discardPreviousBundle(BundleTarget target) throws MojoExecutionException {
        try {
            BundlePipeline.discard(target.directory(), target.archive());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot remove the previous ferm bundle: " + e.getMessage(), e);
        }
    }
}
