package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.OutputTimestamp;
import io.github.fermmavenplugin.ferm.FermCheck;
import io.github.fermmavenplugin.ferm.FermCheck.FermRejectedException;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
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

    static final String TYPE = "tar.gz";

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

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File outputDirectory;

    @Parameter(defaultValue = "${project.build.finalName}", readonly = true, required = true)
    String finalName;

    private final MavenProjectHelper projectHelper;

    @Inject
    public BundleMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        if (attach) {
            requireClassifierNotAttached();
        }
        discardPreviousBundle();
        Instant entryTime = entryTime();
        VerifyMode mode = VerifyMode.parse(verify);
        Analysis analysis = analyse();
        List<BundleFile> files = render(analysis);
        verifyWithFerm(mode, files);
        try {
            BundlePipeline.write(files, bundleDirectory(), archive(), entryTime);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the ferm bundle: " + e.getMessage(), e);
        }
        getLog().info("ferm bundle of " + analysis.policy().service() + ": " + archive());
        if (attach) {
            projectHelper.attachArtifact(project, TYPE, classifier, archive().toFile());
        }
    }

    /** A build that fails leaves no bundle, not even an earlier build's that could be taken for this one's. */
    private void discardPreviousBundle() throws MojoExecutionException {
        try {
            BundlePipeline.discard(bundleDirectory(), archive());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot remove the previous ferm bundle: " + e.getMessage(), e);
        }
    }

    private Instant entryTime() throws MojoFailureException {
        try {
            return OutputTimestamp.resolve(outputTimestamp, System.getenv("SOURCE_DATE_EPOCH"))
                    .orElse(OutputTimestamp.FALLBACK);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private void verifyWithFerm(VerifyMode mode, List<BundleFile> files)
            throws MojoFailureException, MojoExecutionException {
        if (mode == VerifyMode.FALSE) {
            return;
        }
        Optional<Path> ferm = FermCheck.findExecutable(System.getenv("PATH"));
        if (ferm.isEmpty()) {
            if (mode == VerifyMode.TRUE) {
                throw new MojoFailureException("ferm.verify is true, but no ferm executable is on the PATH."
                        + " Install ferm (apt-get install ferm), or set ferm.verify to auto or false.");
            }
            getLog().info("ferm is not installed: the bundle is not checked by ferm (ferm.verify=auto).");
            return;
        }
        try {
            FermCheck.run(ferm.get(), BundlePipeline.asText(files));
            getLog().info("ferm " + ferm.get() + " accepts the bundle.");
        } catch (FermRejectedException e) {
            throw new MojoExecutionException(e.getMessage() + " This is a defect of ferm-maven-plugin or of this"
                    + " ferm version; please report it with the descriptor.", e);
        }
    }

    /**
     * Maven only warns when a classifier is attached twice, and the second execution would overwrite
     * the archive the first one attached: fail before writing anything.
     */
    private void requireClassifierNotAttached() throws MojoFailureException {
        boolean attached = project.getAttachedArtifacts().stream()
                .anyMatch(a -> classifier.equals(a.getClassifier()) && TYPE.equals(a.getType()));
        if (attached) {
            throw new MojoFailureException("An artifact with classifier '" + classifier + "' and type " + TYPE
                    + " is already attached to " + project.getId() + ". Give this execution another 'classifier'.");
        }
    }

    private Path bundleDirectory() {
        return outputDirectory.toPath().resolve("ferm");
    }

    private Path archive() {
        return outputDirectory.toPath().resolve(finalName + "-" + classifier + "." + TYPE);
    }

    /** The values of {@code ferm.verify}. */
    enum VerifyMode {
        AUTO, TRUE, FALSE;

        static VerifyMode parse(String value) throws MojoFailureException {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("ferm.verify is '" + value + "'. Use auto, true or false.");
            }
        }
    }
}
