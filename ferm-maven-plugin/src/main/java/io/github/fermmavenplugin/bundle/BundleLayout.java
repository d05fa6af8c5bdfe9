package io.github.fermmavenplugin.bundle;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The entries of a bundle in the order both writers use: every file plus every directory its path implies,
 * sorted by name, where a directory's name ends with '/'. Plain string order then puts each directory right
 * before its own content ("ferm.d/" &lt; "ferm.d/00-docker.ferm"), keeps a directory's content together and,
 * the names being ASCII, does not depend on the locale.
 */
public final class BundleLayout {

    /** The directory ferm includes: ops extract every bundle into /etc/ferm, so that it is /etc/ferm/ferm.d/. */
    public static final String FERM_DIRECTORY = "ferm.d/";
    /** Docker's chains, kept as Docker made them; the same in every bundle. */
    public static final String DOCKER_CHAINS_FILE = FERM_DIRECTORY + "00-docker.ferm";
    /** The swarm ports, host-wide: the same in every bundle of a host's swarm services. */
    public static final String SWARM_FILE = FERM_DIRECTORY + "10-docker-swarm.ferm";
    /** What happens to traffic no bundle allows; the same in every bundle, included last. */
    public static final String FALLBACK_FILE = FERM_DIRECTORY + "99-docker.ferm";

    /** How a host bundle's manifest, {@code ferm.d/.<host>.host.json}, ends. */
    public static final String HOST_MANIFEST_SUFFIX = ".host.json";

    /** A directory (name ends with '/', {@code file} is null) or a file of the bundle. */
    record Entry(String name, BundleFile file) {

        boolean isDirectory() {
            return file == null;
        }
    }

    private BundleLayout() {
    }

    /** A service's rules for traffic towards its containers. */
    public static String ingressFile(String service) {
        return FERM_DIRECTORY + "20-in.docker." + service + ".ferm";
    }

    /** A service's rules for traffic towards the host itself. */
    public static String hostFile(String service) {
        return FERM_DIRECTORY + "20-in." + service + ".ferm";
    }

    /** The manifest, a dot-file that ferm's include skips. */
    public static String manifestFile(String service) {
        return FERM_DIRECTORY + "." + service + ".bundle.json";
    }

    /** The manifest of a host bundle, a dot-file too. */
    public static String hostManifestFile(String host) {
        return FERM_DIRECTORY + "." + host + HOST_MANIFEST_SUFFIX;
    }

    /**
     * @throws IllegalArgumentException if two files have the same path, or a file's path is also a
     *     directory of another file ("ferm.d" and "ferm.d/x")
     */
    static List<Entry> entriesOf(List<BundleFile> files) {
        Objects.requireNonNull(files, "files");
        TreeMap<String, Entry> entries = new TreeMap<>();
        Set<String> filePaths = new HashSet<>();
        for (BundleFile file : files) {
            Objects.requireNonNull(file, "file");
            if (!filePaths.add(file.path())) {
                throw new IllegalArgumentException("bundle path '" + file.path() + "' is given twice");
            }
            entries.put(file.path(), new Entry(file.path(), file));
            for (int slash = file.path().indexOf('/'); slash >= 0; slash = file.path().indexOf('/', slash + 1)) {
                String directory = file.path().substring(0, slash + 1);
                entries.putIfAbsent(directory, new Entry(directory, null));
            }
        }
        for (String path : filePaths) {
            if (entries.containsKey(path + "/")) {
                throw new IllegalArgumentException("bundle path '" + path + "' is both a file and a directory");
            }
        }
        return List.copyOf(entries.values());
    }
}
