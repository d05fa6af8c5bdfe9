package io.github.fermmavenplugin.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what {@link BundleArchive} writes: the regular files of a bundle tar.gz and the manifests
 * among them. Anything else in the archive (links, devices, unsafe names, more bytes than any bundle
 * has) makes it not a bundle: the release goals read archives fetched from repositories.
 */
public final class BundleReader {

    /** Far above any real bundle (a few kilobytes), far below what could hurt the build. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final ObjectReader MANIFEST_READER = new ObjectMapper()
            // A newer plugin may record more; what this one knows is still read.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readerFor(BundleManifest.class);

    private BundleReader() {
    }

    /** Thrown when a file is not a bundle this plugin wrote. */
    public static final class NotABundleException extends Exception {

        private static final long serialVersionUID = 1L;

        public NotABundleException(String message) {
            super(message);
        }
    }

    /**
     * The regular files of the archive, in archive order.
     *
     * @throws NotABundleException if it is no gzip tar, or holds anything but safe directories and files
     */
    public static List<BundleFile> read(Path archive) throws IOException, NotABundleException {
        List<BundleFile> files = new ArrayList<>();
        long total = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
                TarGzReader tar = new TarGzReader(in)) {
            for (TarGzReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
                if (!entry.isFile() && !entry.isDirectory()) {
                    throw new NotABundleException("entry '" + entry.name() + "' is not a regular file");
                }
                // a directory's size counts too: its bytes would be decompressed to be skipped
                total += entry.size();
                if (total > MAX_BYTES) {
                    throw new NotABundleException("it holds more than " + MAX_BYTES + " bytes");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                try {
                    files.add(new BundleFile(entry.name(), tar.content(entry)));
                } catch (IllegalArgumentException unsafeName) {
                    throw new NotABundleException(unsafeName.getMessage());
                }
            }
        } catch (IOException notGzipTar) {
            if (!Files.isReadable(archive)) {
                throw notGzipTar;
            }
            throw new NotABundleException("it is not a gzip tar archive (" + notGzipTar.getMessage() + ")");
        }
        return List.copyOf(files);
    }

    /** Whether {@code path} is where a bundle keeps a service's manifest. */
    public static boolean isManifestPath(String path) {
        return path.startsWith("ferm.d/.") && path.endsWith(".bundle.json") && path.indexOf('/', 7) < 0;
    }

    /**
     * The manifest in {@code file}, checked to be where its own service name puts it.
     *
     * @throws NotABundleException if it is not a manifest this plugin can read
     */
    public static BundleManifest manifest(BundleFile file) throws NotABundleException {
        BundleManifest manifest;
        try {
            manifest = MANIFEST_READER.readValue(file.sharedContent());
        } catch (IOException | RuntimeException unreadable) {
            throw new NotABundleException("its manifest " + file.path() + " cannot be read: "
                    + String.valueOf(unreadable.getMessage()).lines().findFirst().orElse(""));
        }
        if (!BundleManifest.pathFor(manifest.service()).equals(file.path())) {
            throw new NotABundleException("its manifest " + file.path() + " names service '" + manifest.service()
                    + "', whose manifest would be " + BundleManifest.pathFor(manifest.service()));
        }
        return manifest;
    }
}
