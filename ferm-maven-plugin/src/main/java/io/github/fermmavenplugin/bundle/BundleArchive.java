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
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a bundle as a reproducible tar.gz: the same files and entry time give the same bytes, whoever
 * builds it, wherever and whenever.
 *
 * <p>What makes it so: entries in {@link BundleLayout} order, each directory an entry of its own; every
 * entry's mtime the given entry time (whole seconds); uid and gid 0 and no user or group names; modes 0644
 * for files and 0755 for directories; POSIX (ustar, with PAX headers only for names longer than 100
 * characters); a gzip header with no time (MTIME 0), no file name and a fixed OS byte (3, Unix, as
 * {@code gzip -n} writes it) and a fixed compression level. The JDK's own {@code GZIPOutputStream} is not
 * used because its OS byte changed between JDK releases. Header fields whose library default already is
 * what we want (gzip time, tar ids and names) are still set explicitly, so a new library default cannot
 * change the archive.
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

    /** Unix (3), as {@code gzip -n} writes it on Linux; fixed so no library or JDK default leaks in. */
    static final GzipParameters.OS GZIP_OPERATING_SYSTEM = GzipParameters.OS.UNIX;
    /**
     * zlib's default level, as {@code gzip} uses: on a bundle of 10,000 rules it deflates five times faster
     * than level 9 for an archive about 9% larger (see BENCHMARKS.md).
     */
    static final int COMPRESSION_LEVEL = 6;

    private static final int FILE_MODE = 0644;
    private static final int DIRECTORY_MODE = 0755;
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
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GzipCompressorOutputStream(out, gzipParameters()), "US-ASCII")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (BundleLayout.Entry entry : entries) {
                writeEntry(tar, entry, modificationTime);
            }
            tar.finish();
        }
    }

    private static void writeEntry(TarArchiveOutputStream tar, BundleLayout.Entry entry, FileTime modificationTime)
            throws IOException {
        TarArchiveEntry header = new TarArchiveEntry(entry.name());
        header.setModTime(modificationTime);
        header.setIds(0, 0);
        header.setUserName("");
        header.setGroupName("");
        if (entry.isDirectory()) {
            header.setMode(DIRECTORY_MODE);
            tar.putArchiveEntry(header);
        } else {
            byte[] content = entry.file().sharedContent();
            header.setMode(FILE_MODE);
            header.setSize(content.length);
            tar.putArchiveEntry(header);
            tar.write(content);
        }
        tar.closeArchiveEntry();
    }

    private static GzipParameters gzipParameters() {
        GzipParameters parameters = new GzipParameters();
        // An instant, not setModificationTime(long): that one's unit changed to seconds in commons-compress 1.28.
        parameters.setModificationInstant(Instant.EPOCH);
        parameters.setOS(GZIP_OPERATING_SYSTEM);
        parameters.setCompressionLevel(COMPRESSION_LEVEL);
        parameters.setDeflateStrategy(Deflater.DEFAULT_STRATEGY);
        return parameters;
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
