package io.github.fermmavenplugin.bundle;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.fermmavenplugin.bundle.BundleManifest.DockerfileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.FileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.bundle.BundleManifest.Rule;
import io.github.fermmavenplugin.bundle.BundleManifest.SourceDigest;
import io.github.fermmavenplugin.bundle.BundleReader.NotABundleException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The hand readers that replaced the libraries hold to them: whatever TarReader, BundleReader or ManifestParser
 * accepts of a valid bundle or manifest with bytes flipped, cut off, appended or header fields rewritten,
 * commons-compress and jackson-databind (as BundleReader used them before) read alike. Refusing more than the
 * libraries is allowed; reading something else is not.
 */
@Tag("slow")
class BundleReadersAgreeProperties {

    private static final int RECORD = TarReader.RECORD;
    private static final int MAX_ENTRY_BYTES = 64 * 1024;
    private static final String MANIFEST_PATH = BundleManifest.pathFor("shop");
    private static final BundleManifest MANIFEST = new BundleManifest("shop",
            new MavenCoordinates("com.example", "shop", "1.0"), "0.1.0",
            new SourceDigest("firewall.yaml", "a".repeat(64)), new DockerfileDigest("Dockerfile", "b".repeat(64), "runtime"),
            List.of("80/tcp"), List.of(), Map.of("org.opencontainers.image.title", "shop"),
            List.of(new Rule("web", "DOCKER-USER", List.of("80/tcp", "published 8443/tcp"), List.of("10.0.0.0/8"))),
            List.of(new FileDigest("ferm.d/50-shop.ferm", "c".repeat(64))), List.of("ipv6"));
    /** One bundle of short names, one whose long name needs a PAX record. */
    private static final List<byte[]> VALID_TARS = List.of(
            tar(List.of(new BundleFile("ferm.d/50-shop.ferm", "# shop\n".getBytes(UTF_8)),
                    new BundleFile(MANIFEST_PATH, MANIFEST.toJson()))),
            tar(List.of(new BundleFile("ferm.d/" + "l".repeat(120) + ".ferm", "# long\n".getBytes(UTF_8)))));
    /** The header fields as offset and length, each rewritten with values a tar writer might put there. */
    private static final int[][] FIELDS = {{0, 100}, {100, 8}, {108, 8}, {116, 8}, {124, 12}, {136, 12}, {156, 1},
        {157, 100}, {257, 6}, {263, 2}, {265, 32}, {297, 32}, {329, 8}, {337, 8}, {345, 155}};
    private static final List<String> FIELD_VALUES = List.of("", "0", "0000644\0", "0000644 ", "644", " 644 ",
            "00000000007\0", "00000000000 ", "77777777777 ", "0\0", "5", "1", "2", "7", "g", "x", "L", "K",
            "ustar\0", "ustar ", "00", " \0", "root", "ferm.d/", "ferm.d/a.ferm", "ferm.d", "a.ferm", "../a.ferm",
            "ferm.d/\u00e9.ferm", "ferm.d/a.ferm ", "\u0080\0\0\0\0\0\0\7", "9", "-1", "+7", "0x7", "\u00ff");

    private static final ObjectReader DATABIND_MANIFEST = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readerFor(BundleManifest.class);

    /** One change to an archive's or a manifest's bytes. */
    private interface Edit {
        byte[] apply(byte[] bytes);
    }

    private record Put(int position, byte value, boolean fixChecksum) implements Edit {
        public byte[] apply(byte[] bytes) {
            if (bytes.length == 0) {
                return bytes;
            }
            byte[] changed = bytes.clone();
            int at = position % changed.length;
            changed[at] = value;
            return fixChecksum ? TarRecords.withChecksum(changed, at / RECORD) : changed;
        }
    }

    private record Field(int record, int field, String value) implements Edit {
        public byte[] apply(byte[] bytes) {
            int records = bytes.length / RECORD;
            if (records == 0) {
                return bytes;
            }
            byte[] changed = bytes.clone();
            int start = (record % records) * RECORD + FIELDS[field][0];
            Arrays.fill(changed, start, start + FIELDS[field][1], (byte) 0);
            byte[] text = value.getBytes(ISO_8859_1);
            System.arraycopy(text, 0, changed, start, Math.min(text.length, FIELDS[field][1]));
            return TarRecords.withChecksum(changed, record % records);
        }
    }

    private record Cut(int length) implements Edit {
        public byte[] apply(byte[] bytes) {
            return Arrays.copyOf(bytes, length % (bytes.length + 1));
        }
    }

    private record Append(int length, byte value) implements Edit {
        public byte[] apply(byte[] bytes) {
            byte[] longer = Arrays.copyOf(bytes, bytes.length + length);
            Arrays.fill(longer, bytes.length, longer.length, value);
            return longer;
        }
    }

