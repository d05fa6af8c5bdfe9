package io.github.fermmavenplugin.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes any value into a generated descriptor exactly, whatever characters it holds. */
public final class YamlText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private YamlText() {
    }

    /** A YAML double-quoted scalar holding exactly the value (JSON's string syntax is YAML's), ASCII only. */
    public static String doubleQuoted(String value) {
        try {
            StringBuilder escaped = new StringBuilder();
            for (char c : JSON.writeValueAsString(value).toCharArray()) {
                escaped.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
            }
            return escaped.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
