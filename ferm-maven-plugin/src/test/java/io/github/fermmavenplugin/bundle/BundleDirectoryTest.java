package io.github.fermmavenplugin.bundle;

import static io.github.fermmavenplugin.bundle.BundleArchiveTest.failingAfter;
import static io.github.fermmavenplugin.bundle.BundleArchiveTest.listNames;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleDirectoryTest {

    private static final List<BundleFile> FILES = List.of(
            file("ferm.d/00-docker.ferm", "# first\n"),
            file("ferm.d/99-docker.ferm", "# last\n"),
            file("ferm.d/.billing-api.bundle.json", "{}\n"));

    @TempDir
    Path workDirectory;

    @Test
    void writesExactlyTheFilesIntoANewDirectory() throws IOException {
        Path bundle = workDirectory.resolve("target/ferm");

        BundleDirectory.write(FILES, bundle);

        assertThat(tree(bundle)).containsExactly(
                Map.entry("ferm.d/", ""),
                Map.entry("ferm.d/.billing-api.bundle.json", "{}\n"),
                Map.entry("ferm.d/00-docker.ferm", "# first\n"),
                Map.entry("ferm.d/99-docker.ferm", "# last\n"));
        assertThat(listNames(bundle.getParent())).containsExactly("ferm");
    }

    @Test
    void replacesWhateverTheDirectoryHeldBefore() throws IOException {
        Path bundle = workDirectory.resolve("ferm");
        Files.createDirectories(bundle.resolve("ferm.d/stale-dir"));
        Files.write(bundle.resolve("ferm.d/20-in.old-service.ferm"), "old".getBytes(US_ASCII));
        Files.write(bundle.resolve("ferm.d/00-docker.ferm"), "old".getBytes(US_ASCII));
        Files.write(bundle.resolve("ferm.d/stale-dir/x"), "old".getBytes(US_ASCII));

        BundleDirectory.write(FILES, bundle);

        assertThat(tree(bundle)).containsOnlyKeys("ferm.d/", "ferm.d/.billing-api.bundle.json",
                "ferm.d/00-docker.ferm", "ferm.d/99-docker.ferm");
        assertThat(bundle.resolve("ferm.d/00-docker.ferm")).hasContent("# first\n");
        assertThat(listNames(workDirectory)).containsExactly("ferm");
    }

    @Test
    void filesAndDirectoriesGetTheBundlesModes() throws IOException {
        assumeThat(Files.getFileStore(workDirectory).supportsFileAttributeView("posix")).isTrue();
        Path bundle = workDirectory.resolve("ferm");

        BundleDirectory.write(FILES, bundle);

        assertThat(permissions(bundle)).isEqualTo("rwxr-xr-x");
        assertThat(permissions(bundle.resolve("ferm.d"))).isEqualTo("rwxr-xr-x");
        assertThat(permissions(bundle.resolve("ferm.d/00-docker.ferm"))).isEqualTo("rw-r--r--");
    }

    @Test
    void aFailureMidWriteKeepsTheOldTreeAndLeavesNoTemporaryDirectory() throws IOException {
        Path bundle = workDirectory.resolve("ferm");
        BundleDirectory.write(List.of(file("ferm.d/old.ferm", "old\n")), bundle);
        Map<String, String> before = tree(bundle);

        assertThatThrownBy(() -> BundleDirectory.write(FILES, bundle, out -> failingAfter(3, out)))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full (simulated)");

        assertThat(tree(bundle)).isEqualTo(before);
        assertThat(listNames(workDirectory)).containsExactly("ferm");
    }

    @Test
    void aFailureMidWriteWithNoOldTreeLeavesNothing() {
        Path bundle = workDirectory.resolve("ferm");

        assertThatThrownBy(() -> BundleDirectory.write(FILES, bundle, out -> failingAfter(0, out)))
                .isInstanceOf(IOException.class);

        assertThat(workDirectory).isEmptyDirectory();
    }

    @Test
    void invalidFilesAreRejectedBeforeAnythingIsWritten() throws IOException {
        Path bundle = workDirectory.resolve("ferm");
        Files.createDirectories(bundle);

        assertThatIllegalArgumentException().isThrownBy(() -> BundleDirectory.write(
                List.of(file("ferm.d", "1"), file("ferm.d/x", "2")), bundle));

        assertThat(listNames(workDirectory)).containsExactly("ferm");
        assertThat(bundle).isEmptyDirectory();
    }

    @Test
    void refusesToReplaceARegularFile() throws IOException {
        Path bundle = workDirectory.resolve("ferm");
        Files.write(bundle, "not a directory".getBytes(US_ASCII));

        assertThatThrownBy(() -> BundleDirectory.write(FILES, bundle)).isInstanceOf(NotDirectoryException.class);

        assertThat(bundle).hasContent("not a directory");
        assertThat(listNames(workDirectory)).containsExactly("ferm");
    }

    @Test
    void writingTwiceGivesTheSameTree() throws IOException {
        Path bundle = workDirectory.resolve("ferm");
        BundleDirectory.write(FILES, bundle);
        Map<String, String> first = tree(bundle);

        BundleDirectory.write(FILES, bundle);

        assertThat(tree(bundle)).isEqualTo(first);
        assertThat(listNames(workDirectory)).containsExactly("ferm");
    }

    /** Relative path (directories with a trailing '/') to content ("" for directories), sorted. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root)).toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path)) {
                    tree.put(name + "/", "");
                } else {
                    tree.put(name, Files.readString(path, US_ASCII));
                }
            }
        }
        return tree;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static BundleFile file(String path, String content) {
        return new BundleFile(path, content.getBytes(US_ASCII));
    }
}
