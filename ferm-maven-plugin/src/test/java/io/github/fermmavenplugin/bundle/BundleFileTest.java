package io.github.fermmavenplugin.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleFileTest {

    @ParameterizedTest
    @ValueSource(strings = {"ferm.d/00-docker.ferm", "ferm.d/.billing-api.bundle.json", "a", "A_b-9/c.d/e",
        "ferm.d/...x"})
    void acceptsRelativeAsciiPaths(String path) {
        assertThat(new BundleFile(path, new byte[0]).path()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/ferm/x.ferm", "ferm.d/", "ferm.d//x", "../x", "ferm.d/../x", "./x",
        "ferm.d/.", "ferm d/x", "ferm.d\\x", "ferm.d/x;y", "ferm.d/$x", "ferm.d/é", "ferm.d/x\n", "~/x"})
    void rejectsPathsThatAreNotPlainRelativeAscii(String path) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BundleFile(path, new byte[0]))
                .withMessageContaining("bundle path");
    }

    @Test
    void copiesContentInAndOut() {
        byte[] original = "abc".getBytes(StandardCharsets.US_ASCII);
        BundleFile file = new BundleFile("a", original);
        original[0] = 'X';
        file.content()[1] = 'Y';

        assertThat(file.content()).asString(StandardCharsets.US_ASCII).isEqualTo("abc");
        assertThat(file.size()).isEqualTo(3);
    }

    @Test
    void comparesByPathAndContentBytes() {
        BundleFile file = new BundleFile("a", new byte[] {1, 2});

        assertThat(file).isEqualTo(new BundleFile("a", new byte[] {1, 2}))
                .hasSameHashCodeAs(new BundleFile("a", new byte[] {1, 2}))
                .isNotEqualTo(new BundleFile("a", new byte[] {1, 3}))
                .isNotEqualTo(new BundleFile("b", new byte[] {1, 2}));
        assertThat(file).hasToString("BundleFile[a, 2 bytes]");
    }
}
