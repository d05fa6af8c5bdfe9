package io.github.fermmavenplugin.ferm;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest.Rule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What {@link FermRenderer} makes of a policy: the bundle's ferm.d files, in the order ferm includes them,
 * and each allow rule as the manifest describes it.
 */
public record FermBundle(List<BundleFile> files, List<Rule> rules) {

    public FermBundle {
        files = List.copyOf(files);
        rules = List.copyOf(rules);
    }

    /** The text of the file at {@code path}. */
    public String text(String path) {
        return files.stream().filter(file -> file.path().equals(path)).findFirst()
                .map(file -> new String(file.content(), StandardCharsets.UTF_8))
                .orElseThrow(() -> new NoSuchElementException("no file " + path + " in the bundle"));
    }

    /** The paths of the files, in order. */
    public List<String> paths() {
        return files.stream().map(BundleFile::path).toList();
    }
}
