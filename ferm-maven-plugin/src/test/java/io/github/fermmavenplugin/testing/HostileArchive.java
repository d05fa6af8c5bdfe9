package io.github.fermmavenplugin.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A tar.gz written entry by entry, with what BundleArchive never writes: links, devices, one name twice,
 * names it would refuse, several gzip members, entries without an end-of-archive marker.
 */
public final class HostileArchive {

    private record Entry(String name, byte linkFlag, byte[] content, String linkName, int mode) {
    }

    /** What commons-compress gives an entry of no other mode: its file type bits, then these. */
    private static final int DEFAULT_MODE = -1;

    private static final int RECORD = 512;

    private final List<List<Entry>> members = new ArrayList<>(List.of(new ArrayList<>()));
    private boolean endMarker = true;

    public HostileArchive file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public HostileArchive file(String name, byte[] content) {
        return entry(new Entry(name, TarConstants.LF_NORMAL, content, "", DEFAULT_MODE));
    }

    public HostileArchive directory(String name) {
        return directory(name, DEFAULT_MODE);
    }

    /** A directory with the permissions {@code mode}, which tar as root applies to it even when it exists. */
    public HostileArchive directory(String name, int mode) {
        return entry(new Entry(name, TarConstants.LF_DIR, new byte[0], "", mode));
    }

    /** A symbolic or hard link, a device or a fifo: {@code linkFlag} as TarConstants names them. */
    public HostileArchive special(String name, byte linkFlag, String linkName) {
        return entry(new Entry(name, linkFlag, new byte[0], linkName, DEFAULT_MODE));
    }

    /** What follows goes into a second gzip member, which GNU tar reads and a single-member reader does not. */
    public HostileArchive nextGzipMember() {
        members.add(new ArrayList<>());
        return this;
    }

    /** Leave out the two zero blocks that end a tar archive. */
    public HostileArchive withoutEndMarker() {
        endMarker = false;
        return this;
    }

    public Path writeTo(Path archive) {
        try (OutputStream out = Files.newOutputStream(archive)) {
            for (List<Entry> member : members) {
                out.write(gzipMember(tar(member)));
            }
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HostileArchive entry(Entry entry) {
        members.get(members.size() - 1).add(entry);
        return this;
    }

    private byte[] tar(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (Entry entry : entries) {
            TarArchiveEntry header = new TarArchiveEntry(entry.name(), entry.linkFlag(), true);
            header.setLinkName(entry.linkName());
            // root's, as BundleArchive writes it, not the user's that commons-compress puts by default
            header.setUserName("");
            header.setGroupName("");
            if (entry.mode() != DEFAULT_MODE) {
                header.setMode(entry.mode());
            }
            header.setSize(entry.content().length);
            tar.putArchiveEntry(header);
            tar.write(entry.content());
            tar.closeArchiveEntry();
        }
        tar.finish();
        byte[] archive = bytes.toByteArray();
        return endMarker ? archive : withoutTrailingZeroRecords(archive);
    }

    private static byte[] withoutTrailingZeroRecords(byte[] archive) {
        int end = archive.length;
        while (end >= RECORD && isZero(archive, end - RECORD, end)) {
            end -= RECORD;
        }
        return java.util.Arrays.copyOf(archive, end);
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** One gzip member of {@code data}, as GNU gzip writes it. */
    public static byte[] gzipMember(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes)) {
            gzip.write(data);
        }
        return bytes.toByteArray();
    }
}
