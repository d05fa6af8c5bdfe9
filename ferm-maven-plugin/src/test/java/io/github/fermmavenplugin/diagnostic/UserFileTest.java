package io.github.fermmavenplugin.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserFileTest {

    @TempDir
    static Path dir;

    private static Path file(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> unusableFiles() {
        return Stream.of(
                Arguments.of("missing", (Function<Path, Path>) d -> d.resolve("absent.yaml"),
                        "the firewall descriptor does not exist. Create it, or point 'descriptor' at it."),
                Arguments.of("a directory", (Function<Path, Path>) d -> d,
                        "the firewall descriptor is not a regular file"),
                Arguments.of("empty", (Function<Path, Path>) d -> file("empty.yaml", new byte[0]),
                        "the firewall descriptor is empty"),
                Arguments.of("only blanks", (Function<Path, Path>) d -> file("blank.yaml", " \n\t\n".getBytes()),
                        "the firewall descriptor is empty"),
                Arguments.of("not UTF-8", (Function<Path, Path>) d -> file("latin1.yaml",
                        "service: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)),
                        "the firewall descriptor is not valid UTF-8. Save it as UTF-8."),
                Arguments.of("over 1 MiB", (Function<Path, Path>) d -> file("huge.yaml",
                        new byte[(int) UserFile.MAX_BYTES + 1]), "the firewall descriptor is larger than 1 MiB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableFiles")
    void refusesWhatCannotBeADescriptor(String what, Function<Path, Path> make, String expected) {
        Path path = make.apply(dir);
        assertThatThrownBy(() -> UserFile.read(path, "firewall descriptor", "descriptor"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(path + ": " + expected);
    }

    @Test
    void dropsAByteOrderMarkButDigestsTheBytesOnDisk() {
        byte[] bytes = "\uFEFFversion: 1\n".getBytes(StandardCharsets.UTF_8);
        UserFile read = UserFile.read(file("bom.yaml", bytes), "firewall descriptor", "descriptor");
        assertThat(read.text()).isEqualTo("version: 1\n");
        assertThat(read.sha256()).isEqualTo(UserFile.sha256(bytes)).hasSize(64);
    }

    @Test
    void exactlyOneMebibyteIsStillRead() {
        byte[] bytes = new byte[(int) UserFile.MAX_BYTES];
        java.util.Arrays.fill(bytes, (byte) 'a');
        assertThat(UserFile.read(file("max.yaml", bytes), "firewall descriptor", "descriptor").text())
                .hasSize((int) UserFile.MAX_BYTES);
    }
}
