package io.github.fermmavenplugin.testing;

import io.github.fermmavenplugin.diagnostic.UserFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the small user files a test needs and reads them back as the plugin would. */
public final class TempFiles {

    private TempFiles() {
    }

    public static Path write(Path directory, String name, String text) {
        try {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static UserFile userFile(Path directory, String name, String text) {
        return UserFile.read(write(directory, name, text), name, "test");
    }
}
