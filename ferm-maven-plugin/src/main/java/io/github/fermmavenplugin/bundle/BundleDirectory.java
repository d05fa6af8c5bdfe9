package io.github.fermmavenplugin.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Writes a bundle as a plain directory tree (the exploded bundle, {@code target/ferm/}), so that afterwards
 * the directory holds exactly the bundle's files, with modes 0644 and 0755 where the file system has them.
 *
 * <p>The tree is built in a temporary sibling directory and then swapped in: the old directory is renamed
 * aside, the new one renamed into its place, the old one deleted. A reader never sees a half-written tree;
 * between the two renames the directory is briefly absent (Java offers no atomic exchange of two
 * directories). On failure the temporary tree is removed and the old directory is back in place.
 */
public final class BundleDirectory {

    private BundleDirectory() {
    }

    /** Removes an exploded bundle and everything in it, if it is there. */
    public static void delete(Path directory) throws IOException {
        AtomicFiles.deleteTree(directory);
    }

    /**
     * Replaces {@code directory} by a tree holding exactly {@code files}.
     *
     * @throws IllegalArgumentException if two files share a path or a file's path is another's directory;
     *     nothing is written then
     * @throws NotDirectoryException if {@code directory} exists and is not a directory (a symbolic link
     *     counts as not a directory: it is not replaced, nor is the directory it points to emptied)
     * @throws IOException if writing fails; the directory is then as it was before
     */
    public static void write(List<BundleFile> files, Path directory) throws IOException {
        write(files, directory, UnaryOperator.identity());
    }

    /** As {@link #write(List, Path)}, with each file's stream wrapped by {@code decorator} (tests inject faults). */
    static void write(List<BundleFile> files, Path directory, UnaryOperator<OutputStream> decorator)
            throws IOException {
        Objects.requireNonNull(directory, "directory");
        List<BundleLayout.Entry> entries = BundleLayout.entriesOf(files);
        Path target = directory.toAbsolutePath();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotDirectoryException(target.toString());
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String siblingPrefix = "." + target.getFileName() + ".";

        Path fresh = Files.createTempDirectory(parent, siblingPrefix);
        try {
            writeTree(entries, fresh, decorator);
            swapIn(fresh, target, siblingPrefix);
        } catch (Throwable failure) {
            AtomicFiles.deleteQuietly(fresh, failure);
            throw failure;
        }
    }

    private static void writeTree(List<BundleLayout.Entry> entries, Path root, UnaryOperator<OutputStream> decorator)
            throws IOException {
        AtomicFiles.setPermissions(root, AtomicFiles.DIRECTORY_PERMISSIONS);
        for (BundleLayout.Entry entry : entries) {
            Path path = root.resolve(entry.name());
            if (entry.isDirectory()) {
                Files.createDirectory(path);
                AtomicFiles.setPermissions(path, AtomicFiles.DIRECTORY_PERMISSIONS);
            } else {
                try (OutputStream out = decorator.apply(Files.newOutputStream(path))) {
                    out.write(entry.file().sharedContent());
                }
                AtomicFiles.setPermissions(path, AtomicFiles.FILE_PERMISSIONS);
            }
        }
    }

    /** Moves {@code fresh} to {@code target}; on failure the old target is back and {@code fresh} still exists. */
    private static void swapIn(Path fresh, Path target, String siblingPrefix) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            AtomicFiles.moveReplacing(fresh, target);
            return;
        }
        // A unique name to park the old tree under; the empty directory made for it is replaced by the move.
        Path old = Files.createTempDirectory(target.getParent(), siblingPrefix);
        try {
            AtomicFiles.moveReplacing(target, old);
        } catch (Throwable failure) {
            AtomicFiles.deleteQuietly(old, failure);
            throw failure;
        }
        try {
            AtomicFiles.moveReplacing(fresh, target);
        } catch (Throwable failure) {
            restore(old, target, failure);
            throw failure;
        }
        AtomicFiles.deleteTree(old);
    }

    private static void restore(Path old, Path target, Throwable failure) {
        try {
            AtomicFiles.moveReplacing(old, target);
        } catch (IOException | RuntimeException restoreFailure) {
            failure.addSuppressed(restoreFailure);
        }
    }
}
