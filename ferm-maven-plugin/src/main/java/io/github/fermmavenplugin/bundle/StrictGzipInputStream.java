package io.github.fermmavenplugin.bundle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The bytes of every gzip member of a stream, one member after the other, as {@code gzip -d} (and so GNU
 * tar) reads them, member by member in a loop: the JDK's {@code GZIPInputStream} recurses once per empty
 * member and overflows the stack on 200 KB of them, reads a member whose flags gzip refuses, and silently
 * stops at bytes after a member that gzip reads on (its old magic) or warns about. Anything gzip would
 * refuse or warn about is refused here: reserved flags, a wrong header or data checksum, a wrong length,
 * an end within a member, any byte after the last member.
 */
final class StrictGzipInputStream extends InputStream {

    private static final int ID1 = 0x1f;
    private static final int ID2 = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    /** Bit 5, which gzip reads as "encrypted", and bits 6 and 7: gzip refuses a member with any of them. */
    private static final int RESERVED_FLAGS = 0xe0;
    private static final int BUFFER = 8192;

    private final PushbackInputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[BUFFER];
    private int inputLength;
    private int members;
    private boolean inMember;
    private boolean ended;

    StrictGzipInputStream(InputStream in) {
        this.in = new PushbackInputStream(in, BUFFER);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!ended) {
            if (!inMember) {
                startMember();
                continue;
            }
            int n = inflate(buffer, offset, length);
            if (n > 0) {
                crc.update(buffer, offset, n);
                return n;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsInput()) {
                inputLength = in.read(input);
                if (inputLength < 0) {
                    throw new EOFException("an end within a gzip member");
                }
                inflater.setInput(input, 0, inputLength);
            } else {
                throw new ZipException("a corrupt gzip member: its deflate stream stalls");
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    private int inflate(byte[] buffer, int offset, int length) throws ZipException {
        try {
            return inflater.inflate(buffer, offset, length);
        } catch (DataFormatException corrupt) {
            throw new ZipException("a corrupt gzip member: " + corrupt.getMessage());
        }
    }

    /** Reads the header of the next member; at the end of the stream after a member, ends instead. */
    private void startMember() throws IOException {
        int first = in.read();
        if (first < 0 && members > 0) {
            ended = true;
            return;
        }
        int second = first < 0 ? -1 : in.read();
        if (first != ID1 || second != ID2) {
            throw new ZipException(first < 0 ? "an empty file" : members == 0 ? "no gzip header at its start"
                    : "data after its last gzip member");
        }
        CRC32 header = new CRC32();
        header.update(first);
        header.update(second);
        if (headerByte(header) != DEFLATE) {
            throw new ZipException("a gzip member that is not deflated");
        }
        int flags = headerByte(header);
        if ((flags & RESERVED_FLAGS) != 0) {
            throw new ZipException("a gzip member with reserved flags, which gzip refuses");
        }
        skipHeaderBytes(header, 6); // MTIME, XFL, OS
        if ((flags & FEXTRA) != 0) {
            skipHeaderBytes(header, headerByte(header) | headerByte(header) << 8);
        }
        for (int field : new int[] {FNAME, FCOMMENT}) {
            if ((flags & field) != 0) {
                while (headerByte(header) != 0) {
                    // up to the NUL that ends the name or the comment
                }
            }
        }
        if ((flags & FHCRC) != 0 && littleEndian(2) != (header.getValue() & 0xffff)) {
            throw new ZipException("a gzip member with a wrong header checksum");
        }
        inflater.reset();
        crc.reset();
        members++;
        inMember = true;
    }

    /** Checks the trailer of the member just inflated; what the inflater read past it is read again. */
    private void endMember() throws IOException {
        int unread = inflater.getRemaining();
        if (unread > 0) {
            in.unread(input, inputLength - unread, unread);
        }
        if (littleEndian(4) != crc.getValue() || littleEndian(4) != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new ZipException("a gzip member with a wrong checksum or length");
        }
        inMember = false;
    }

    private void skipHeaderBytes(CRC32 header, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            headerByte(header);
        }
    }

    private int headerByte(CRC32 header) throws IOException {
        int b = nextByte();
        header.update(b);
        return b;
    }

    /** The unsigned number in the next {@code count} bytes, least significant first. */
    private long littleEndian(int count) throws IOException {
        long value = 0;
        for (int i = 0; i < count; i++) {
            value |= (long) nextByte() << (8 * i);
        }
        return value;
    }

    private int nextByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("an end within a gzip header or trailer");
        }
        return b;
    }
}
