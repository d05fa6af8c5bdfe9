package io.github.fermmavenplugin.bundle;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The archive is byte for byte what commons-compress 1.28 wrote before {@link TarGzWriter} replaced it (the
 * writer as it was is kept below), so that a plugin update changes no bundle's digest.
 */
class TarGzWriterTest {

    private static final String LONG = "ferm.d/" + "x".repeat(120) + ".ferm";

    static Stream<Arguments> bundles() {
        return Stream.of(
                Arguments.of("the example's four files", List.of(
                        file("ferm.d/00-docker.ferm", "# Docker's chains\n".repeat(40)),
                        file("ferm.d/20-in.docker.billing-api.ferm", "domain (ip ip6) table filter chain DOCKER-USER {}\n"),
                        file("ferm.d/99-docker.ferm", "x"),
                        file("ferm.d/.billing-api.bundle.json", "{}\n")), Instant.parse("2026-11-24T00:00:00Z")),
                Arguments.of("empty, one record, one byte over", List.of(
                        file("a/empty", ""), file("a/b/record", "r".repeat(512)), file("a/b/c/over", "o".repeat(513))),
                        Instant.EPOCH),
                Arguments.of("names of 99 and 100 characters", List.of(
                        file("n/" + "9".repeat(97), "99"), file("n/" + "1".repeat(98), "100")),
                        Instant.ofEpochSecond(077777777777L)),
                Arguments.of("a 100 KiB file", List.of(file("big", "0123456789abcdef".repeat(6400))),
                        Instant.parse("1980-01-01T00:00:02Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void writesWhatCommonsCompressWrote(String name, List<BundleFile> files, Instant time) throws IOException {
        assertThat(written(files, time)).isEqualTo(writtenByCommonsCompress(files, time));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void writesWhatCommonsCompressWroteWithALongNameToo(String name, List<BundleFile> files, Instant time)
            throws IOException {
        List<BundleFile> withLongName = Stream.concat(files.stream(), Stream.of(file(LONG, "#\n"))).toList();

        assertThat(written(withLongName, time)).isEqualTo(writtenByCommonsCompress(withLongName, time));
    }

    private static byte[] written(List<BundleFile> files, Instant time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleArchive.writeTarGz(BundleLayout.entriesOf(files), FileTime.from(time), out);
        return out.toByteArray();
    }

    /** BundleArchive's writer as it was, with commons-compress 1.28. */
    private static byte[] writtenByCommonsCompress(List<BundleFile> files, Instant time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GzipCompressorOutputStream(out, gzipParameters()), "US-ASCII")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (BundleLayout.Entry entry : BundleLayout.entriesOf(files)) {
                TarArchiveEntry header = new TarArchiveEntry(entry.name());
                header.setModTime(FileTime.from(time));
                header.setIds(0, 0);
                header.setUserName("");
                header.setGroupName("");
                if (entry.isDirectory()) {
                    header.setMode(0755);
                    tar.putArchiveEntry(header);
                } else {
                    header.setMode(0644);
                    header.setSize(entry.file().size());
                    tar.putArchiveEntry(header);
                    tar.write(entry.file().sharedContent());
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return out.toByteArray();
    }

    private static GzipParameters gzipParameters() {
        GzipParameters parameters = new GzipParameters();
        parameters.setModificationInstant(Instant.EPOCH);
        parameters.setOS(GzipParameters.OS.UNIX);
        parameters.setCompressionLevel(6);
        parameters.setDeflateStrategy(Deflater.DEFAULT_STRATEGY);
        return parameters;
    }

    private static BundleFile file(String path, String content) {
        return new BundleFile(path, content.getBytes(US_ASCII));
    }
}