    /** The uncompressed tar split into two gzip members at {@code at}, as concatenated archives are. */
    private record TwoMembers(int at) implements Edit {
        public byte[] apply(byte[] tar) {
            int split = at % (tar.length + 1);
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(gzip(Arrays.copyOfRange(tar, 0, split)));
            both.writeBytes(gzip(Arrays.copyOfRange(tar, split, tar.length)));
            return both.toByteArray();
        }
    }

    /** A valid input and the edits made to it, shown as such when a property fails. */
    record Mutated(int base, List<Edit> edits, byte[] bytes) {
        @Override
        public String toString() {
            return "base " + base + " with " + edits;
        }
    }

    @Property(tries = 3000)
    @StatisticsReport(onFailureOnly = true)
    void whatTarReaderAcceptsCommonsCompressReadsAlike(@ForAll("mutatedTars") Mutated tar) {
        Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p > 20));
        List<TarReader.Entry> entries;
        try {
            entries = TarRecords.entries(tar.bytes(), MAX_ENTRY_BYTES);
        } catch (NotABundleException | IOException refused) {
            Statistics.collect("refused");
            return;
        }
        Statistics.collect("accepted");
        assertThat(commonsCompress(tar, false, ISO_8859_1.name()))
                .as("commons-compress's reading of what TarReader accepted")
                .containsExactlyElementsOf(entries.stream().map(BundleReadersAgreeProperties::described).toList());
    }

    @Property(tries = 1500)
    @StatisticsReport(onFailureOnly = true)
    void whatBundleReaderAcceptsCommonsCompressReadsAlike(@ForAll("mutatedArchives") Mutated archive) {
        Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p > 5));
        List<BundleFile> files;
        try {
            files = BundleReader.files(archive.bytes());
        } catch (NotABundleException refused) {
            Statistics.collect("refused");
            return;
        }
        Statistics.collect("accepted");
        List<String> regularFiles = commonsCompress(archive, true, null).stream()
                .filter(entry -> !entry.startsWith("dir ")).toList();
        assertThat(regularFiles).as("commons-compress's reading of what BundleReader accepted")
                .containsExactlyElementsOf(files.stream().map(file -> "file " + file.path() + " "
                        + file.content().length + " " + new String(file.content(), ISO_8859_1)).toList());
    }

    @Property(tries = 3000)
    @StatisticsReport(onFailureOnly = true)
    void whatManifestParserAcceptsDatabindReadsAlike(@ForAll("mutatedManifests") Mutated json) {
        Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p > 10));
        BundleManifest parsed;
        try {
            parsed = ManifestParser.parse(json.bytes());
        } catch (IOException | IllegalArgumentException refused) {
            Statistics.collect("refused");
            return;
        }
        Statistics.collect("accepted");
        BundleManifest databind;
        try {
            databind = DATABIND_MANIFEST.readValue(json.bytes());
        } catch (IOException e) {
            throw new AssertionError("jackson-databind refuses what ManifestParser accepted: "
                    + new String(json.bytes(), UTF_8), e);
        }
        assertThat(parsed).as("the manifest of " + new String(json.bytes(), UTF_8)).isEqualTo(databind);
    }

    @Provide
    Arbitrary<Mutated> mutatedTars() {
        return mutated(VALID_TARS, tarEdit());
    }

    @Provide
    Arbitrary<Mutated> mutatedArchives() {
        Arbitrary<Edit> compressedEdit = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 4000), Arbitraries.bytes(), Arbitraries.of(false))
                        .as(Put::new),
                Arbitraries.integers().between(0, 4000).map(Cut::new),
                Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.bytes()).as(Append::new));
        Arbitrary<Mutated> tars = mutated(VALID_TARS, tarEdit());
        return Combinators.combine(tars, Arbitraries.integers().between(0, 6000),
                compressedEdit.list().ofMaxSize(1)).as((tar, split, edits) -> {
                    List<Edit> all = new ArrayList<>(tar.edits());
                    Edit members = new TwoMembers(split);
                    byte[] bytes = gzip(tar.bytes());
                    if (split % 3 == 0) {
                        bytes = members.apply(tar.bytes());
                        all.add(members);
                    }
                    for (Edit edit : edits) {
                        bytes = edit.apply(bytes);
                        all.add(edit);
                    }
                    return new Mutated(tar.base(), all, bytes);
                });
    }

    @Provide
    Arbitrary<Mutated> mutatedManifests() {
        String json = new String(MANIFEST.toJson(), UTF_8);
        List<byte[]> valid = List.of(MANIFEST.toJson(),
                json.replace("\"service\"", "\"newer\": [1, {\"a\": null}], \"service\"").getBytes(UTF_8));
        Arbitrary<Edit> textEdit = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 2000),
                        Arbitraries.of("\"", "\\", ",", ":", "[", "]", "{", "}", " ", "0", "1", "n", "t", "x", "\u0000",
                                "\u00c3").map(s -> s.getBytes(ISO_8859_1)[0]), Arbitraries.of(false))
                        .as(Put::new),
                Combinators.combine(Arbitraries.integers().between(0, 2000), Arbitraries.bytes(), Arbitraries.of(false))
                        .as(Put::new),
                Arbitraries.integers().between(0, 2000).map(Cut::new),
                Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.of((byte) ' ', (byte) '}',
                        (byte) 'x', (byte) 0)).as(Append::new),
                Arbitraries.of(
                        new Replace("\"80/tcp\"", "80"), new Replace("\"runtime\"", "null"),
                        new Replace("\"service\": \"shop\",", "\"service\": \"first\", \"service\": \"shop\","),
                        new Replace("\"labels\": {", "\"labels\": {\"a\": 1, "), new Replace("[\n    \"ipv6\"\n  ]", "null"),
                        new Replace("\"routedFamilies\"", "\"routedFamilie\""), new Replace("\"chain\"", "\"Chain\""),
                        new Replace("\"from\": [", "\"from\": [null, "), new Replace("\"rules\": [", "\"rules\": [null, "),
                        new Replace("\"version\": \"1.0\"", "\"version\": true"),
                        new Replace("\"files\": [", "\"files\": [{}, "), new Replace("\"exposedPorts\": [", "\"exposedPorts\": [[], "),
                        new Replace("\"shop\"", "\"sh\\u006fp\""), new Replace("\"maven\": {", "\"maven\": {\"groupId\": 1, ")));
        return mutated(valid, textEdit);
    }

    /** A manifest's text with {@code from} replaced. */
    private record Replace(String from, String to) implements Edit {
        public byte[] apply(byte[] bytes) {
            return new String(bytes, UTF_8).replace(from, to).getBytes(UTF_8);
        }
    }

    /** Mostly header fields rewritten, their checksums made right: a flipped byte mostly breaks a checksum only. */
    private static Arbitrary<Edit> tarEdit() {
        Arbitrary<String> numberLike = Arbitraries.strings().withChars("0123456789 \0").ofMaxLength(12);
        Arbitrary<String> octal = Arbitraries.longs().between(0, 077777777777L).map(n -> String.format("%011o ", n));
        return Arbitraries.frequencyOf(
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, 8000), Arbitraries.bytes(),
                        Arbitraries.of(true, false)).as(Put::new)),
                Tuple.of(5, Combinators.combine(Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(0, FIELDS.length - 1),
                        Arbitraries.oneOf(Arbitraries.of(FIELD_VALUES), octal, numberLike)).as(Field::new)),
                Tuple.of(1, Arbitraries.integers().between(0, 8000).map(Cut::new)),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(1, 3 * RECORD),
                        Arbitraries.of((byte) 0, (byte) 1)).as(Append::new)));
    }

    private static Arbitrary<Mutated> mutated(List<byte[]> valid, Arbitrary<Edit> edit) {
        return Combinators.combine(Arbitraries.integers().between(0, valid.size() - 1), edit.list().ofMinSize(0).ofMaxSize(3))
                .as((base, edits) -> {
                    byte[] bytes = valid.get(base);
                    for (Edit change : edits) {
                        bytes = change.apply(bytes);
                    }
                    return new Mutated(base, edits, bytes);
                });
    }

    /**
     * "dir NAME" or "file NAME SIZE CONTENT": what the two readers must agree on, as one comparable text. A
     * directory's name is as commons-compress gives it, which ends it with '/' when the header does not.
     */
    private static String described(TarReader.Entry entry) {
        String name = entry.name();
        return entry.directory() ? "dir " + ascii(name.endsWith("/") ? name : name + "/")
                : "file " + ascii(name) + " " + entry.content().length + " " + new String(entry.content(), ISO_8859_1);
    }

    /** @param gzipped whether to read the input as BundleReader did, every gzip member of it */
    private static List<String> commonsCompress(Mutated input, boolean gzipped, String encoding) {
        try {
            InputStream in = new ByteArrayInputStream(input.bytes());
            return commonsCompressEntries(gzipped
                    ? GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get() : in,
                    encoding);
        } catch (IOException refused) {
            throw new AssertionError("commons-compress refuses what the hand reader accepted, " + input, refused);
        }
    }

    /**
     * @param encoding of the names: TarReader's one character a byte, or null for the platform's, as
     *     BundleReader read them with commons-compress
     */
    private static List<String> commonsCompressEntries(InputStream in, String encoding) throws IOException {
        List<String> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in, encoding)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                byte[] content = tar.readAllBytes();
                String name = ascii(entry.getName());
                entries.add(entry.isDirectory() ? "dir " + name
                        : "file " + name + " " + entry.getSize() + " " + new String(content, ISO_8859_1));
            }
        }
        return entries;
    }

    /**
     * The name, or a mark for any name beyond ASCII: TarReader reads a name one character a byte, commons-compress
     * a PAX path as UTF-8, and BundleFile refuses both (the BundleReader property holds it to that).
     */
    private static String ascii(String name) {
        return name.chars().allMatch(c -> c < 0x80) ? name : "<a name beyond ASCII>";
    }

    private static byte[] tar(List<BundleFile> files) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BundleArchive.writeTarGz(BundleLayout.entriesOf(files), FileTime.from(Instant.EPOCH), out);
            return new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
