package io.github.fermmavenplugin.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest;
import io.github.fermmavenplugin.bundle.BundleReader;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.testing.HostileArchive;
import io.github.fermmavenplugin.testing.PipelineRun;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Service bundles as an attacker, or a broken pipeline, could deploy them: each is refused when read, before
 * ferm:aggregate copies a byte of it into the host bundle or runs ferm on it (ferm runs backticks even in
 * --remote mode). Where the archive has a manifest, it is rewritten to list every file with its true sha256:
 * the digests prove nothing that the attacker cannot recompute.
 */
class HostileBundlesTest {

    private static final String INGRESS = "ferm.d/20-in.docker.billing.ferm";
    private static final String MANIFEST = "ferm.d/.billing.bundle.json";

    @TempDir
    Path temp;

    private List<BundleFile> genuine;

    @BeforeEach
    void buildARealServiceBundle() throws IOException {
        PipelineRun run = PipelineRun.attempt(Files.createDirectories(temp.resolve("billing")),
                "version: 1\nservice: billing\ningress:\n  - name: web\n    ports: [8080]\n",
                "FROM scratch\nEXPOSE 8080\n", Map.of());
        assertThat(run.refusal()).isEmpty();
        genuine = run.files();
    }

    /** A forgery: the genuine files (path to text, manifest left out), changed, then the archive made of them. */
    interface Forgery extends UnaryOperator<Map<String, String>> {
    }

    private static Forgery with(String path, String text) {
        return files -> {
            files.put(path, text);
            return files;
        };
    }

    private static Forgery without(String path) {
        return files -> {
            files.remove(path);
            return files;
        };
    }

