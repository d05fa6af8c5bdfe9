package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.pipeline.BundleTarget;
import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.transfer.MetadataNotFoundException;
import org.eclipse.aether.version.Version;

/** Finds bundle archives by coordinates in the project's repositories (local first, then remote). */
final class BundleResolver {

    static final String TYPE = BundleTarget.TYPE;

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    BundleResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
    }

    /**
     * Parses {@code groupId:artifactId:version[:type[:classifier]]}, as {@code dependency:get} takes it;
     * type and classifier default to {@code tar.gz} and {@code defaultClassifier}.
     */
    static Artifact parse(String coordinates, String defaultClassifier, String parameter) throws MojoFailureException {
        String[] parts = coordinates.strip().split(":", -1);
        boolean blank = false;
        for (String part : parts) {
            blank |= part.isBlank();
        }
        if (parts.length < 3 || parts.length > 5 || blank) {
            throw new MojoFailureException(parameter + ": '" + coordinates + "' is not groupId:artifactId:version"
                    + "[:type[:classifier]], e.g. com.example:billing:1.2.0 or com.example:billing:1.2.0:tar.gz:ferm.");
        }
        String type = parts.length > 3 ? parts[3] : TYPE;
        String classifier = parts.length > 4 ? parts[4] : defaultClassifier;
        return new DefaultArtifact(parts[0], parts[1], classifier, type, parts[2]);
    }

    File resolve(Artifact artifact) throws MojoFailureException {
        try {
            return system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
                    .getArtifact().getFile();
        } catch (ArtifactResolutionException e) {
            throw new MojoFailureException("Cannot resolve the ferm bundle " + artifact + ": " + e.getMessage()
                    + " Check the coordinates, and that the bundle was deployed to a repository of this project.");
        }
    }

    /**
     * The newest version of {@code artifact} below {@code version} that is no SNAPSHOT, from the versions the
     * repositories list (their maven-metadata.xml).
     *
     * @throws MojoFailureException when a repository could not be asked: the resolver only records that, and
     *     an empty answer would pass for a first release that opens nothing new
     */
    Optional<String> newestReleaseBelow(Artifact artifact, String version) throws MojoFailureException {
        VersionRangeRequest request = new VersionRangeRequest(artifact.setVersion("(," + version + ")"),
                repositories, null);
        try {
            VersionRangeResult result = system.resolveVersionRange(session, request);
            for (Exception unanswered : result.getExceptions()) {
                if (!(unanswered instanceof MetadataNotFoundException)) {
                    throw new VersionRangeResolutionException(result, unanswered.getMessage(), unanswered);
                }
            }
            List<Version> versions = result.getVersions();
            return versions.stream().map(Version::toString).filter(v -> !v.endsWith("-SNAPSHOT"))
                    .reduce((older, newer) -> newer);
        } catch (VersionRangeResolutionException e) {
            throw new MojoFailureException("Cannot list the released versions of " + artifact.getGroupId() + ":"
                    + artifact.getArtifactId() + ": " + e.getMessage());
        }
    }

    static String coordinates(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion() + ":"
                + artifact.getExtension() + ":" + artifact.getClassifier();
    }
}
