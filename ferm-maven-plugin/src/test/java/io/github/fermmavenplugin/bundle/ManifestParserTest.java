package io.github.fermmavenplugin.bundle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.bundle.BundleManifest.DockerfileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.FileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.bundle.BundleManifest.Rule;
import io.github.fermmavenplugin.bundle.BundleManifest.SourceDigest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A manifest read back is the manifest that was written, every component of it; a newer plugin's members are
 * passed over; a manifest of the wrong shape is refused with words that say where.
 */
class ManifestParserTest {

    private static final String SERVICE = "\"service\": \"billing-api\",";

    static Stream<Arguments> manifests() {
        return Stream.of(
                Arguments.of("every component given", manifest("runtime", Map.of("a.first", "1",
                        "org.opencontainers.image.title", "Billing \"API\" \u00fc \\ \t"), List.of("ipv4", "ipv6"))),
                Arguments.of("an unnamed stage, no labels, NAT", manifest(null, Map.of(), List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void readsBackEveryComponentWritten(String title, BundleManifest manifest) throws IOException {
        assertThat(ManifestParser.parse(manifest.toJson())).isEqualTo(manifest);
    }

    static Stream<Arguments> newerManifests() {
        return Stream.of(
                Arguments.of("a string", SERVICE + " \"builtBy\": \"ci\","),
                Arguments.of("a number and a boolean", SERVICE + " \"schema\": 2, \"signed\": false,"),
                Arguments.of("null", SERVICE + " \"signature\": null,"),
                Arguments.of("an object of every kind of value",
                        SERVICE + " \"build\": {\"a\": [1, 2.5, true, null, {\"b\": []}], \"c\": {}},"),
                Arguments.of("an array of objects", SERVICE + " \"images\": [{\"digest\": \"sha256:1\"}, {}],"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newerManifests")
    void passesOverTheMembersOfANewerPlugin(String title, String withNewMembers) throws IOException {
        BundleManifest manifest = manifest("runtime", Map.of("k", "v"), List.of("ipv6"));
        String json = new String(manifest.toJson(), UTF_8).replace(SERVICE, withNewMembers)
                .replace("\"name\": \"web\",", "\"name\": \"web\", \"comment\": {\"x\": [1]},")
                .replace("\"version\": \"1.2.0\"", "\"version\": \"1.2.0\", \"classifier\": 7");

        assertThat(json).contains("comment", "classifier");
        assertThat(ManifestParser.parse(json.getBytes(UTF_8))).isEqualTo(manifest);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("no JSON", "service: billing-api", "cannot be read: Unrecognized token"),
                Arguments.of("nothing", "", "cannot be read: no JSON value"),
                Arguments.of("an array", "[]", "cannot be read: it is not a JSON object"),
                Arguments.of("cut short", "{\"service\": \"billing-api\"", "cannot be read: Unexpected end-of-input"),
                Arguments.of("text after the object", "{} {}", "cannot be read: text after the manifest's object"),
                Arguments.of("nesting deeper than the parser allows, in an unknown member",
                        "{\"future\": " + "[".repeat(100_000), "cannot be read: Document nesting depth"),
                Arguments.of("a number for a string", "{\"service\": 7}", "cannot be read: service is not a string"),
                Arguments.of("no service", "{\"pluginVersion\": \"1\"}", "cannot be read: service is missing or null"),
                Arguments.of("a null service", "{\"service\": null}", "cannot be read: service is missing or null"),
                Arguments.of("coordinates as a string", "{\"service\": \"s\", \"maven\": \"g:a:1\"}",
                        "cannot be read: maven is not a JSON object"),
                Arguments.of("coordinates without a version",
                        "{\"service\": \"s\", \"maven\": {\"groupId\": \"g\", \"artifactId\": \"a\"}}",
                        "cannot be read: maven.version is missing or null"),
                Arguments.of("ports as a string", replaced("\"exposedPorts\": [", "\"exposedPorts\": \"80/tcp\", \"x\": ["),
                        "cannot be read: exposedPorts is not a JSON array"),
                Arguments.of("a port that is a number", replaced("\"exposedPorts\": [", "\"exposedPorts\": [80, "),
                        "cannot be read: exposedPorts[0] is not a string"),
                Arguments.of("a label that is a number", replaced("\"labels\": {", "\"labels\": {\"n\": 1, "),
                        "cannot be read: labels.n is not a string"),
                Arguments.of("a rule without a chain", replaced("\"chain\": \"INPUT\",", ""),
                        "cannot be read: rules[1].chain is missing or null"),
                Arguments.of("a rule's source that is null", replaced("\"198.51.100.0/24\"", "null"),
                        "cannot be read: rules[1].from[0] is not a string"),
                Arguments.of("a file that is a string", replaced("\"files\": [", "\"files\": [\"ferm.d/x\", "),
                        "cannot be read: files[0] is not a JSON object"),
                Arguments.of("routed families that are an object", replaced("\"routedFamilies\": [\n    \"ipv6\"\n  ]",
                        "\"routedFamilies\": {}"), "cannot be read: routedFamilies is not a JSON array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesAManifestOfTheWrongShapeSayingWhere(String title, String json, String words) {
        BundleFile file = new BundleFile("ferm.d/.billing-api.bundle.json", json.getBytes(UTF_8));

        assertThatThrownBy(() -> BundleReader.manifest(file)).isInstanceOf(BundleReader.NotABundleException.class)
                .hasMessageContaining("its manifest ferm.d/.billing-api.bundle.json " + words);
    }

    /** The sample manifest's JSON with {@code text} replaced, which must be in it. */
    private static String replaced(String text, String replacement) {
        String json = new String(manifest("runtime", Map.of("k", "v"), List.of("ipv6")).toJson(), UTF_8);
        assertThat(json).contains(text);
        return json.replace(text, replacement);
    }

    private static BundleManifest manifest(String stage, Map<String, String> labels, List<String> routedFamilies) {
        return new BundleManifest("billing-api", new MavenCoordinates("com.example", "billing-api", "1.2.0"), "0.1.0",
                new SourceDigest("firewall.yaml", "a".repeat(64)), new DockerfileDigest("docker/Dockerfile", "b".repeat(64),
                        stage),
                List.of("80/tcp", "9100/tcp"), List.of("443/tcp"), labels,
                List.of(new Rule("web", "DOCKER-USER", List.of("80/tcp", "published 8443/tcp"), List.of("any")),
                        new Rule("ssh", "INPUT", List.of("22/tcp"), List.of("198.51.100.0/24", "2001:db8:10::/48"))),
                List.of(new FileDigest("ferm.d/99-docker.ferm", "c".repeat(64)),
                        new FileDigest("ferm.d/00-docker.ferm", "d".repeat(64))),
                routedFamilies);
    }
}
