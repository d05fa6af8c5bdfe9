package io.github.fermmavenplugin.bundle;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The entries of a tar.gz, as far as a bundle can have them: POSIX ustar headers (with the prefix field)
 * and the PAX {@code path} and {@code size} records {@link TarGzWriter} and GNU tar write. Every other kind
 * of entry (links, devices, GNU long names, global PAX headers) is returned with its type for the caller to
 * refuse; a header whose checksum does not match, a field that is not octal or an archive cut short is an
 * {@link IOException}.
 */
final class TarGzReader implements Closeable {

    private static final int RECORD = 512;
    /** Far above the one record a PAX path takes; more is not a bundle's. */
    private static final int MAX_PAX_BYTES = 64 * 1024;

    /** One entry's header. {@code type} is the ustar type flag, '0' for a file (also NUL), '5' for a directory. */
    record Entry(String name, char type, long size) {

        boolean isDirectory() {
            return type == '5';
        }

        boolean isFile() {
            return type == '0' || type == 0;
        }
    }

    private final InputStream in;
    /** Bytes of the current entry, padding included, not read yet. */
    private long unread;

    TarGzReader(InputStream in) throws IOException {
        this.in = new GZIPInputStream(in);
    }

    /** The next entry, or null at the end of the archive. Skips what was not read of the one before. */
    Entry next() throws IOException {
        skip(unread);
        unread = 0;
        byte[] header = record();
        if (header == null) {
            return null;
        }
        String paxPath = null;
        Long paxSize = null;
        if (header[156] == 'x') {
            long length = octal(header, 124, 12);
            if (length > MAX_PAX_BYTES) {
                throw new IOException("a PAX header of " + length + " bytes");
            }
            byte[] records = readExactly((int) length);
            skip(padding(length));
            for (String[] keyValue : paxRecords(records)) {
                if (keyValue[0].equals("path")) {
                    paxPath = keyValue[1];
                } else if (keyValue[0].equals("size")) {
                    paxSize = decimal(keyValue[1]);
                }
            }
            header = record();
            if (header == null) {
                throw new EOFException("the archive ends after a PAX header");
            }
        }
        long size = paxSize != null ? paxSize : octal(header, 124, 12);
        unread = size + padding(size);
        String name = paxPath != null ? paxPath : ustarName(header);
        return new Entry(name, (char) header[156], size);
    }

    /** The content of the entry {@link #next()} returned; its size must fit an array. */
    byte[] content(Entry entry) throws IOException {
        byte[] content = readExactly(Math.toIntExact(entry.size()));
        unread -= entry.size();
        return content;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The next header record, checked; null for the zero record that ends an archive. */
    private byte[] record() throws IOException {
        byte[] header = readExactly(RECORD);
        long unsigned = 0;
        long signed = 0;
        boolean zero = true;
        for (int i = 0; i < RECORD; i++) {
            byte b = (i >= 148 && i < 156) ? (byte) ' ' : header[i];
            unsigned += b & 0xff;
            signed += b;
            zero &= header[i] == 0;
        }
        if (zero) {
            return null;
        }
        long recorded = octal(header, 148, 8);
        if (recorded != unsigned && recorded != signed) {
            throw new IOException("a tar header's checksum does not match");
        }
        return header;
    }

    private static String ustarName(byte[] header) {
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** A NUL-terminated header field; bytes above ASCII kept visible for the name check to refuse. */
    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.ISO_8859_1);
    }

    /** An octal number field: leading spaces, digits, then NUL or space to the end of the field. */
    private static long octal(byte[] header, int offset, int length) throws IOException {
        int i = offset;
        int end = offset + length;
        while (i < end && header[i] == ' ') {
            i++;
        }
        int digits = i;
        long value = 0;
        for (; i < end && header[i] >= '0' && header[i] <= '7'; i++) {
            value = value * 8 + (header[i] - '0');
        }
        boolean terminated = true;
        for (int rest = i; rest < end; rest++) {
            terminated &= header[rest] == 0 || header[rest] == ' ';
        }
        if (i == digits || !terminated) {
            throw new IOException("a tar header field that is no octal number");
        }
        return value;
    }

    private static long decimal(String text) throws IOException {
        if (!text.matches("[0-9]{1,18}")) {
            throw new IOException("a PAX size that is no number: " + text);
        }
        return Long.parseLong(text);
    }

    /** The records "LENGTH key=value\n" of a PAX header, as key and value. */
    private static List<String[]> paxRecords(byte[] data) throws IOException {
        List<String[]> records = new ArrayList<>();
        int position = 0;
        while (position < data.length) {
            int space = position;
            while (space < data.length && data[space] >= '0' && data[space] <= '9' && space - position < 6) {
                space++;
            }
            if (space == position || space >= data.length || data[space] != ' ') {
                throw new IOException("a malformed PAX header");
            }
            int length = Integer.parseInt(new String(data, position, space - position, StandardCharsets.US_ASCII));
            int end = position + length;
            if (end > data.length || end <= space + 1 || data[end - 1] != '\n') {
                throw new IOException("a malformed PAX header");
            }
            String record = new String(data, space + 1, end - 1 - (space + 1), StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals < 1) {
                throw new IOException("a malformed PAX header");
            }
            records.add(new String[] {record.substring(0, equals), record.substring(equals + 1)});
            position = end;
        }
        return records;
    }

    private static long padding(long size) {
        long partial = size % RECORD;
        return partial == 0 ? 0 : RECORD - partial;
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("the archive is cut short");
        }
        return bytes;
    }

    private void skip(long length) throws IOException {
        in.skipNBytes(length);
    }
}
