package io.github.fermmavenplugin.dockerfile;

import java.nio.file.Path;
import java.util.List;

/**
 * A Dockerfile split into instructions.
 *
 * @param file where it was read from, for positions that name the whole file
 * @param escape the escape character the parser directive chose ({@code \} or {@code `})
 */
record ParsedDockerfile(Path file, char escape, List<Instruction> instructions) {

    ParsedDockerfile {
        instructions = List.copyOf(instructions);
    }
}
