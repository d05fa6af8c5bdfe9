package io.github.fermmavenplugin.dockerfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.util.Optional;
import java.util.Set;

/**
 * The exec (JSON array) form of RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD and VOLUME, checked as BuildKit checks it:
 * text that parses as a JSON array must hold only strings; text that does not parse is the shell form; SHELL has
 * only the JSON form.
 */
final class JsonForm {

    private static final Set<String> MAYBE_JSON = Set.of("run", "cmd", "entrypoint", "shell", "copy", "add", "volume");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonForm() {
    }

    static void check(Instruction instruction) {
        if (!MAYBE_JSON.contains(instruction.keyword())) {
            return;
        }
        SourcePosition position = instruction.position();
        Optional<JsonNode> array = parseArray(instruction.arguments());
        if (array.isPresent()) {
            for (JsonNode element : array.get()) {
                if (!element.isTextual()) {
                    throw new InvalidInputException(position,
                            instruction.name() + " in JSON form must list only strings, not " + element,
                            "Quote every element: [\"executable\", \"arg\"].");
                }
            }
        } else if (instruction.keyword().equals("shell")) {
            throw new InvalidInputException(position, "SHELL needs its arguments in JSON form",
                    "Write SHELL [\"/bin/sh\", \"-c\"].");
        }
    }

    private static Optional<JsonNode> parseArray(String arguments) {
        if (!arguments.startsWith("[")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(arguments);
            return node != null && node.isArray() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
