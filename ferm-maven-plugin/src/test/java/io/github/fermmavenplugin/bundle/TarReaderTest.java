package io.github.fermmavenplugin.bundle;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.bundle.BundleReader.NotABundleException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tar a bundle is, read back; and the same tar with one thing wrong, refused with words that say what.
 * The archives are TarGzWriter's own (records: 0 the ferm.d/ directory, 1 a file's header, 2 its content,
 * 3 and 4 the end) or, with a long name, a PAX header before the file (1 the PAX header, 2 its record, 3
 * the file's header, 4 its content, 5 and 6 the end); each row changes bytes of it, and a changed header
 * gets its checksum recomputed unless the row is about the checksum.
 */
class TarReaderTest {

    private static final String SHORT = "ferm.d/a.ferm";
    private static final String LONG = "ferm.d/" + "l".repeat(120) + ".ferm";
    private static final int RECORD = TarReader.RECORD;
    private static final int MAX_ENTRY_BYTES = 10_000;

    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("a directory and a file", tar(SHORT), List.of("ferm.d/", SHORT)),
                Arguments.of("a name longer than the header's, in a PAX record", tar(LONG), List.of("ferm.d/", LONG)),
                Arguments.of("an old-style regular file, type NUL", change(tar(SHORT), field(1, 156, "\0")),
                        List.of("ferm.d/", SHORT)),
                Arguments.of("numbers padded with NUL or spaces, as other writers pad them",
                        change(tar(SHORT), field(1, 100, "644\0    "), field(1, 108, "0      \0")),
                        List.of("ferm.d/", SHORT)),
                Arguments.of("zeros after the end, as a tar's blocking pads it", change(tar(SHORT), appended(20 * RECORD)),
                        List.of("ferm.d/", SHORT)),
                Arguments.of("modes with their file type bits, which tar does not apply",
                        change(tar(SHORT), field(0, 100, "0040755 "), field(1, 100, "0100644 ")),
                        List.of("ferm.d/", SHORT)),
                Arguments.of("commons-compress 1.28's tar as BundleArchive wrote it, its blocking included",
                        commonsCompressTar(), List.of("ferm.d/", SHORT, LONG)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void readsTheEntries(String title, byte[] tar, List<String> names) throws Exception {
        assertThat(read(tar)).extracting(TarReader.Entry::name).containsExactlyElementsOf(names);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                row("a wrong checksum", tar(SHORT), raw(RECORD + 20, 'x'), "header at byte 512 has a wrong checksum"),
                row("a checksum that is no number", tar(SHORT), raw(RECORD + 148, 'z'),
                        "header at byte 512 has a field at offset 148 that is not an octal number"),
                row("a size with a digit 8", tar(SHORT), field(1, 124, "0000000008 "),
                        "header at byte 512 has a field at offset 124 that is not an octal number"),
                row("a size in base-256, the encoding of negative and huge numbers", tar(SHORT),
                        field(1, 124, "\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00fe"),
                        "header at byte 512 has a field at offset 124 that is not an octal number"),
                row("a size above the bound", tar(SHORT), field(1, 124, "00000023421 "), "more than 10000 bytes"),
                row("the largest octal size", tar(SHORT), field(1, 124, "77777777777 "), "more than 10000 bytes"),
                row("an empty size", tar(SHORT), field(1, 124, "           \0"), "at offset 124 that is not an octal number"),
                row("a digit after the padding", tar(SHORT), field(1, 100, "000 644 "),
                        "at offset 100 that is not an octal number"),
                row("a mode that is text", tar(SHORT), field(1, 100, "rw-r--r-"), "at offset 100 that is not an octal"),
                row("a device number that is no number", tar(SHORT), field(1, 329, "-1     "),
                        "at offset 329 that is not an octal number"),
                row("GNU's magic instead of POSIX's", tar(SHORT), field(1, 257, "ustar  \0"),
                        "header at byte 512 is not a POSIX ustar header"),
                row("no magic, a V7 tar header", tar(SHORT), field(1, 257, "\0\0\0\0\0\0\0\0"),
                        "is not a POSIX ustar header"),
                row("a name prefix", tar(SHORT), field(1, 345, "etc"), "has a name prefix"),
                row("a symbolic link", tar(SHORT), field(1, 156, "2"), "entry 'ferm.d/a.ferm' is not a regular file"),
                row("a global PAX header", tar(SHORT), field(1, 156, "g"), "is not a regular file"),
                row("a file anyone may write", tar(SHORT), field(1, 100, "0000666 "),
                        "header at byte 512 gives 'ferm.d/a.ferm' mode 666, where ferm:bundle writes 644"),
                row("a directory anyone may write", tar(SHORT), field(0, 100, "0000777 "),
                        "header at byte 0 gives 'ferm.d/' mode 777, where ferm:bundle writes 755"),
                row("a setuid file", tar(SHORT), field(1, 100, "0004644 "), "gives 'ferm.d/a.ferm' mode 4644"),
                row("a file of a user's", tar(SHORT), field(1, 108, "0001750 "),
                        "header at byte 512 gives 'ferm.d/a.ferm' an owner other than root"),
                row("a file of a group's", tar(SHORT), field(1, 116, "0001750 "), "an owner other than root"),
                row("a directory of a user's", tar(SHORT), field(0, 108, "0001750 "),
                        "header at byte 0 gives 'ferm.d/' an owner other than root"),
                row("a user name, which tar as root prefers to the uid", tar(SHORT), field(1, 265, "nobody"),
                        "an owner other than root"),
                row("a group name", tar(SHORT), field(0, 297, "nogroup"), "an owner other than root"),
                row("a mode behind a PAX header", tar(LONG), field(3, 100, "0000666 "),
                        "header at byte 1536 gives '" + LONG + "' mode 666"),
                row("a file named as a directory", tar(SHORT), field(1, 0, "ferm.d/\0"),
                        "header at byte 512 names a regular file 'ferm.d/', which tar extracts as a directory"),
                row("a directory with content", tar(SHORT), field(0, 124, "00000000001 "),
                        "header at byte 0 gives the directory 'ferm.d/' content"),
                row("an end within a header", tar(SHORT), cut(RECORD + 300), "truncated tar archive: it ends within a header"),
                row("an end within the content", tar(SHORT), cut(2 * RECORD + 1),
                        "it ends within the content of the entry whose header is at byte 512"),
                row("an end within the padding", tar(SHORT), cut(2 * RECORD + 100),
                        "it ends within the padding of the entry whose header is at byte 512"),
                row("no end-of-archive records", tar(SHORT), cut(3 * RECORD), "it ends within a header"),
                row("one end-of-archive record", tar(SHORT), cut(4 * RECORD),
                        "it ends within the second end-of-archive record"),
                row("data after the end", tar(SHORT), appended(3 * RECORD, 'x'),
                        "data after the end of its tar archive, at byte 1536"),
                row("data in the second end-of-archive record", tar(SHORT), raw(4 * RECORD + 7, 'x'),
                        "data after the end of its tar archive"),
                row("a PAX length longer than its header", tar(LONG), paxRecords("999 path=" + LONG + "\n"),
                        "has a record of 999 bytes"),
                row("a PAX length shorter than its record", tar(LONG), paxRecords("9 path=" + LONG + "\n"),
                        "has a record of 9 bytes"),
                row("a PAX length with a leading zero", tar(LONG), paxRecords("0142 path=" + LONG + "\n"),
                        "does not begin with a record length"),
                row("a PAX length that is no number", tar(LONG), paxRecords("x path=" + LONG + "\n"),
                        "does not begin with a record length"),
                row("a PAX length of ten digits", tar(LONG), paxRecords("0".repeat(10) + " path=x\n"),
                        "does not begin with a record length"),
                row("a PAX length and nothing else", tar(LONG), paxRecords("12"), "does not begin with a record length"),
                row("a PAX record other than path", tar(LONG), paxRecords("20 mtime=1700000000\n"),
                        "holds a record other than the path"),
                row("a second PAX record", tar(LONG), paxRecords("142 path=" + LONG + "\n" + "11 uid=0\n"),
                        "has a record of 142 bytes"),
                row("a PAX record without its newline", tar(LONG), paxRecords("142 path=" + LONG + " "),
                        "holds a record other than the path"),
                row("a PAX header above its bound", tar(LONG), field(1, 124, "00000020001 "),
                        "a PAX header of more than 8192 bytes"),
                row("a PAX header before the end", tar(LONG), cut(3 * RECORD), "it ends within a header"),
                row("a PAX header before the end-of-archive records", tar(LONG), blanked(3 * RECORD, 5 * RECORD),
                        "header at byte 1536 is the end of the archive"),
                row("a PAX header before a PAX header", tar(LONG), field(3, 156, "x"),
                        "header at byte 1536 is a second PAX header for one entry"));
    }

    private static Arguments row(String title, byte[] tar, UnaryOperator<byte[]> change, String words) {
        return Arguments.of(title, change(tar, change), words);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWithWordsThatSayWhat(String title, byte[] tar, String words) {
        assertThatThrownBy(() -> read(tar)).isInstanceOf(NotABundleException.class).hasMessageContaining(words);
    }

    private static List<TarReader.Entry> read(byte[] tar) throws IOException, NotABundleException {
        return TarRecords.entries(tar, MAX_ENTRY_BYTES);
    }

    /** TarGzWriter's tar of one file named {@code name}, uncompressed. */
    private static byte[] tar(String name) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BundleArchive.writeTarGz(BundleLayout.entriesOf(List.of(new BundleFile(name, "x\n".getBytes(US_ASCII)))),
                    FileTime.from(Instant.EPOCH), out);
            return new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())).readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** commons-compress's 10 KiB blocking and default modes, the owner set as BundleArchive set it. */
    private static byte[] commonsCompressTar() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 10240, "US-ASCII")) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.putArchiveEntry(ownedByRoot(new TarArchiveEntry("ferm.d/")));
                tar.closeArchiveEntry();
                for (String name : List.of(SHORT, LONG)) {
                    TarArchiveEntry entry = ownedByRoot(new TarArchiveEntry(name));
                    entry.setSize(2);
                    tar.putArchiveEntry(entry);
                    tar.write("x\n".getBytes(US_ASCII));
                    tar.closeArchiveEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static TarArchiveEntry ownedByRoot(TarArchiveEntry entry) {
        entry.setIds(0, 0);
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }

    @SafeVarargs
    private static byte[] change(byte[] tar, UnaryOperator<byte[]>... changes) {
        byte[] changed = tar.clone();
        for (UnaryOperator<byte[]> change : changes) {
            changed = change.apply(changed);
        }
        return changed;
    }

    /** {@code text}, one byte a character, at {@code offset} of header {@code record}, its checksum made right. */
    private static UnaryOperator<byte[]> field(int record, int offset, String text) {
        return tar -> {
            for (int i = 0; i < text.length(); i++) {
                tar[record * RECORD + offset + i] = (byte) text.charAt(i);
            }
            return TarRecords.withChecksum(tar, record);
        };
    }

    /** The PAX header's records replaced by {@code records}, its size and checksum made to match. */
    private static UnaryOperator<byte[]> paxRecords(String records) {
        return tar -> {
            byte[] changed = tar.clone();
            Arrays.fill(changed, 2 * RECORD, 3 * RECORD, (byte) 0);
            System.arraycopy(records.getBytes(US_ASCII), 0, changed, 2 * RECORD, records.length());
            return field(1, 124, String.format("%011o ", records.length())).apply(changed);
        };
    }

    private static UnaryOperator<byte[]> raw(int position, char value) {
        return tar -> {
            tar[position] = (byte) value;
            return tar;
        };
    }

    private static UnaryOperator<byte[]> cut(int length) {
        return tar -> Arrays.copyOf(tar, length);
    }

    /** {@code length} bytes more, all {@code value}. */
    private static UnaryOperator<byte[]> appended(int length, char value) {
        return tar -> {
            byte[] longer = Arrays.copyOf(tar, tar.length + length);
            Arrays.fill(longer, tar.length, longer.length, (byte) value);
            return longer;
        };
    }

    private static UnaryOperator<byte[]> appended(int length) {
        return appended(length, '\0');
    }

    /** The bytes from {@code from} to {@code to} zeroed. */
    private static UnaryOperator<byte[]> blanked(int from, int to) {
        return tar -> {
            Arrays.fill(tar, from, to, (byte) 0);
            return tar;
        };
    }
}
