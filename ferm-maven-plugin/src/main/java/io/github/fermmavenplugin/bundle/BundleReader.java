package io.github.fermmavenplugin.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads back what {@link BundleArchive} writes: the regular files of a bundle tar.gz and the manifests
 * among them. Anything else in the archive (links, devices, unsafe names, more bytes than any bundle
 * has) makes it not a bundle: the release goals read archives fetched from repositories.
 */
public final class BundleReader {

    /** Far above any real bundle (four files a service), far below what could hurt the build. */
    public static final int MAX_ENTRIES = 1_000;
    /**
     * Of the uncompressed tar stream, headers included, and of the file: far above any real bundle (a few
     * kilobytes), far below what could hurt the build.
     */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

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
     * The regular files of the archive, in archive order: {@link #files} of its {@link #bytes}.
     *
     * @throws NotABundleException as {@link #bytes} and {@link #files} refuse it
     */
    public static List<BundleFile> read(Path archive) throws IOException, NotABundleException {
        return files(bytes(archive));
    }

    /**
     * The archive's bytes, read once, so that what is hashed is what is read.
     *
     * @throws NotABundleException if the file holds more than {@value #MAX_BYTES} bytes: no bundle deflates to
     *     more than its tar, and empty gzip members and blocks inflate to no tar bytes at all
     */
    public static byte[] bytes(Path archive) throws IOException, NotABundleException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(archive)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new NotABundleException("it is a file of " + Files.size(archive) + " bytes, more than the "
                    + MAX_BYTES + " a bundle may hold");
        }
        return bytes;
    }

    /**
     * The regular files of an archive's bytes, in archive order. Every gzip member is read, as GNU tar reads them.
     *
     * @throws NotABundleException if it is no gzip tar, holds anything but ferm.d/ and safe files, a
     *     path twice, more than {@value #MAX_ENTRIES} entries or {@value #MAX_BYTES} bytes, or a ferm file
     *     with a character the plugin never writes ({@link FermText})
     */
    public static List<BundleFile> files(byte[] archive) throws NotABundleException {
        List<BundleFile> files = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        int entries = 0;
        try (InputStream in = new BoundedInputStream(
                new StrictGzipInputStream(new ByteArrayInputStream(archive)), MAX_BYTES)) {
            TarReader tar = new TarReader(in, MAX_BYTES);
            for (TarReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
                if (++entries > MAX_ENTRIES) {
                    throw new NotABundleException("it holds more than " + MAX_ENTRIES + " entries");
                }
                BundleFile file = regularFile(entry);
                if (file == null) {
                    continue;
                }
                if (!paths.add(file.path())) {
                    throw new NotABundleException("it holds " + file.path() + " twice");
                }
                checkPlace(file);
                files.add(file);
            }
        } catch (BoundedInputStream.TooLargeException tooLarge) {
            throw new NotABundleException("it holds more than " + MAX_BYTES + " bytes");
        } catch (IOException notGzipTar) {
            throw new NotABundleException("it is not a gzip tar archive (" + notGzipTar.getMessage() + ")");
        }
        return List.copyOf(files);
    }

    /**
     * The entry's file; null for the directory ferm.d/, the only one a bundle has (TarReader refuses every
     * other kind of entry). Another could stand where a file is: tar would remove the file to make it.
     */
    private static BundleFile regularFile(TarReader.Entry entry) throws NotABundleException {
        String name = entry.name();
        if (entry.directory()) {
            if (!name.equals(BundleLayout.FERM_DIRECTORY)) {
                throw new NotABundleException(name + " is not a directory ferm:bundle writes (its only"
                        + " directory is " + BundleLayout.FERM_DIRECTORY + ")");
            }
            return null;
        }
        try {
            if (name.endsWith("/")) {
                throw new NotABundleException("entry '" + name + "' is not a regular file");
            }
            return new BundleFile(name, entry.content());
        } catch (IllegalArgumentException unsafeName) {
            throw new NotABundleException(unsafeName.getMessage());
        }
    }

    /**
     * Every file is in ferm.d/, which ferm includes whole but for dot-files: those must be manifests, all
     * others are ferm text.
     */
    private static void checkPlace(BundleFile file) throws NotABundleException {
        String path = file.path();
        String directory = BundleLayout.FERM_DIRECTORY;
        if (!path.startsWith(directory) || path.indexOf('/', directory.length()) >= 0) {
            throw new NotABundleException(path + " is not a file ferm:bundle writes (every file of a bundle is"
                    + " right in " + directory + ")");
        }
        if (path.startsWith(directory + ".")) {
            if (!isManifestPath(path) && !path.endsWith(BundleLayout.HOST_MANIFEST_SUFFIX)) {
                throw new NotABundleException(path + " is not a file ferm:bundle writes (its dot-files are manifests)");
            }
        } else {
            FermText.check(file);
        }
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
            manifest = ManifestParser.parse(file.sharedContent());
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