    private static Forgery appended(String path, String text) {
        return files -> {
            files.merge(path, text, String::concat);
            return files;
        };
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of("backticks in the ingress file",
                        appended(INGRESS, "domain ip table filter chain INPUT saddr `touch /tmp/x` ACCEPT;\n"),
                        List.of(INGRESS + " line 9, column 42: '`'", "not a character ferm:bundle writes")),
                Arguments.of("@hook",
                        appended(INGRESS, "@hook pre \"id\";\n"), List.of(INGRESS + " line 9, column 1: '@'")),
                Arguments.of("@include",
                        appended(INGRESS, "@include '/etc/ferm/secrets';\n"), List.of(INGRESS + " line 9, column 1: '@'")),
                Arguments.of("a ferm variable",
                        appended(INGRESS, "domain ip table filter chain INPUT saddr $ALL ACCEPT;\n"),
                        List.of(INGRESS + " line 9, column 42: '$'")),
                Arguments.of("a backtick in a comment line",
                        appended("ferm.d/99-docker.ferm", "# `id`\n"), List.of("ferm.d/99-docker.ferm line")),
                Arguments.of("non-ASCII text",
                        appended(INGRESS, "# caf\u00e9\n"), List.of(INGRESS + " line 9, column 6")),
                Arguments.of("a file ferm:bundle does not write",
                        with("ferm.d/50-site.ferm", "domain ip table filter chain INPUT ACCEPT;\n"),
                        List.of("ferm.d/50-site.ferm is not a file ferm:bundle writes for service billing")),
                Arguments.of("another service's rule file",
                        with("ferm.d/20-in.docker.orders.ferm", "# empty\n"),
                        List.of("ferm.d/20-in.docker.orders.ferm is not a file ferm:bundle writes for service billing")),
                Arguments.of("a file outside ferm.d, which ops extract into /etc/ferm",
                        with("ferm.conf", "# replaced\n"), List.of("ferm.conf is not a file ferm:bundle writes")),
                Arguments.of("a dot-file",
                        with("ferm.d/.hidden", "x\n"), List.of("ferm.d/.hidden is not a file ferm:bundle writes")),
                Arguments.of("no Docker preamble",
                        without("ferm.d/00-docker.ferm"),
                        List.of("lacks ferm.d/00-docker.ferm")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void refusesAForgedBundleWhoseManifestListsEveryFile(String title, Forgery forgery, List<String> words)
            throws Exception {
        Path archive = forged(forgery);
        assertThatThrownBy(() -> ServiceBundle.read("com.example:billing:1.0:tar.gz:ferm", archive))
                .isInstanceOf(InvalidInputException.class)
                .message().contains(words).contains("com.example:billing:1.0:tar.gz:ferm is not a ferm-maven-plugin");
    }

    /** Archives no manifest can make right: each row the entries, the words of the refusal. */
    static Stream<Arguments> archives() {
        return Stream.of(
                Arguments.of("a parent-directory name", new HostileArchive().file("ferm.d/../../etc/cron.d/x", "x"),
                        "'..' segment"),
                Arguments.of("an absolute name", new HostileArchive().file("/etc/ferm/ferm.conf", "x"), "must be relative"),
                Arguments.of("a non-UTF-8 name", new HostileArchive().file("ferm.d/\u00ff.ferm", "x"), "ASCII"),
                Arguments.of("a symbolic link", new HostileArchive()
                        .special("ferm.d/20-in.docker.billing.ferm", TarConstants.LF_SYMLINK, "/etc/shadow"),
                        "is not a regular file"),
                Arguments.of("a hard link", new HostileArchive()
                        .special("ferm.d/20-in.docker.billing.ferm", TarConstants.LF_LINK, "/etc/shadow"),
                        "is not a regular file"),
                Arguments.of("a character device", new HostileArchive()
                        .special("ferm.d/20-in.docker.billing.ferm", TarConstants.LF_CHR, ""), "is not a regular file"),
                Arguments.of("a fifo", new HostileArchive()
                        .special("ferm.d/20-in.docker.billing.ferm", TarConstants.LF_FIFO, ""), "is not a regular file"),
                Arguments.of("a contiguous file", new HostileArchive()
                        .special("ferm.d/20-in.docker.billing.ferm", TarConstants.LF_CONTIG, ""), "is not a regular file"),
                Arguments.of("a GNU sparse file", new HostileArchive()
                        .special("ferm.d/20-in.docker.billing.ferm", TarConstants.LF_GNUTYPE_SPARSE, ""),
                        "is not a regular file"),
                Arguments.of("one name twice", new HostileArchive().file("ferm.d/00-docker.ferm", "# a\n")
                        .file("ferm.d/00-docker.ferm", "# b\n"), "holds ferm.d/00-docker.ferm twice"),
                Arguments.of("a name that would forge a line of the build log, shown escaped",
                        new HostileArchive().file("ferm.d/x\n[INFO] BUILD SUCCESS", "x"),
                        "'ferm.d/xU+000A[INFO] BUILD SUCCESS' must"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("archives")
    void refusesAnArchiveThatIsNoBundle(String title, HostileArchive entries, String words) {
        Path archive = entries.writeTo(temp.resolve("hostile.tar.gz"));
        assertThatThrownBy(() -> ServiceBundle.read("g:a:1:tar.gz:ferm", archive))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("g:a:1:tar.gz:ferm is not a ferm-maven-plugin service bundle")
                .hasMessageContaining(words);
    }

    @Test
    void readsTheSecondGzipMemberAsGnuTarDoes() throws IOException {
        HostileArchive archive = new HostileArchive();
        genuine.forEach(file -> archive.file(file.path(), file.content()));
        Path path = archive.withoutEndMarker().nextGzipMember().file("ferm.conf", "# replaced\n")
                .writeTo(temp.resolve("two-members.tar.gz"));
        assertThatThrownBy(() -> ServiceBundle.read("g:a:1:tar.gz:ferm", path))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ferm.conf is not a file ferm:bundle writes");
    }

    /**
     * A genuine bundle and one directory more: tar, extracting a directory where a file of the same name is,
     * removes the file, so that ferm.d would lack what the bundle was read to hold.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ferm.d/99-docker.ferm/", "ferm.d/.billing.bundle.json/", "ferm.d/sub/", "etc/"})
    void refusesADirectoryOtherThanFermD(String directory) {
        HostileArchive archive = new HostileArchive();
        genuine.forEach(file -> archive.file(file.path(), file.content()));
        Path path = archive.directory(directory).writeTo(temp.resolve("directory.tar.gz"));
        assertThatThrownBy(() -> ServiceBundle.read("g:a:1:tar.gz:ferm", path))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(directory + " is not a directory ferm:bundle writes");
    }

    /** tar as root gives /etc/ferm/ferm.d the mode of the archive's ferm.d/, even when it exists already. */
    @Test
    void refusesAGenuineBundleWhoseFermDAnyoneMayWrite() {
        HostileArchive archive = new HostileArchive().directory("ferm.d/", 0777);
        genuine.forEach(file -> archive.file(file.path(), file.content()));
        Path path = archive.writeTo(temp.resolve("writable.tar.gz"));
        assertThatThrownBy(() -> ServiceBundle.read("g:a:1:tar.gz:ferm", path))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gives 'ferm.d/' mode 777, where ferm:bundle writes 755");
    }

    /** The JDK's GZIPInputStream recursed once per empty member: 2 MB of them overflowed the stack. */
    @Test
    void readsABundleAfterAHundredThousandEmptyGzipMembersAsGnuTarDoes() throws IOException {
        Path path = genuineAfterEmptyGzipMembers(100_000);
        assertThat(ServiceBundle.read("g:a:1:tar.gz:ferm", path).files()).containsExactlyInAnyOrderElementsOf(genuine);
    }

    /** Empty members hold no tar bytes, so that only the size of the file bounds the work of reading them. */
    @Test
    void refusesAFileLargerThanABundleMayBeBeforeReadingIt() throws IOException {
        Path path = genuineAfterEmptyGzipMembers(BundleReader.MAX_BYTES / HostileArchive.gzipMember(new byte[0]).length);
        assertThat(Files.size(path)).isGreaterThan(BundleReader.MAX_BYTES);
        assertThatThrownBy(() -> ServiceBundle.read("g:a:1:tar.gz:ferm", path))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("it is a file of " + Files.size(path) + " bytes, more than the "
                        + BundleReader.MAX_BYTES + " a bundle may hold");
    }

    /** The archive was read whole to hash it before anything bounded it: 3 GiB made Java refuse the array. */
    @Test
    void refusesAFileOfGigabytesWithoutReadingItWhole() throws IOException {
        Path path = temp.resolve("sparse.tar.gz");
        try (RandomAccessFile sparse = new RandomAccessFile(path.toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }
        assertThatThrownBy(() -> ServiceBundle.read("g:a:1:tar.gz:ferm", path))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("it is a file of " + (3L << 30) + " bytes, more than the "
                        + BundleReader.MAX_BYTES + " a bundle may hold");
    }

    private Path genuineAfterEmptyGzipMembers(int count) throws IOException {
        HostileArchive archive = new HostileArchive();
        genuine.forEach(file -> archive.file(file.path(), file.content()));
        Path bundle = archive.writeTo(temp.resolve("genuine.tar.gz"));
        byte[] emptyMember = HostileArchive.gzipMember(new byte[0]);
        Path path = temp.resolve("empty-members-first.tar.gz");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            for (int i = 0; i < count; i++) {
                out.write(emptyMember);
            }
            out.write(Files.readAllBytes(bundle));
        }
        return path;
    }

    @Test
    void refusesEndlessEntriesWithinABoundOfEntries() {
        HostileArchive archive = new HostileArchive();
        for (int i = 0; i <= BundleReader.MAX_ENTRIES; i++) {
            archive.directory("ferm.d/");
        }
        Path path = archive.writeTo(temp.resolve("many.tar.gz"));
        assertThatThrownBy(() -> ServiceBundle.read("g:a:1:tar.gz:ferm", path))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than " + BundleReader.MAX_ENTRIES + " entries");
    }

    @Test
    void refusesAGzipBombWithinABoundOfBytes() {
        byte[] zeros = new byte[(int) BundleReader.MAX_BYTES + 1];
        Path path = new HostileArchive().file("ferm.d/00-docker.ferm", zeros).writeTo(temp.resolve("bomb.tar.gz"));
        assertThat(path.toFile().length()).isLessThan(100_000);
        assertThatThrownBy(() -> ServiceBundle.read("g:a:1:tar.gz:ferm", path))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than " + BundleReader.MAX_BYTES + " bytes");
    }

    private Path forged(Forgery forgery) throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        genuine.stream().filter(f -> !f.path().equals(MANIFEST))
                .forEach(f -> texts.put(f.path(), new String(f.content(), StandardCharsets.UTF_8)));
        List<BundleFile> files = new ArrayList<>();
        forgery.apply(texts).forEach((path, text) -> files.add(new BundleFile(path, text.getBytes(StandardCharsets.UTF_8))));
        BundleManifest m = BundleReader.manifest(genuine.stream().filter(f -> f.path().equals(MANIFEST)).findFirst()
                .orElseThrow());
        files.add(new BundleManifest(m.service(), m.maven(), m.pluginVersion(), m.descriptor(), m.dockerfile(),
                m.exposedPorts(), m.inheritedPorts(), m.labels(), m.rules(), BundleManifest.digestsOf(files), m.routedFamilies())
                .toBundleFile());
        HostileArchive archive = new HostileArchive();
        files.forEach(file -> archive.file(file.path(), file.content()));
        return archive.writeTo(temp.resolve("forged.tar.gz"));
    }
}
