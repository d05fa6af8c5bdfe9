package io.github.fermmavenplugin.dockerfile;

import java.util.List;

/**
 * A Dockerfile split into instructions.
 *
 * @param escape the escape character the parser directive chose ({@code \} or {@code `})
 */
record ParsedDockerfile(char escape, List<Instruction> instructions) {

    ParsedDockerfile {
        instructions = List.copyOf(instructions);
    }
}
