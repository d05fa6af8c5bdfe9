package io.github.fermmavenplugin.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written manifest JSON is the text Jackson wrote for it before, byte for byte. */
class JsonTextTest {

    /** The writer BundleManifest used until it wrote its JSON by hand. */
    private static final ObjectWriter JACKSON = new ObjectMapper().writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    static Stream<Object> trees() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", "last key first");
        nested.put("a", null);
        nested.put("empty list", List.of());
        nested.put("empty map", Map.of());
        nested.put("list", List.of("x", List.of(), List.of("y", "z"), Map.of("k", "v")));
        return Stream.of("", "plain", null, List.of(), Map.of(), List.of("one"), Map.of("k", "v"), nested,
                List.of(nested, nested));
    }

    @ParameterizedTest
    @MethodSource("trees")
    void laysOutEveryTreeAsJacksonDid(Object tree) throws Exception {
        assertThat(JsonText.of(tree)).isEqualTo(JACKSON.writeValueAsString(tree));
    }

    @Test
    void escapesEveryCharacterAsJacksonDid() throws Exception {
        List<String> strings = new ArrayList<>();
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            strings.add("<" + c + ">");
        }
        for (int c = Character.MAX_SURROGATE + 1; c <= Character.MAX_VALUE; c++) {
            strings.add("<" + (char) c + ">");
        }
        strings.add(new String(Character.toChars(0x1F525)));
        strings.add(new String(Character.toChars(Character.MAX_CODE_POINT)));

        for (String string : strings) {
            assertThat(JsonText.of(string)).as("U+%04X", (int) string.charAt(1 % string.length()))
                    .isEqualTo(JACKSON.writeValueAsString(string));
        }
    }

    @ParameterizedTest
    @MethodSource("escapesAtEitherEnd")
    void escapesWhereverTheCharacterStandsAsJacksonDid(String string) throws Exception {
        assertThat(JsonText.of(string)).isEqualTo(JACKSON.writeValueAsString(string));
    }

    static Stream<String> escapesAtEitherEnd() {
        return Stream.of("\"", "\"first", "last\\", "\n\t", "a\u0001b\u001f", "\u2028 stays");
    }

    /**
     * A surrogate without its other half has no UTF-8 form: the manifest's bytes would carry '?' in its place. As a
     * u-escape it stays in the text, and a JSON reader gives back the very string. (javac reads each single-backslash
     * u-escape below as the char it names, text block or not; the doubled ones are the JSON text.)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            high half alone             | a\uD800b       | "a\\uD800b"
            low half alone, at the end  | a\uDC00        | "a\\uDC00"
            halves reversed             | \uDE00\uD83D   | "\\uDE00\\uD83D"
            high half before a quote    | \uD800"        | "\\uD800\\""
            """)
    void escapesAnUnpairedSurrogateSoThatItSurvivesUtf8(String name, String string, String json) throws Exception {
        byte[] document = JsonText.document(string);

        assertThat(new String(document, StandardCharsets.UTF_8)).isEqualTo(json + "\n");
        assertThat(new ObjectMapper().readValue(document, String.class)).isEqualTo(string);
    }

    /** A pair stays one character, written as it is. */
    @Test
    void keepsASurrogatePairWhole() {
        assertThat(JsonText.document("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"\n".getBytes(StandardCharsets.UTF_8));
    }

    /** An object given by its members is written as the map of those members, in their order. */
    @Test
    void writesAnObjectOfMembersAsTheOrderedMap() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", "last key first");
        map.put("a", null);
        map.put("list", List.of("x", Map.of()));
        map.put("object", Map.of("k", "v"));
        Object members = JsonText.object("z", "last key first", "a", null, "list", List.of("x", JsonText.object()),
                "object", JsonText.object("k", "v"));

        assertThat(JsonText.of(members)).isEqualTo(JsonText.of(map)).isEqualTo(JACKSON.writeValueAsString(map));
        assertThat(JsonText.document(List.of(members, members)))
                .isEqualTo((JACKSON.writeValueAsString(List.of(map, map)) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesAKeyWithoutAValue() {
        assertThatThrownBy(() -> JsonText.object("key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWhatHasNoJsonForm() {
        assertThatThrownBy(() -> JsonText.of(Arrays.asList("a", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer");
    }
}
