package io.github.fermmavenplugin.bundle;

import io.github.fermmavenplugin.bundle.BundleReader.NotABundleException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the tar that {@link TarGzWriter} writes, and commons-compress 1.28 wrote before it: POSIX ustar
 * headers, a PAX {@code path} record before an entry whose name does not fit, directories, regular files,
 * then the end-of-archive records and nothing but zeros. It reads archives fetched from repositories, so
 * anything else is refused rather than guessed at: other entry kinds, other PAX records, a header whose
 * checksum or numbers do not add up, an owner or mode other than ferm:bundle's, an archive that ends
 * early, more bytes than the caller allows.
 */
final class TarReader {

    /** A directory or a regular file; a directory's name ends with '/' and it has no content. */
    record Entry(String name, boolean directory, byte[] content) {
    }

    static final int RECORD = 512;
    /** A path far longer than any bundle's, far below what could hurt the build. */
    static final int MAX_PAX_HEADER_BYTES = 8 * 1024;

    private static final int NAME = 0;
    private static final int NAME_LENGTH = 100;
    private static final int CHECKSUM = 148;
    private static final int CHECKSUM_LENGTH = 8;
    private static final int TYPE = 156;
    private static final int MAGIC = 257;
    /** The magic and the version, POSIX's: not GNU's "ustar  \0", not V7's none. */
    private static final byte[] USTAR_MAGIC = ("ustar\0" + "00").getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX = 345;
    private static final int PREFIX_LENGTH = 155;
    private static final int USER_NAME = 265;
    private static final int GROUP_NAME = 297;
    private static final int OWNER_NAME_LENGTH = 32;
    /** The numeric fields, each as offset and length: mode, uid, gid, size, mtime, device major and minor. */
    private static final int[][] NUMBERS = {{100, 8}, {108, 8}, {116, 8}, {124, 12}, {136, 12}, {329, 8}, {337, 8}};
    private static final int MODE = 0;
    private static final int UID = 1;
    private static final int GID = 2;
    private static final int SIZE = 3;
    /** The bits of the mode tar applies; those above say the file's type, which the type flag says already. */
    private static final int PERMISSION_BITS = 07777;

    private final InputStream in;
    private final long maxEntryBytes;
    private final byte[] header = new byte[RECORD];
    private long position;
    private boolean ended;

    /**
     * @param in the uncompressed tar; its length is the caller's to bound
     * @param maxEntryBytes the most a single entry may hold, checked before its content is read
     */
    TarReader(InputStream in, long maxEntryBytes) {
        this.in = in;
        this.maxEntryBytes = maxEntryBytes;
    }

    /** The next directory or file; null after the end-of-archive records, once the zeros after them are read. */
    Entry next() throws IOException, NotABundleException {
        if (ended) {
            return null;
        }
        long start = position;
        if (!readHeader()) {
            requireZerosToTheEnd();
            ended = true;
            return null;
        }
        String name = null;
        if (header[TYPE] == 'x') {
            if (size() > MAX_PAX_HEADER_BYTES) {
                throw new NotABundleException("it has a PAX header of more than " + MAX_PAX_HEADER_BYTES + " bytes");
            }
            name = paxPath(content(start));
            start = position;
            if (!readHeader()) {
                throw malformed(start, "is the end of the archive, where the entry its PAX header names should be");
            }
            if (header[TYPE] == 'x') {
                throw malformed(start, "is a second PAX header for one entry");
            }
        }
        if (name == null) {
            name = text(NAME, NAME_LENGTH);
        }
        return switch (header[TYPE]) {
            case '0', 0 -> file(name, start);
            case '5' -> directory(name, start);
            default -> throw new NotABundleException("entry '" + name + "' is not a regular file");
        };
    }

    private Entry file(String name, long start) throws IOException, NotABundleException {
        if (name.endsWith("/")) {
            throw malformed(start, "names a regular file '" + name + "', which tar extracts as a directory");
        }
        requireOwnerAndModeAsWritten(name, BundleArchive.FILE_MODE, start);
        return new Entry(name, false, content(start));
    }

    private Entry directory(String name, long start) throws NotABundleException {
        if (size() != 0) {
            throw malformed(start, "gives the directory '" + name + "' content");
        }
        requireOwnerAndModeAsWritten(name, BundleArchive.DIRECTORY_MODE, start);
        return new Entry(name, true, new byte[0]);
    }

    /**
     * Root's, with the mode ferm:bundle writes: tar as root (ops extract bundles into /etc/ferm) gives each
     * entry the owner and the permissions its header names, so that one owned by a user, or writable by
     * everyone, would hand whoever that is the firewall's rules.
     */
    private void requireOwnerAndModeAsWritten(String name, int mode, long start) throws NotABundleException {
        long permissions = number(MODE) & PERMISSION_BITS;
        if (permissions != mode) {
            throw malformed(start, "gives '" + name + "' mode " + Long.toOctalString(permissions)
                    + ", where ferm:bundle writes " + Integer.toOctalString(mode));
        }
        if (number(UID) != 0 || number(GID) != 0 || !text(USER_NAME, OWNER_NAME_LENGTH).isEmpty()
                || !text(GROUP_NAME, OWNER_NAME_LENGTH).isEmpty()) {
            throw malformed(start, "gives '" + name + "' an owner other than root (uid and gid 0, no user or"
                    + " group name), which tar as root would make its owner");
        }
    }

