package io.github.fermmavenplugin.bundle;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gzip files as gzip -d reads them, or refuses them: each row the bytes of a file, then what it holds or
 * the words of the refusal. Members are "HEADER + raw deflate + CRC32 + ISIZE", built here field by field.
 */
class StrictGzipInputStreamTest {

    /** ID1 ID2, deflate, no flags, MTIME 0, XFL 0, OS Unix: what TarGzWriter writes. */
    private static final byte[] PLAIN_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
    /** Incompressible, so that its member spans several of the reader's buffers and ends inside one. */
    private static final byte[] NOISE = noise(50_000);

    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("one member", member("a bundle"), "a bundle"),
                Arguments.of("two members, one after the other", concat(member("first "), member("second")),
                        "first second"),
                Arguments.of("an empty member between two", concat(member("a"), member(""), member("b")), "ab"),
                Arguments.of("a hundred thousand empty members, read in a loop, not a recursion",
                        concat(repeat(member(""), 100_000), member("last")), "last"),
                Arguments.of("a member that spans buffers, then another",
                        concat(member(NOISE), member("tail")), new String(NOISE, US_ASCII) + "tail"),
                Arguments.of("a name, a comment, extra fields and a header checksum",
                        member(withHeaderChecksum(concat(header(2 | 4 | 8 | 16), bytes(3, 0, 'a', 'b', 'c'),
                                "bundle.tar\0".getBytes(US_ASCII), "made by hand\0".getBytes(US_ASCII))),
                                "x".getBytes(US_ASCII)),
                        "x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void readsEveryMember(String title, byte[] gzip, String content) throws IOException {
        assertThat(new String(read(gzip), US_ASCII)).isEqualTo(content);
    }

    static Stream<Arguments> refused() {
        byte[] bundle = member("a bundle");
        return Stream.of(
                Arguments.of("an empty file", new byte[0], "an empty file"),
                Arguments.of("a tar that is not compressed", "ferm.d/".getBytes(US_ASCII), "no gzip header at its start"),
                Arguments.of("garbage after the member", concat(bundle, "garbage".getBytes(US_ASCII)),
                        "data after its last gzip member"),
                Arguments.of("zeros after the member", concat(bundle, new byte[100]), "data after its last gzip member"),
                Arguments.of("one byte of a magic after the member", concat(bundle, bytes(0x1f)),
                        "data after its last gzip member"),
                Arguments.of("a member with gzip's old magic, which the JDK skipped and gzip reads",
                        concat(bundle, changed(member("more"), 1, 0x9e)), "data after its last gzip member"),
                Arguments.of("the 'encrypted' flag, which the JDK ignored and gzip refuses", changed(bundle, 3, 0x20),
                        "reserved flags"),
                Arguments.of("a continuation flag", changed(bundle, 3, 0x80), "reserved flags"),
                Arguments.of("a method other than deflate", changed(bundle, 2, 7), "not deflated"),
                Arguments.of("a wrong header checksum",
                        member(changed(withHeaderChecksum(header(2)), 10, 0), "x".getBytes(US_ASCII)),
                        "wrong header checksum"),
                Arguments.of("a wrong CRC32", changed(bundle, bundle.length - 8, bundle[bundle.length - 8] ^ 1),
                        "wrong checksum or length"),
                Arguments.of("a wrong length", changed(bundle, bundle.length - 4, bundle[bundle.length - 4] + 1),
                        "wrong checksum or length"),
                Arguments.of("an end within the header", Arrays.copyOf(bundle, 7), "an end within a gzip header"),
                Arguments.of("an end within the name", concat(header(8), "bundle.t".getBytes(US_ASCII)),
                        "an end within a gzip header"),
                Arguments.of("an end within the deflate stream", Arrays.copyOf(bundle, PLAIN_HEADER.length + 2),
                        "an end within a gzip member"),
                Arguments.of("an end within the trailer", Arrays.copyOf(bundle, bundle.length - 3),
                        "an end within a gzip header or trailer"),
                Arguments.of("a deflate block of the reserved type 3", concat(PLAIN_HEADER, bytes(0x07, 0, 0, 0, 0)),
                        "a corrupt gzip member"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWhatGzipRefusesOrWarnsAbout(String title, byte[] gzip, String words) {
        assertThatThrownBy(() -> read(gzip)).isInstanceOf(IOException.class).hasMessageContaining(words);
    }

    private static byte[] read(byte[] gzip) throws IOException {
        try (InputStream in = new StrictGzipInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static byte[] member(String content) {
        return member(PLAIN_HEADER, content.getBytes(US_ASCII));
    }

    private static byte[] member(byte[] content) {
        return member(PLAIN_HEADER, content);
    }

    private static byte[] member(byte[] header, byte[] content) {
        Deflater deflater = new Deflater(6, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            deflated.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(content);
        return concat(header, deflated.toByteArray(), littleEndian(crc.getValue()), littleEndian(content.length));
    }

    private static byte[] header(int flags) {
        return changed(PLAIN_HEADER, 3, flags);
    }

    /** The header followed by the low 16 bits of its CRC32, as FHCRC has it. */
    private static byte[] withHeaderChecksum(byte[] header) {
        CRC32 crc = new CRC32();
        crc.update(header);
        return concat(header, bytes((int) crc.getValue() & 0xff, (int) (crc.getValue() >> 8) & 0xff));
    }

    private static byte[] littleEndian(long value) {
        return bytes((int) value & 0xff, (int) (value >> 8) & 0xff, (int) (value >> 16) & 0xff, (int) (value >> 24) & 0xff);
    }

    private static byte[] changed(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] repeat(byte[] bytes, int times) {
        byte[] repeated = new byte[bytes.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(bytes, 0, repeated, i * bytes.length, bytes.length);
        }
        return repeated;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Printable ASCII from a seeded generator: deflate cannot shrink it much. */
    private static byte[] noise(int length) {
        byte[] noise = new byte[length];
        Random random = new Random(12);
        for (int i = 0; i < length; i++) {
            noise[i] = (byte) (' ' + random.nextInt(95));
        }
        return noise;
    }
}
