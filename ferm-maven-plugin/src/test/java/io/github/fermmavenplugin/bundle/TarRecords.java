package io.github.fermmavenplugin.bundle;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.github.fermmavenplugin.bundle.BundleReader.NotABundleException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The tests' hands on raw tar records: a changed header given its checksum again, a tar read to its end. */
final class TarRecords {

    private TarRecords() {
    }

    /**
     * Header {@code record} of {@code tar} given the checksum of its bytes as they are now, in place; a record that
     * the archive holds only part of (cut short) is left as it is.
     */
    static byte[] withChecksum(byte[] tar, int record) {
        int start = record * TarReader.RECORD;
        if (start + TarReader.RECORD > tar.length) {
            return tar;
        }
        Arrays.fill(tar, start + 148, start + 156, (byte) ' ');
        long sum = 0;
        for (int i = start; i < start + TarReader.RECORD; i++) {
            sum += tar[i] & 0xff;
        }
        byte[] checksum = String.format("%06o\0 ", sum).getBytes(US_ASCII);
        System.arraycopy(checksum, 0, tar, start + 148, checksum.length);
        return tar;
    }

    /** Every entry TarReader reads of {@code tar}, up to the end-of-archive records. */
    static List<TarReader.Entry> entries(byte[] tar, int maxEntryBytes) throws IOException, NotABundleException {
        TarReader reader = new TarReader(new ByteArrayInputStream(tar), maxEntryBytes);
        List<TarReader.Entry> entries = new ArrayList<>();
        for (TarReader.Entry entry = reader.next(); entry != null; entry = reader.next()) {
            entries.add(entry);
        }
        return entries;
    }
}
