package io.github.fermmavenplugin.bundle;

import java.util.List;
import java.util.Map;

/**
 * JSON text of a tree of strings, nulls, lists and maps, laid out as the bundle manifest is: two-space
 * indent, LF line ends, {@code "key": value}, {@code []} and {@code {}} when empty, map keys in the map's
 * order. Strings are escaped as JSON requires and no further: '"', '\', and the control characters below
 * U+0020 ({@code \b \t \n \f \r} in short form, the others as a u-escape of four upper-case hex digits);
 * everything else stays as it is, as Jackson writes it. Written by hand so that a build loads no JSON
 * serialiser (several hundred classes) for its one small manifest.
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(1024);

    private JsonText() {
    }

    /** The text of {@code value}, without a final newline. */
    static String of(Object value) {
        JsonText text = new JsonText();
        text.value(value, 0);
        return text.out.toString();
    }

    private void value(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            string(string);
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (value instanceof List<?> list) {
            array(list, depth);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private void object(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String separator = "";
        for (Map.Entry<?, ?> member : map.entrySet()) {
            out.append(separator);
            newLine(depth + 1);
            string((String) member.getKey());
            out.append(": ");
            value(member.getValue(), depth + 1);
            separator = ",";
        }
        newLine(depth);
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String separator = "";
        for (Object element : list) {
            out.append(separator);
            newLine(depth + 1);
            value(element, depth + 1);
            separator = ",";
        }
        newLine(depth);
        out.append(']');
    }

    private void newLine(int depth) {
        out.append('\n');
        for (int level = 0; level < depth; level++) {
            out.append("  ");
        }
    }

    private void string(String string) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
