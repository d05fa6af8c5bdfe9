package io.github.fermmavenplugin.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.fermmavenplugin.bundle.BundleManifest.DockerfileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.FileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.bundle.BundleManifest.Rule;
import io.github.fermmavenplugin.bundle.BundleManifest.SourceDigest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the JSON of {@link BundleManifest#toJson}, with Jackson's streaming parser: a data binder would
 * load several hundred classes to read one small file. Members it does not know are passed over, since a
 * newer plugin may record more; a member of the wrong kind (a number for a string, say), a missing member
 * the manifest requires, or text after the manifest makes it unreadable.
 */
final class ManifestParser {

    private static final JsonFactory JSON = new JsonFactory();

    private ManifestParser() {
    }

    /**
     * @throws IOException if {@code json} is not JSON
     * @throws IllegalArgumentException if it is JSON but no manifest, saying where
     */
    static BundleManifest parse(byte[] json) throws IOException {
        Members manifest;
        try (JsonParser parser = JSON.createParser(json)) {
            manifest = Members.of(value(parser, parser.nextToken()), "");
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "text after the manifest's object");
            }
        }
        return new BundleManifest(
                manifest.string("service"),
                manifest.object("maven", maven -> new MavenCoordinates(
                        maven.string("groupId"), maven.string("artifactId"), maven.string("version"))),
                manifest.string("pluginVersion"),
                manifest.object("descriptor", descriptor -> new SourceDigest(
                        descriptor.string("path"), descriptor.string("sha256"))),
                manifest.object("dockerfile", dockerfile -> new DockerfileDigest(
                        dockerfile.string("path"), dockerfile.string("sha256"), dockerfile.nullableString("stage"))),
                manifest.strings("exposedPorts"),
                manifest.strings("inheritedPorts"),
                manifest.stringMap("labels"),
                manifest.objects("rules", rule -> new Rule(
                        rule.string("name"), rule.string("chain"), rule.strings("ports"), rule.strings("from"))),
                manifest.objects("files", file -> new FileDigest(file.string("path"), file.string("sha256"))),
                manifest.strings("routedFamilies", List.of()));
    }

    /**
     * The value that begins with {@code token}: a map for an object, in the order of its members (of a name
     * given twice, the last), a list for an array, a string, null, or, for a number or a boolean, its token.
     */
    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(parser, "no JSON value");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    members.put(name, value(parser, parser.nextToken()));
                }
                return members;
            }
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(value(parser, next));
                }
                return elements;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                return token;
            }
        }
    }

    /**
     * An object's members, read by name as what the manifest expects them to be: a member missing or null is
     * refused, but for those {@link BundleManifest} lets be absent.
     *
     * @param where the object's place in the manifest, as "rules[2]"; empty for the manifest itself
     */
    private record Members(Map<?, ?> members, String where) {

        interface Reading<T> {
            T read(Members members);
        }

        static Members of(Object value, String where) {
            if (value instanceof Map<?, ?> map) {
                return new Members(map, where);
            }
            throw new IllegalArgumentException((where.isEmpty() ? "it" : where) + " is not a JSON object");
        }

        String string(String name) {
            return text(required(name), place(name));
        }

        /** The string, or null when the member is null or missing (the Dockerfile's unnamed stage). */
        String nullableString(String name) {
            Object value = members.get(name);
            return value == null ? null : text(value, place(name));
        }

        <T> T object(String name, Reading<T> reading) {
            return reading.read(of(required(name), place(name)));
        }

        List<String> strings(String name) {
            return list(required(name), place(name), Members::text);
        }

        /** The strings, or {@code absent} when the member is missing (in manifests of earlier versions). */
        List<String> strings(String name, List<String> absent) {
            return members.containsKey(name) ? strings(name) : absent;
        }

        <T> List<T> objects(String name, Reading<T> reading) {
            return list(required(name), place(name), (element, place) -> reading.read(of(element, place)));
        }

        Map<String, String> stringMap(String name) {
            Members map = of(required(name), place(name));
            Map<String, String> strings = new LinkedHashMap<>();
            map.members.keySet().forEach(key -> strings.put((String) key, map.string((String) key)));
            return strings;
        }

        private Object required(String name) {
            Object value = members.get(name);
            if (value == null) {
                throw new IllegalArgumentException(place(name) + " is missing or null");
            }
            return value;
        }

        private String place(String name) {
            return where.isEmpty() ? name : where + "." + name;
        }

        private interface Element<T> {
            T read(Object element, String place);
        }

        private static <T> List<T> list(Object value, String place, Element<T> reading) {
            if (!(value instanceof List<?> elements)) {
                throw new IllegalArgumentException(place + " is not a JSON array");
            }
            List<T> read = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                read.add(reading.read(elements.get(i), place + "[" + i + "]"));
            }
            return read;
        }

        private static String text(Object value, String place) {
            if (value instanceof String string) {
                return string;
            }
            throw new IllegalArgumentException(place + " is not a string");
        }
    }
}