    /** Reads and checks a header; false for the first of the end-of-archive records. */
    private boolean readHeader() throws IOException, NotABundleException {
        long start = position;
        readFully(header, "a header");
        if (isZero(header, RECORD)) {
            return false;
        }
        if (!matches(header, MAGIC, USTAR_MAGIC)) {
            throw malformed(start, "is not a POSIX ustar header");
        }
        if (octal(CHECKSUM, CHECKSUM_LENGTH, start) != checksum()) {
            throw malformed(start, "has a wrong checksum");
        }
        for (int[] field : NUMBERS) {
            octal(field[0], field[1], start);
        }
        if (!text(PREFIX, PREFIX_LENGTH).isEmpty()) {
            throw malformed(start, "has a name prefix, which ferm:bundle never writes");
        }
        if (size() > maxEntryBytes) {
            throw new NotABundleException("it holds more than " + maxEntryBytes + " bytes");
        }
        return true;
    }

    /** The entry's content, and the padding after it to a whole record read past. */
    private byte[] content(long start) throws IOException, NotABundleException {
        byte[] content = new byte[(int) size()];
        readFully(content, "the content of the entry whose header is at byte " + start);
        int partial = content.length % RECORD;
        if (partial != 0) {
            readFully(new byte[RECORD - partial], "the padding of the entry whose header is at byte " + start);
        }
        return content;
    }

    /**
     * The {@code path} of a PAX extended header: the one record it may hold, as "LENGTH path=VALUE\n" where
     * LENGTH, in decimal, counts the whole record.
     */
    private String paxPath(byte[] records) throws NotABundleException {
        int space = 0;
        while (space < records.length && records[space] >= '0' && records[space] <= '9' && space < 9) {
            space++;
        }
        if (space == 0 || space == records.length || records[space] != ' ' || records[0] == '0') {
            throw new NotABundleException("its PAX header does not begin with a record length");
        }
        int length = Integer.parseInt(new String(records, 0, space, StandardCharsets.US_ASCII));
        if (length != records.length) {
            throw new NotABundleException("its PAX header of " + records.length + " bytes has a record of "
                    + length + " bytes (ferm:bundle writes one record, the path)");
        }
        String record = new String(records, space + 1, length - space - 1, StandardCharsets.ISO_8859_1);
        if (!record.startsWith("path=") || !record.endsWith("\n")) {
            throw new NotABundleException("its PAX header holds a record other than the path ferm:bundle writes");
        }
        return record.substring("path=".length(), record.length() - 1);
    }

    /** After the first end-of-archive record: the second, then nothing but zeros, as a tar's blocking pads it. */
    private void requireZerosToTheEnd() throws IOException, NotABundleException {
        long end = position - RECORD;
        readFully(header, "the second end-of-archive record");
        for (int n = RECORD; n > 0; n = in.read(header)) {
            if (!isZero(header, n)) {
                throw new NotABundleException("it has data after the end of its tar archive, at byte " + end);
            }
        }
    }

    private long size() {
        return number(SIZE);
    }

    /** One of the {@link #NUMBERS}, parsed already by {@link #readHeader}. */
    private long number(int field) {
        return parseOctal(header, NUMBERS[field][0], NUMBERS[field][1]);
    }

    /** The field's number: octal digits, then only NUL or space; -1 for anything else. */
    static long parseOctal(byte[] record, int offset, int length) {
        int end = offset + length;
        int i = offset;
        long value = 0;
        for (; i < end && record[i] >= '0' && record[i] <= '7'; i++) {
            value = value * 8 + (record[i] - '0');
        }
        if (i == offset) {
            return -1;
        }
        for (; i < end; i++) {
            if (record[i] != 0 && record[i] != ' ') {
                return -1;
            }
        }
        return value;
    }

    private long octal(int offset, int length, long start) throws NotABundleException {
        long value = parseOctal(header, offset, length);
        if (value < 0) {
            throw malformed(start, "has a field at offset " + offset + " that is not an octal number");
        }
        return value;
    }

    /** The unsigned sum of the header's bytes, its checksum field counted as spaces. */
    private long checksum() {
        long sum = 0;
        for (int i = 0; i < RECORD; i++) {
            sum += i >= CHECKSUM && i < CHECKSUM + CHECKSUM_LENGTH ? ' ' : header[i] & 0xff;
        }
        return sum;
    }

    /** The field's bytes up to its first NUL, one character a byte: a name that is not ASCII stays visible. */
    private String text(int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.ISO_8859_1);
    }

    private void readFully(byte[] buffer, String what) throws IOException, NotABundleException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        position += n;
        if (n < buffer.length) {
            throw new NotABundleException("it is a truncated tar archive: it ends within " + what);
        }
    }

    private static NotABundleException malformed(long start, String what) {
        return new NotABundleException("it is not a tar archive ferm:bundle writes: the header at byte " + start
                + " " + what);
    }

    private static boolean matches(byte[] record, int offset, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (record[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
