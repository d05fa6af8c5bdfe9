package io.github.fermmavenplugin.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The bytes of a tar.gz, as little of the two formats as a bundle needs: POSIX ustar headers (a PAX
 * {@code path} record before an entry whose name does not fit the header's 100 bytes), uid and gid 0, no
 * user or group names, then two zero records; the gzip member around it has no time, no file name and
 * the OS byte given. Every header field is written as commons-compress 1.28 wrote it, which this class
 * replaces so that a build does not resolve and load four libraries to write a few kilobytes
 * ({@code TarGzWriterTest} holds the bytes to it).
 */
final class TarGzWriter implements Closeable {

    private static final int RECORD = 512;
    private static final int NAME_LENGTH = 100;
    private static final byte[] ZERO_RECORDS = new byte[2 * RECORD];
    private static final String PAX_DIRECTORY = "./PaxHeaders.X/";
    /** What commons-compress gave the PAX header entry, a regular file's type bits with mode 0644. */
    private static final int PAX_HEADER_MODE = 0100644;

    private final OutputStream out;
    private final DeflaterOutputStream deflated;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private long size;

    /** Starts the gzip member; {@code out} is closed with this writer. */
    TarGzWriter(OutputStream out, int compressionLevel, int operatingSystem) throws IOException {
        this.out = out;
        // ID1 ID2, CM deflate, no flags, MTIME 0, XFL as RFC 1952 has it for the level, OS
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, extraFlags(compressionLevel),
            (byte) operatingSystem});
        deflater = new Deflater(compressionLevel, true);
        deflated = new DeflaterOutputStream(out, deflater, 8192);
    }

    void directory(String name, int mode, long modificationSeconds) throws IOException {
        entry(name, '5', mode, modificationSeconds, new byte[0]);
    }

    void file(String name, int mode, long modificationSeconds, byte[] content) throws IOException {
        entry(name, '0', mode, modificationSeconds, content);
    }

    /** Ends the tar and the gzip member, and closes the stream. */
    @Override
    public void close() throws IOException {
        try (out) {
            tar(ZERO_RECORDS);
            deflated.finish();
            deflater.end();
            out.write(littleEndian(crc.getValue()));
            out.write(littleEndian(size));
        }
    }

    private void entry(String name, char type, int mode, long modificationSeconds, byte[] content)
            throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        if (nameBytes.length >= NAME_LENGTH) {
            // '/' replaced, as commons-compress did, so that no reader takes the header entry for a directory
            String paxName = PAX_DIRECTORY + name.replace('/', '_');
            byte[] paxNameBytes = paxName.substring(0, Math.min(paxName.length(), NAME_LENGTH - 1))
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] record = paxRecord("path", name);
            tar(header(paxNameBytes, 'x', PAX_HEADER_MODE, record.length, modificationSeconds));
            tarPadded(record);
        }
        tar(header(nameBytes, type, mode, content.length, modificationSeconds));
        tarPadded(content);
    }

    private static byte[] header(byte[] name, char type, int mode, long length, long modificationSeconds) {
        byte[] header = new byte[RECORD];
        System.arraycopy(name, 0, header, 0, Math.min(name.length, NAME_LENGTH));
        octal(header, 100, 8, mode);
        octal(header, 108, 8, 0); // uid
        octal(header, 116, 8, 0); // gid
        octal(header, 124, 12, length);
        octal(header, 136, 12, modificationSeconds);
        Arrays.fill(header, 148, 156, (byte) ' '); // the checksum counts its own field as spaces
        header[156] = (byte) type;
        ascii(header, 257, "ustar\0");
        ascii(header, 263, "00");
        octal(header, 329, 8, 0); // device major
        octal(header, 337, 8, 0); // device minor
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        octal(header, 148, 7, checksum);
        header[154] = 0;
        header[155] = ' ';
        return header;
    }

    /** {@code length - 1} octal digits, zero-padded, and a space. */
    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException(value + " does not fit a tar header field of " + length + " bytes");
        }
        ascii(header, offset, "0".repeat(length - 1 - digits.length()) + digits + " ");
    }

    private static void ascii(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    /** A PAX extended header record: "LENGTH key=value\n", LENGTH counting the whole record, itself included. */
    private static byte[] paxRecord(String key, String value) {
        String rest = " " + key + "=" + value + "\n";
        int length = rest.length();
        while ((length + rest).length() != length) {
            length = (length + rest).length();
        }
        return (length + rest).getBytes(StandardCharsets.US_ASCII);
    }

    private void tarPadded(byte[] content) throws IOException {
        tar(content);
        int partial = content.length % RECORD;
        if (partial != 0) {
            tar(new byte[RECORD - partial]);
        }
    }

    private void tar(byte[] bytes) throws IOException {
        deflated.write(bytes);
        crc.update(bytes);
        size += bytes.length;
    }

    /** RFC 1952's XFL: 2 for the slowest, best compression, 4 for the fastest, 0 otherwise. */
    private static byte extraFlags(int compressionLevel) {
        return switch (compressionLevel) {
            case Deflater.BEST_COMPRESSION -> 2;
            case Deflater.BEST_SPEED -> 4;
            default -> 0;
        };
    }

    /** The four bytes of gzip's trailer fields: the low 32 bits, least significant first. */
    private static byte[] littleEndian(long value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }
}
