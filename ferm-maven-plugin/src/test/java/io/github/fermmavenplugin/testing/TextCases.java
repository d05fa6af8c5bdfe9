package io.github.fermmavenplugin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Test cases kept in a text file a reviewer can scan: each case is a line {@code ### name}, a line with the
 * expected outcome, then the input, as it stands in a file, up to the next {@code ###} line.
 */
public final class TextCases {

    private TextCases() {
    }

    /** Arguments (name, expected, input) of every case in the resource beside {@code owner}. */
    public static List<Arguments> read(Class<?> owner, String resource) {
        String text;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " beside " + owner.getName());
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Arguments> cases = new ArrayList<>();
        String[] blocks = text.split("(?m)^### ");
        for (int i = 1; i < blocks.length; i++) {
            String[] lines = blocks[i].split("\n", 3);
            cases.add(Arguments.of(lines[0].strip(), lines[1].strip(), lines.length > 2 ? lines[2] : ""));
        }
        return cases;
    }
}
