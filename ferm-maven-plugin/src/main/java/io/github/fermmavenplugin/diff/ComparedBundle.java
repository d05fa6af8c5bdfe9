package io.github.fermmavenplugin.diff;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleLayout;
import io.github.fermmavenplugin.bundle.BundleReader;
import io.github.fermmavenplugin.bundle.BundleReader.NotABundleException;
import io.github.fermmavenplugin.bundle.Grant;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code ferm:diff} compares of a bundle archive: the grants of every service it holds (one for a
 * service bundle, each service of a host bundle), and its ferm files' text.
 *
 * @param fermFiles path to text, sorted by path; manifests (service and host) left out
 */
public record ComparedBundle(List<Grant> grants, SortedMap<String, String> fermFiles) {

    public ComparedBundle {
        grants = List.copyOf(grants);
        fermFiles = Collections.unmodifiableSortedMap(new TreeMap<>(fermFiles));
    }

    /** The unified diff of every ferm file that differs from {@code previous}'s, in path order. */
    public List<String> fileDiffFrom(ComparedBundle previous) {
        TreeSet<String> paths = new TreeSet<>(fermFiles.keySet());
        paths.addAll(previous.fermFiles.keySet());
        List<String> lines = new ArrayList<>();
        for (String path : paths) {
            lines.addAll(UnifiedDiff.of(path, previous.fermFiles.getOrDefault(path, ""), fermFiles.getOrDefault(path, "")));
        }
        return List.copyOf(lines);
    }

    /**
     * The files every bundle shares whose text differs from {@code previous}'s, each as
     * "ferm.d/00-docker.ferm sha256:<its new digest>": they say from which interfaces every rule admits
     * traffic (docker.external), which swarm peers get in, and what happens to the rest (defaults), which no
     * grant records, so a new interface would widen every rule unseen. Empty when they are equal.
     */
    public List<String> sharedFileChangesFrom(ComparedBundle previous) {
        List<String> changes = new ArrayList<>();
        for (String path : List.of(BundleLayout.DOCKER_CHAINS_FILE, BundleLayout.SWARM_FILE, BundleLayout.FALLBACK_FILE)) {
            String now = fermFiles.getOrDefault(path, "");
            if (!now.equals(previous.fermFiles.getOrDefault(path, ""))) {
                changes.add(path + " sha256:" + UserFile.sha256(now.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return List.copyOf(changes);
    }

    /** @throws InvalidInputException if the archive is no bundle of this plugin */
    public static ComparedBundle read(String origin, Path archive) throws IOException {
        try {
            List<Grant> grants = new ArrayList<>();
            Map<String, String> fermFiles = new TreeMap<>();
            int manifests = 0;
            for (BundleFile file : BundleReader.read(archive)) {
                if (BundleReader.isManifestPath(file.path())) {
                    manifests++;
                    try {
                        grants.addAll(Grant.of(BundleReader.manifest(file)));
                    } catch (RuntimeException unreadable) {
                        throw new NotABundleException("a rule of " + file.path() + " is not as ferm:bundle writes it: "
                                + unreadable.getMessage());
                    }
                } else if (!file.path().startsWith(BundleLayout.FERM_DIRECTORY + ".")) {
                    // The other dot-file, a host bundle's manifest, is no ferm text: ferm skips it.
                    fermFiles.put(file.path(), new String(file.content(), StandardCharsets.UTF_8));
                }
            }
            if (manifests == 0) {
                throw new NotABundleException("it holds no service manifest (ferm.d/.<service>.bundle.json)");
            }
            return new ComparedBundle(grants.stream().sorted().toList(), new TreeMap<>(fermFiles));
        } catch (NotABundleException notABundle) {
            throw new InvalidInputException(SourcePosition.wholeFile(archive),
                    origin + " is not a ferm-maven-plugin bundle: " + notABundle.getMessage(),
                    "Compare only bundles that ferm:bundle or ferm:aggregate made.");
        }
    }
}
