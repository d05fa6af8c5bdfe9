package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.aggregate.HostAggregator;
import io.github.fermmavenplugin.aggregate.HostAggregator.HostBundle;
import io.github.fermmavenplugin.aggregate.HostManifest;
import io.github.fermmavenplugin.aggregate.ServiceBundle;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.ferm.FermCheck;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import io.github.fermmavenplugin.pipeline.BundleSettings;
import io.github.fermmavenplugin.pipeline.BundleTarget;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;
import org.eclipse.aether.RepositorySystem;

/**
 * Merges the ferm bundles of a host's services into one host bundle, {@code target/<finalName>-ferm.tar.gz}
 * (and {@code target/ferm/}), attached like a service's. The services are the project's dependencies of
 * type {@code tar.gz} with the classifier (reactor modules or released artifacts), and the {@code bundles}
 * listed by coordinates.
 */
@Mojo(name = "aggregate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class AggregateMojo extends FermMojo {

    /** Further service bundles, as {@code groupId:artifactId:version[:type[:classifier]]}, from the project's repositories. */
    @Parameter
    List<String> bundles;

    /** Classifier of the service bundles among the dependencies, and of the attached host bundle. */
    @Parameter(property = "ferm.classifier", defaultValue = "ferm")
    String classifier;

    /** Attach the host bundle to the project, so that install and deploy publish it. */
    @Parameter(property = "ferm.attach", defaultValue = "true")
    boolean attach;

    /** Entry time of every archive entry, as for {@code ferm:bundle}. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    /** Check the host bundle with the real ferm, as {@code ferm:bundle} checks a service's: auto, true or false. */
    @Parameter(property = "ferm.verify", defaultValue = "auto")
    String verify;

    /** The build directory, where the bundle and its exploded copy are written. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File outputDirectory;

    /** The archive's name before the classifier, as the project's other artifacts are named. */
    @Parameter(defaultValue = "${project.build.finalName}", readonly = true, required = true)
    String finalName;

    /** The build session, whose repository settings resolve bundles by coordinates. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    private final MavenProjectHelper projectHelper;
    private final RepositorySystem repositorySystem;

    @Inject
    public AggregateMojo(MavenProjectHelper projectHelper, RepositorySystem repositorySystem) {
        this.projectHelper = projectHelper;
        this.repositorySystem = repositorySystem;
    }

    @Override
    String skipNote() {
        return skipNoteOfAttachingGoal("host bundle", outputDirectory, finalName, classifier);
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        try {
            BundleTarget target = BundleTarget.of(outputDirectory.toPath(), finalName, classifier);
            if (attach) {
                target.requireNotAttached(project.getAttachedArtifacts().stream()
                        .filter(a -> BundleTarget.TYPE.equals(a.getType())).map(a -> a.getClassifier()).toList(),
                        project.getId());
            }
            BundlePipeline.discard(target.directory(), target.archive());
            BundleSettings settings = BundleSettings.parse(outputTimestamp, System.getenv("SOURCE_DATE_EPOCH"), verify);
            List<ServiceBundle> services = services();
            HostBundle host = HostAggregator.aggregate(services, project.getArtifactId(),
                    new MavenCoordinates(project.getGroupId(), project.getArtifactId(), project.getVersion()),
                    plugin.getVersion());
            Optional<Path> checkedBy = BundlePipeline.checkingFerm(settings.verify(), System.getenv("PATH"));
            checkedBy.ifPresent(ferm -> getLog().debug("Checking the host bundle: " + FermCheck.commandLine(ferm)));
            BundlePipeline.verify(checkedBy, host.files());
            checkedBy.ifPresent(ferm -> getLog().info("ferm " + ferm + " accepts the host bundle."));
            BundlePipeline.write(host.files(), target.directory(), target.archive(), settings.entryTime());
            getLog().info("ferm host bundle of " + project.getArtifactId() + " with " + services.size()
                    + " service(s) (" + host.manifest().services().stream().map(HostManifest.Service::service)
                    .collect(Collectors.joining(", ")) + "): " + target.archive());
            if (attach) {
                projectHelper.attachArtifact(project, BundleTarget.TYPE, classifier, target.archive().toFile());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the ferm host bundle: " + e.getMessage(), e);
        }
    }

    private List<ServiceBundle> services() throws IOException, MojoFailureException {
        List<ServiceBundle> services = new ArrayList<>();
        for (Artifact dependency : project.getArtifacts()) {
            if (BundleTarget.TYPE.equals(dependency.getType()) && classifier.equals(dependency.getClassifier())) {
                services.add(ServiceBundle.read(dependency.getId(), dependency.getFile().toPath()));
            }
        }
        BundleResolver resolver = new BundleResolver(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories());
        for (String coordinates : bundles == null ? List.<String>of() : bundles) {
            org.eclipse.aether.artifact.Artifact artifact = BundleResolver.parse(coordinates, classifier, "bundles");
            services.add(ServiceBundle.read(BundleResolver.coordinates(artifact),
                    resolver.resolve(artifact).toPath()));
        }
        if (services.isEmpty()) {
            throw new MojoFailureException("ferm:aggregate in " + project.getId() + " found no service bundles."
                    + " Add each service as a dependency with <type>tar.gz</type> and <classifier>" + classifier
                    + "</classifier>, or list released ones in <bundles>.");
        }
        return services;
    }
}
