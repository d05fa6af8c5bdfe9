package io.github.fermmavenplugin.bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON text of a tree of strings, nulls, lists and maps, laid out as the bundle manifest is: two-space
 * indent, LF line ends, {@code "key": value}, {@code []} and {@code {}} when empty, map keys in the map's
 * order. Strings are escaped as JSON requires and no further: '"', '\', and the control characters below
 * U+0020 ({@code \b \t \n \f \r} in short form, the others as a u-escape of four upper-case hex digits);
 * everything else stays as it is, as Jackson writes it, except a surrogate without its other half, which UTF-8
 * cannot carry: it is u-escaped too, so that the document says exactly what the string held. Written by hand so
 * that a build loads no JSON serialiser (several hundred classes) for its one small manifest.
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(1024);
    /** A line break and the indent of each depth met so far: every member and element starts with one. */
    private final List<String> lineStarts = new ArrayList<>();

    private JsonText() {
    }

    /** The text of {@code value}, without a final newline. */
    static String of(Object value) {
        JsonText text = new JsonText();
        text.value(value, 0);
        return text.out.toString();
    }

    /** The text of {@code value} and a final newline, as UTF-8: a file's content. */
    static byte[] document(Object value) {
        JsonText text = new JsonText();
        text.value(value, 0);
        return text.out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A JSON object of these keys, each followed by its value, in this order: as a map with that order would be
     * written, for trees built key by key without a map for each object.
     */
    static Object object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a key without a value");
        }
        return new Members(keysAndValues);
    }

    /** @param keysAndValues as given: the callers pass their arguments, and keep no array of their own */
    private record Members(Object[] keysAndValues) {
    }

    private void value(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            string(string);
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (value instanceof Members members) {
            object(members.keysAndValues(), depth);
        } else if (value instanceof List<?> list) {
            array(list, depth);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private void object(Map<?, ?> map, int depth) {
        Object[] keysAndValues = new Object[2 * map.size()];
        int i = 0;
        for (Map.Entry<?, ?> member : map.entrySet()) {
            keysAndValues[i++] = member.getKey();
            keysAndValues[i++] = member.getValue();
        }
        object(keysAndValues, depth);
    }

    private void object(Object[] keysAndValues, int depth) {
        if (keysAndValues.length == 0) {
            out.append("{}");
            return;
        }
        out.append('{');
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.append(i == 0 ? "" : ",");
            newLine(depth + 1);
            string((String) keysAndValues[i]);
            out.append(": ");
            value(keysAndValues[i + 1], depth + 1);
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
        while (lineStarts.size() <= depth) {
            lineStarts.add("\n" + "  ".repeat(lineStarts.size()));
        }
        out.append(lineStarts.get(depth));
    }

    private void string(String string) {
        out.append('"');
        int plain = 0;
        while (plain < string.length() && needsNoEscape(string.charAt(plain))) {
            plain++;
        }
        // names, ports and networks hold nothing to escape: they are appended whole, in one copy
        if (plain == string.length()) {
            out.append(string).append('"');
            return;
        }
        out.append(string, 0, plain);
        for (int i = plain; i < string.length(); i++) {
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
                    } else if (isUnpairedSurrogate(string, i)) {
                        // UTF-8 has no form for it: the document's bytes would hold '?' instead
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                                .append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsNoEscape(char c) {
        return c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c);
    }

    private static boolean isUnpairedSurrogate(String string, int i) {
        char c = string.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == string.length() || !Character.isLowSurrogate(string.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(string.charAt(i - 1)));
    }
}
