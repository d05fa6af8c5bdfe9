package io.github.fermmavenplugin.aggregate;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest;
import io.github.fermmavenplugin.bundle.BundleReader;
import io.github.fermmavenplugin.bundle.BundleReader.NotABundleException;
import io.github.fermmavenplugin.bundle.Grant;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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
     * @throws InvalidInputException if it is no bundle of one service, or its files are not those its
     *     manifest lists
     */
    public static ServiceBundle read(String origin, Path archive) throws IOException {
        try {
            byte[] bytes = Files.readAllBytes(archive);
            List<BundleFile> files = BundleReader.read(archive);
            List<BundleFile> manifests = files.stream().filter(f -> BundleReader.isManifestPath(f.path())).toList();
            if (manifests.size() != 1) {
                throw new NotABundleException("it holds " + manifests.size() + " service manifests"
                        + " (ferm.d/.<service>.bundle.json) instead of one");
            }
            BundleManifest manifest = BundleReader.manifest(manifests.get(0));
            requireFilesAsListed(manifest, files, manifests.get(0));
            return new ServiceBundle(origin, archive, UserFile.sha256(bytes), manifest, files, grants(manifest));
        } catch (NotABundleException notABundle) {
            throw new InvalidInputException(SourcePosition.wholeFile(archive),
                    origin + " is not a ferm-maven-plugin service bundle: " + notABundle.getMessage(),
                    "Depend only on artifacts that ferm:bundle made (type tar.gz, classifier ferm).");
        }
    }

    private static void requireFilesAsListed(BundleManifest manifest, List<BundleFile> files, BundleFile manifestFile)
            throws NotABundleException {
        Map<String, String> listed = manifest.files().stream()
                .collect(Collectors.toMap(BundleManifest.FileDigest::path, BundleManifest.FileDigest::sha256));
        Map<String, String> present = BundleManifest.digestsOf(
                files.stream().filter(f -> !f.equals(manifestFile)).toList()).stream()
                .collect(Collectors.toMap(BundleManifest.FileDigest::path, BundleManifest.FileDigest::sha256));
        if (!listed.equals(present)) {
            throw new NotABundleException("its files are not those its manifest lists with their sha256"
                    + " (edited after the build?): listed " + listed.keySet() + ", present " + present.keySet());
        }
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
