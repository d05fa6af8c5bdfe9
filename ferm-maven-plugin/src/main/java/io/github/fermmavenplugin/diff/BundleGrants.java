package io.github.fermmavenplugin.diff;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleReader;
import io.github.fermmavenplugin.bundle.BundleReader.NotABundleException;
import io.github.fermmavenplugin.bundle.Grant;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The grants of every service a bundle archive holds: one for a service bundle, each service of a host bundle. */
public final class BundleGrants {

    private BundleGrants() {
    }

    /** @throws InvalidInputException if the archive is no bundle of this plugin */
    public static List<Grant> read(String origin, Path archive) throws IOException {
        try {
            List<Grant> grants = new ArrayList<>();
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
                }
            }
            if (manifests == 0) {
                throw new NotABundleException("it holds no service manifest (ferm.d/.<service>.bundle.json)");
            }
            return grants.stream().sorted().toList();
        } catch (NotABundleException notABundle) {
            throw new InvalidInputException(SourcePosition.wholeFile(archive),
                    origin + " is not a ferm-maven-plugin bundle: " + notABundle.getMessage(),
                    "Compare only bundles that ferm:bundle or ferm:aggregate made.");
        }
    }
}
