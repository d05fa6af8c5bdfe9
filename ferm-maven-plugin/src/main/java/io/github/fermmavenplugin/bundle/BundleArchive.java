package io.github.fermmavenplugin.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Writes a bundle as a reproducible tar.gz: the same files and entry time give the same bytes, whoever
 * builds it, wherever and whenever.
 *
 * <p>What makes it so: entries in {@link BundleLayout} order, each directory an entry of its own; every
 * entry's mtime the given entry time (whole seconds); uid and gid 0 and no user or group names; modes 0644
 * for files and 0755 for directories; POSIX (ustar, with PAX headers only for names longer than 100
 * characters); a gzip header with no time (MTIME 0), no file name and a fixed OS byte (3, Unix, as
 * {@code gzip -n} writes it) and a fixed compression level. {@link TarGzWriter} writes every header field
 * itself; the JDK's own {@code GZIPOutputStream} is not used because its OS byte changed between JDK releases.
 *
 * <p>The deflate stream itself comes from the zlib the JDK uses (its bundled copy or the system's). Stock
 * zlib has in practice given the same bytes at a fixed level across releases, but nothing guarantees it,
 * and a JDK linked against another deflate implementation (zlib-ng, vendor-optimised forks) differs.
 *
 * <p>The archive appears at once or not at all: it is written to a temporary file beside the target and
 * then renamed over it. On failure the temporary file is removed and an archive already at the target is
 * left as it was.
 */
public final class BundleArchive {

    /** Unix (3), as {@code gzip -n} writes it on Linux; fixed so no JDK default leaks in. */
    static final int GZIP_OPERATING_SYSTEM = 3;
    /**
     * zlib's default level, as {@code gzip} uses: on a bundle of 10,000 rules it deflates five times faster
     * than level 9 for an archive about 9% larger (see BENCHMARKS.md).
     */
    static final int COMPRESSION_LEVEL = 6;

    static final int FILE_MODE = 0644;
    static final int DIRECTORY_MODE = 0755;
    /** The largest time the 12-byte octal mtime field of a ustar header holds (year 2242). */
    private static final long MAX_USTAR_SECONDS = 077777777777L;
    static final String TAR_TIME_RANGE = "1970-01-01T00:00:00Z to 2242-03-16T12:56:31Z";

    private BundleArchive() {
    }

    /**
     * Writes {@code files} to {@code archive}, replacing it.
     *
     * @param entryTime the mtime of every entry; truncated to whole seconds, from 1970 to 2242
     * @throws IllegalArgumentException if two files share a path or a file's path is another's directory,
     *     or the entry time is outside what a tar header holds; nothing is written then
     * @throws IOException if writing fails; the archive is then as it was before
     */
    public static void write(List<BundleFile> files, Path archive, Instant entryTime) throws IOException {
        write(files, archive, entryTime, UnaryOperator.identity());
    }

    /** As {@link #write(List, Path, Instant)}, with the file stream wrapped by {@code decorator} (tests inject faults). */
    static void write(List<BundleFile> files, Path archive, Instant entryTime, UnaryOperator<OutputStream> decorator)
            throws IOException {
        Objects.requireNonNull(archive, "archive");
        FileTime modificationTime = entryTime(entryTime);
        List<BundleLayout.Entry> entries = BundleLayout.entriesOf(files);

        Path absoluteArchive = archive.toAbsolutePath();
        Path directory = absoluteArchive.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absoluteArchive.getFileName() + ".", ".tmp");
        try {
            try (OutputStream file = decorator.apply(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                writeTarGz(entries, modificationTime, file);
            }
            AtomicFiles.setPermissions(temporary, AtomicFiles.FILE_PERMISSIONS);
            AtomicFiles.moveReplacing(temporary, absoluteArchive);
        } catch (Throwable failure) {
            AtomicFiles.deleteQuietly(temporary, failure);
            throw failure;
        }
    }

    /** Writes the compressed archive to {@code out} and closes it. */
    static void writeTarGz(List<BundleLayout.Entry> entries, FileTime modificationTime, OutputStream out)
            throws IOException {
        long seconds = modificationTime.toInstant().getEpochSecond();
        try (TarGzWriter tar = new TarGzWriter(out, COMPRESSION_LEVEL, GZIP_OPERATING_SYSTEM)) {
            for (BundleLayout.Entry entry : entries) {
                if (entry.isDirectory()) {
                    tar.directory(entry.name(), DIRECTORY_MODE, seconds);
                } else {
                    tar.file(entry.name(), FILE_MODE, seconds, entry.file().sharedContent());
                }
            }
        }
    }

    /** The entry time as tar headers store it: whole seconds, checked to fit. */
    static FileTime entryTime(Instant entryTime) {
        Objects.requireNonNull(entryTime, "entryTime");
        Instant seconds = entryTime.truncatedTo(ChronoUnit.SECONDS);
        if (!fitsTarHeader(seconds)) {
            throw new IllegalArgumentException("entry time " + entryTime + " is outside what a tar header holds ("
                    + TAR_TIME_RANGE + ")");
        }
        return FileTime.from(seconds);
    }

    /** Whether the instant's whole seconds fit a ustar header's mtime field. */
    static boolean fitsTarHeader(Instant time) {
        long seconds = time.truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
        return seconds >= 0 && seconds <= MAX_USTAR_SECONDS;
    }
}
