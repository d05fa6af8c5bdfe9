package io.github.fermmavenplugin.aggregate;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleLayout;
import io.github.fermmavenplugin.bundle.BundleManifest;
import io.github.fermmavenplugin.bundle.BundleReader;
import io.github.fermmavenplugin.bundle.BundleReader.NotABundleException;
import io.github.fermmavenplugin.bundle.Grant;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.policy.ServiceName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One service's bundle as the host aggregates it: where it came from, its manifest, its files, checked
 * against each other when read.
 *
 * @param origin the coordinates it was resolved by ("com.example:billing:1.2:tar.gz:ferm"), for messages
 * @param sha256 of the archive, as the repository holds it
 * @param grants what its rules let in, read from the manifest
 */
public record ServiceBundle(String origin, Path archive, String sha256, BundleManifest manifest,
        List<BundleFile> files, List<Grant> grants) {

    public ServiceBundle {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(manifest, "manifest");
        files = List.copyOf(files);
        grants = List.copyOf(grants);
    }

    public String service() {
        return manifest.service();
    }

    /** "service billing-api (com.example:billing:1.2:tar.gz:ferm, /path/billing-1.2-ferm.tar.gz)". */
    public String describe() {
        return "service " + service() + " (" + origin + ", " + archive + ")";
    }

    /**
     * Reads a service's bundle archive.
     *
     * @throws InvalidInputException if it is no bundle of one service, holds other files than ferm:bundle
     *     writes for it, or its files are not those its manifest lists
     */
    public static ServiceBundle read(String origin, Path archive) throws IOException {
        try {
            byte[] bytes = BundleReader.bytes(archive);
            List<BundleFile> files = BundleReader.files(bytes);
            List<BundleFile> manifests = files.stream().filter(f -> BundleReader.isManifestPath(f.path())).toList();
            if (manifests.size() != 1) {
                throw new NotABundleException("it holds " + manifests.size() + " service manifests"
                        + " (ferm.d/.<service>.bundle.json) instead of one");
            }
            BundleManifest manifest = BundleReader.manifest(manifests.get(0));
            requireFilesOfItsService(manifest.service(), files);
            requireFilesAsListed(manifest, files, manifests.get(0));
            return new ServiceBundle(origin, archive, UserFile.sha256(bytes), manifest, files, grants(manifest));
        } catch (NotABundleException notABundle) {
            throw new InvalidInputException(SourcePosition.wholeFile(archive),
                    origin + " is not a ferm-maven-plugin service bundle: " + notABundle.getMessage(),
                    "Depend only on artifacts that ferm:bundle made (type tar.gz, classifier ferm).");
        }
    }

    /**
     * Exactly the files ferm:bundle writes for the service, so that no bundle brings a file of its own into the
     * host's ferm.d, or one named for another service: the manifest's digests prove nothing here, anyone who
     * edits a file can recompute them.
     */
    private static void requireFilesOfItsService(String service, List<BundleFile> files) throws NotABundleException {
        try {
            new ServiceName(service);
        } catch (IllegalArgumentException unusable) {
            throw new NotABundleException("its manifest names service '" + service + "', a name ferm:bundle refuses");
        }
        Set<String> required = Set.of(BundleLayout.DOCKER_CHAINS_FILE, BundleLayout.ingressFile(service),
                BundleLayout.FALLBACK_FILE, BundleLayout.manifestFile(service));
        Set<String> written = new TreeSet<>(required);
        written.add(BundleLayout.hostFile(service));
        written.add(BundleLayout.SWARM_FILE);
        Set<String> present = new TreeSet<>();
        for (BundleFile file : files) {
            if (!written.contains(file.path())) {
                throw new NotABundleException(file.path() + " is not a file ferm:bundle writes for service " + service
                        + " (it writes " + String.join(", ", written) + ")");
            }
            present.add(file.path());
        }
        for (String path : new TreeSet<>(required)) {
            if (!present.contains(path)) {
                throw new NotABundleException("it lacks " + path + ", which ferm:bundle writes for every service");
            }
        }
    }

    private static void requireFilesAsListed(BundleManifest manifest, List<BundleFile> files, BundleFile manifestFile)
            throws NotABundleException {
        List<BundleManifest.FileDigest> present = BundleManifest.digestsOf(
                files.stream().filter(f -> !f.equals(manifestFile)).toList());
        if (!manifest.files().equals(present)) {
            throw new NotABundleException("its files are not those its manifest lists with their sha256"
                    + " (edited after the build?): listed " + paths(manifest.files()) + ", present " + paths(present));
        }
    }

    private static List<String> paths(List<BundleManifest.FileDigest> digests) {
        return digests.stream().map(BundleManifest.FileDigest::path).toList();
    }

    private static List<Grant> grants(BundleManifest manifest) throws NotABundleException {
        try {
            return Grant.of(manifest);
        } catch (RuntimeException unreadable) {
            throw new NotABundleException("a rule of its manifest is not as ferm:bundle writes it: "
                    + unreadable.getMessage());
        }
    }
}
