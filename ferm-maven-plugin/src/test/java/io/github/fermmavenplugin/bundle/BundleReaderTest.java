package io.github.fermmavenplugin.bundle;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.bundle.BundleReader.NotABundleException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the release goals accept as a bundle archive: what this plugin and GNU tar write, and nothing else. */
class BundleReaderTest {

    private static final String LONG = "ferm.d/" + "l".repeat(120) + ".ferm";
    /** A name GNU tar's ustar format splits into the prefix and name fields. */
    private static final String PREFIXED = "ferm.d/" + "p".repeat(60) + "/" + "q".repeat(60) + ".ferm";

    @TempDir
    Path temp;

    @Test
    void readsTheFilesItsOwnArchiveHolds() throws Exception {
        List<BundleFile> files = List.of(file("ferm.d/00-docker.ferm", "# chains\n"), file(LONG, "#\n"),
                file("ferm.d/empty.ferm", ""), file("ferm.d/record.ferm", "r".repeat(512)));
        Path archive = temp.resolve("own.tar.gz");
        BundleArchive.write(files, archive, Instant.EPOCH);

        assertThat(BundleReader.read(archive)).containsExactlyInAnyOrderElementsOf(files);
    }

    static Stream<Arguments> gnuTarFormats() {
        return Stream.of(Arguments.of("posix", List.of("ferm.d/a.ferm", LONG, PREFIXED)),
                Arguments.of("ustar", List.of("ferm.d/a.ferm", PREFIXED)),
                Arguments.of("gnu", List.of("ferm.d/a.ferm", "ferm.d/b.ferm")));
    }

    @ParameterizedTest(name = "--format={0}")
    @MethodSource("gnuTarFormats")
    void readsWhatGnuTarWrites(String format, List<String> names) throws Exception {
        for (String name : names) {
            Files.createDirectories(temp.resolve("tree").resolve(name).getParent());
            Files.writeString(temp.resolve("tree").resolve(name), "# " + name + "\n");
        }
        Path archive = temp.resolve(format + ".tar.gz");
        BundleArchiveTest.runTar("--format=" + format, "-czf", archive.toString(), "-C", temp.resolve("tree").toString(),
                "ferm.d");

        assertThat(BundleReader.read(archive)).containsExactlyInAnyOrderElementsOf(
                names.stream().map(name -> file(name, "# " + name + "\n")).toList());
    }

    static Stream<Arguments> notBundles() {
        return Stream.of(
                Arguments.of("a symbolic link", List.of("ln", "-s", "a.ferm", "ferm.d/link.ferm"), List.of(),
                        "entry 'ferm.d/link.ferm' is not a regular file"),
                Arguments.of("a hard link", List.of("ln", "ferm.d/a.ferm", "ferm.d/hard.ferm"), List.of(),
                        "entry 'ferm.d/hard.ferm' is not a regular file"),
                Arguments.of("a named pipe", List.of("mkfifo", "ferm.d/pipe"), List.of(),
                        "entry 'ferm.d/pipe' is not a regular file"),
                Arguments.of("a GNU long name", List.of("touch", LONG), List.of("--format=gnu"),
                        "entry '././@LongLink' is not a regular file"),
                Arguments.of("a name going up", List.of("true"), List.of("--transform=s,^ferm.d/a,../a,"),
                        "bundle path '../a.ferm' must not contain an empty, '.' or '..' segment"),
                Arguments.of("a name with a space", List.of("touch", "ferm.d/b c.ferm"), List.of(),
                        "bundle path 'ferm.d/b c.ferm' must be non-empty"),
                Arguments.of("more bytes than any bundle", List.of("truncate", "-s", (BundleReader.MAX_BYTES + 1) + "",
                        "ferm.d/big.ferm"), List.of(), "it holds more than 16777216 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notBundles")
    void refusesAnArchiveThatHolds(String title, List<String> make, List<String> tarOptions, String message)
            throws Exception {
        Path tree = Files.createDirectories(temp.resolve("tree/ferm.d")).getParent();
        Files.writeString(tree.resolve("ferm.d/a.ferm"), "# a\n");
        Process process = new ProcessBuilder(make).directory(tree.toFile()).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", make)).isZero();
        Path archive = temp.resolve("not-a-bundle.tar.gz");
        List<String> tar = Stream.concat(tarOptions.stream(),
                Stream.of("-czf", archive.toString(), "-C", tree.toString(), "ferm.d")).toList();
        BundleArchiveTest.runTar(tar.toArray(String[]::new));

        assertThatThrownBy(() -> BundleReader.read(archive)).isInstanceOf(NotABundleException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> damaged() {
        return Stream.of(
                Arguments.of("cut short", (Damage) tar -> gzip(Arrays.copyOf(tar, 700))),
                Arguments.of("cut inside the gzip stream", (Damage) tar -> Arrays.copyOf(gzip(tar), 40)),
                Arguments.of("a header whose checksum does not match", (Damage) tar -> {
                    tar[10] ^= 1;
                    return gzip(tar);
                }),
                Arguments.of("a size that is no octal number", (Damage) tar -> {
                    byte[] fixed = tar.clone();
                    fixed[512 + 124] = '9';
                    return gzip(withChecksum(fixed, 512));
                }),
                Arguments.of("no gzip at all", (Damage) tar -> tar));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void refusesADamagedArchive(String title, Damage damage) throws Exception {
        Path archive = temp.resolve("bundle.tar.gz");
        BundleArchive.write(List.of(file("ferm.d/a.ferm", "# a\n")), archive, Instant.EPOCH);
        byte[] tar;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            tar = in.readAllBytes();
        }
        Files.write(archive, damage.apply(tar));

        assertThatThrownBy(() -> BundleReader.read(archive)).isInstanceOf(NotABundleException.class)
                .hasMessageContaining("it is not a gzip tar archive");
    }

    @Test
    void countsADirectorysSizeSoThatNoHeaderMakesItInflateMoreThanABundleHolds() throws Exception {
        Path archive = temp.resolve("bundle.tar.gz");
        BundleArchive.write(List.of(file("ferm.d/a.ferm", "# a\n")), archive, Instant.EPOCH);
        byte[] tar;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            tar = in.readAllBytes();
        }
        byte[] size = String.format("%011o ", BundleReader.MAX_BYTES + 1).getBytes(US_ASCII);
        System.arraycopy(size, 0, tar, 124, 12); // the first entry is the directory ferm.d/
        Files.write(archive, gzip(withChecksum(tar, 0)));

        assertThatThrownBy(() -> BundleReader.read(archive)).isInstanceOf(NotABundleException.class)
                .hasMessageContaining("it holds more than 16777216 bytes");
    }

    interface Damage {
        byte[] apply(byte[] tar) throws IOException;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    /** The header at {@code offset} with its checksum made right again. */
    private static byte[] withChecksum(byte[] tar, int offset) {
        Arrays.fill(tar, offset + 148, offset + 156, (byte) ' ');
        long sum = 0;
        for (int i = offset; i < offset + 512; i++) {
            sum += tar[i] & 0xff;
        }
        byte[] field = String.format("%06o\0 ", sum).getBytes(US_ASCII);
        System.arraycopy(field, 0, tar, offset + 148, 8);
        return tar;
    }

    private static BundleFile file(String path, String content) {
        return new BundleFile(path, content.getBytes(US_ASCII));
    }
}
