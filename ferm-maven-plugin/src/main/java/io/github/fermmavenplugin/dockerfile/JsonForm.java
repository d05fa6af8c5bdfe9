package io.github.fermmavenplugin.dockerfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The exec (JSON array) form of RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD and VOLUME, checked as BuildKit checks it:
 * text that parses as a JSON array must hold only strings; text that does not parse is the shell form; SHELL has
 * only the JSON form. Read with Jackson's streaming parser: a tree model would load hundreds of classes into
 * every build for a check of a few tokens.
 */
final class JsonForm {

    private static final Set<String> MAYBE_JSON = Set.of("run", "cmd", "entrypoint", "shell", "copy", "add", "volume");
    private static final JsonFactory JSON = new JsonFactory();

    /** A JSON array as BuildKit reads it; {@code notAString} is the first element that is not a string, as written. */
    private record JsonArray(Optional<String> notAString) {
    }

    private JsonForm() {
    }

    static void check(Instruction instruction) {
        if (!MAYBE_JSON.contains(instruction.keyword())) {
            return;
        }
        SourcePosition position = instruction.position();
        Optional<JsonArray> array = parseArray(instruction.arguments());
        if (array.isPresent()) {
            array.get().notAString().ifPresent(element -> {
                throw new InvalidInputException(position,
                        instruction.name() + " in JSON form must list only strings, not " + Quoted.printable(element),
                        "Quote every element: [\"executable\", \"arg\"].");
            });
        } else if (instruction.keyword().equals("shell")) {
            throw new InvalidInputException(position, "SHELL needs its arguments in JSON form",
                    "Write SHELL [\"/bin/sh\", \"-c\"].");
        }
    }

    /** The arguments as a JSON array, or empty when they are no JSON array (then they are the shell form). */
    private static Optional<JsonArray> parseArray(String arguments) {
        if (!arguments.startsWith("[")) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(arguments)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            Optional<String> notAString = Optional.empty();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    return Optional.empty();
                }
                if (token == JsonToken.VALUE_STRING) {
                    continue;
                }
                int from = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                int to = (int) parser.currentLocation().getCharOffset();
                if (notAString.isEmpty()) {
                    notAString = Optional.of(arguments.substring(from, to));
                }
            }
            return parser.nextToken() == null ? Optional.of(new JsonArray(notAString)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
