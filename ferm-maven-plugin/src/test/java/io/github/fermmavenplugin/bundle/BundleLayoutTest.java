package io.github.fermmavenplugin.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleLayoutTest {

    @Test
    void listsImpliedDirectoriesBeforeTheirContentInNameOrder() {
        List<BundleFile> files = List.of(file("ferm.d/99-docker.ferm"), file("ferm.d/00-docker.ferm"),
                file("a.txt"), file("ferm.d/sub/x"), file("ferm.d-other/y"), file("ferm.d/.svc.bundle.json"));

        assertThat(BundleLayout.entriesOf(files)).extracting(BundleLayout.Entry::name).containsExactly(
                "a.txt",
                "ferm.d-other/",
                "ferm.d-other/y",
                "ferm.d/",
                "ferm.d/.svc.bundle.json",
                "ferm.d/00-docker.ferm",
                "ferm.d/99-docker.ferm",
                "ferm.d/sub/",
                "ferm.d/sub/x");
    }

    @Test
    void marksDirectoriesByHavingNoFile() {
        List<BundleLayout.Entry> entries = BundleLayout.entriesOf(List.of(file("d/f")));

        assertThat(entries).extracting(BundleLayout.Entry::isDirectory).containsExactly(true, false);
        assertThat(entries.get(1).file().path()).isEqualTo("d/f");
    }

    @Test
    void rejectsTheSamePathTwice() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BundleLayout.entriesOf(List.of(file("d/f"), file("d/f"))))
                .withMessage("bundle path 'd/f' is given twice");
    }

    @Test
    void rejectsAPathThatIsBothFileAndDirectory() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BundleLayout.entriesOf(List.of(file("d/f/g"), file("d/f"))))
                .withMessage("bundle path 'd/f' is both a file and a directory");
    }

    @Test
    void anEmptyBundleHasNoEntries() {
        assertThat(BundleLayout.entriesOf(List.of())).isEmpty();
    }

    private static BundleFile file(String path) {
        return new BundleFile(path, path.getBytes(StandardCharsets.US_ASCII));
    }
}
