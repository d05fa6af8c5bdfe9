package io.github.fermmavenplugin.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.testing.YamlText;
import io.github.fermmavenplugin.testing.PipelineRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values that would be ferm syntax, shell, log forgery or look-alikes, fed through every field of the descriptor
 * and of the Dockerfile: each build must stop with a readable
 * {@link io.github.fermmavenplugin.diagnostic.InvalidInputException} and leave no bundle. Image labels are the one
 * exception by design: they never reach ferm text, so a label may hold any text Docker takes; it then lands,
 * JSON-escaped, in the manifest only.
 */
@Tag("slow")
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DOCKERFILE = "FROM alpine:3.20\nEXPOSE 80\n";

    /** What an attacker, a copy-paste accident or a look-alike keyboard might put in a value. */
    static final Map<String, String> HOSTILE = hostileTexts();

    private static Map<String, String> hostileTexts() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("backticks", "`touch /tmp/pwned`");
        values.put("command substitution", "$(touch /tmp/pwned)");
        values.put("variable", "$HOME");
        values.put("ferm include of a pipe", "@include \"x|\"");
        values.put("ferm function", "@def $a = 1");
        values.put("double quote", "eth0\"");
        values.put("single quote", "eth0'");
        values.put("semicolon", "80; ACCEPT");
        values.put("braces", "web { ACCEPT; }");
        values.put("parentheses", "(80 443)");
        values.put("hash", "80#comment");
        values.put("newline", "eth0\nDROP");
        values.put("carriage return", "eth0\r");
        values.put("NUL", "eth0\u0000");
        values.put("tab", "eth\t0");
        values.put("Cyrillic e", "\u0435th0");
        values.put("fullwidth digits", "\uFF18\uFF10");
        values.put("Arabic-Indic digits, which Character.isDigit takes", "\u0668\u0660");
        values.put("combining mark", "web\u0301");
        values.put("division slash", "10.0.0.0\u22158");
        values.put("right-to-left override", "web\u202E");
        values.put("non-breaking space", "80\u00A0");
        values.put("very long letters", "a".repeat(70_000));
        values.put("very long digits", "8".repeat(70_000));
        return values;
    }

    /** Where a value can stand in the descriptor; {@code %s} is replaced by the value as YAML. */
    static final Map<String, String> DESCRIPTOR_FIELDS = descriptorFields();

    private static Map<String, String> descriptorFields() {
        String rule = "ingress:\n  - name: web\n    ports: [80]\n";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", "version: %s\n" + rule);
        fields.put("service", "version: 1\nservice: %s\n" + rule);
        fields.put("docker.mode", "version: 1\ndocker:\n  mode: %s\n" + rule);
        fields.put("docker.bridge", "version: 1\ndocker:\n  bridge: %s\n" + rule);
        fields.put("docker.external", "version: 1\ndocker:\n  external: [eth1, %s]\n" + rule);
        fields.put("docker.inherited", "version: 1\ndocker:\n  inherited: [%s]\n" + rule);
        fields.put("docker key", "version: 1\ndocker:\n  %s: x\n" + rule);
        fields.put("docker.gateway_mode_ipv4", "version: 1\ndocker:\n  gateway_mode_ipv4: %s\n" + rule);
        fields.put("docker.gateway_mode_ipv6", "version: 1\ndocker:\n  gateway_mode_ipv6: %s\n" + rule);
        fields.put("docker.preserve chain", "version: 1\ndocker:\n  preserve:\n    filter: [ts-forward, %s]\n" + rule);
        fields.put("docker.preserve table", "version: 1\ndocker:\n  preserve:\n    %s: [ts-forward]\n" + rule);
        fields.put("group name", "version: 1\ngroups:\n  %s: [10.0.0.0/8]\n" + rule);
        fields.put("group member", "version: 1\ngroups:\n  office: [10.0.0.0/8, %s]\n" + rule);
        fields.put("ingress name", "version: 1\ningress:\n  - name: %s\n    ports: [80]\n");
        fields.put("ingress ports", "version: 1\ningress:\n  - name: web\n    ports: [%s]\n");
        fields.put("ingress from", "version: 1\ningress:\n  - name: web\n    ports: [80]\n    from: [%s]\n");
        fields.put("ingress key", "version: 1\ningress:\n  - name: web\n    %s: [80]\n");
        fields.put("host name", "version: 1\nhost:\n  - name: %s\n    ports: [22]\n");
        fields.put("host ports", "version: 1\nhost:\n  - name: ssh\n    ports: [%s]\n");
        fields.put("host from", "version: 1\nhost:\n  - name: ssh\n    ports: [22]\n    from: [%s]\n");
        fields.put("defaults.action", "version: 1\n" + rule + "defaults:\n  action: %s\n");
        fields.put("defaults.log", "version: 1\n" + rule + "defaults:\n  log: %s\n");
        fields.put("top-level key", "version: 1\n" + rule + "%s: 1\n");
        String swarm = "version: 1\ndocker:\n  mode: swarm\n" + rule + "swarm:\n";
        fields.put("swarm.peers", swarm + "  peers: [10.0.0.0/24, %s]\n  encrypted: true\n");
        fields.put("swarm.managers", swarm + "  peers: [10.0.0.0/24]\n  managers: [%s]\n  encrypted: true\n");
        fields.put("swarm.encrypted", swarm + "  peers: [10.0.0.0/24]\n  encrypted: %s\n");
        return fields;
    }

    /** Where a value can enter through the Dockerfile; {@code %s} is replaced by the value. */
    static final Map<String, String> DOCKERFILE_FIELDS = Map.of(
            "EXPOSE", "FROM alpine:3.20\nEXPOSE %s\n",
            "EXPOSE quoted", "FROM alpine:3.20\nEXPOSE \"%s\"\n",
            "ARG default", "FROM alpine:3.20\nARG PORT=\"%s\"\nEXPOSE $PORT\n",
            "ENV", "FROM alpine:3.20\nENV PORT=\"%s\"\nEXPOSE ${PORT}/tcp\n",
            "global ARG", "ARG PORT=\"%s\"\nFROM alpine:3.20\nARG PORT\nEXPOSE $PORT\n");

    @TempDir
    Path dir;

    static Stream<Arguments> descriptorCases() {
        return DESCRIPTOR_FIELDS.entrySet().stream().flatMap(field -> HOSTILE.entrySet().stream().flatMap(value ->
                Stream.of(
                        arguments(field.getKey(), value.getKey() + ", quoted",
                                field.getValue().formatted(YamlText.doubleQuoted(value.getValue()))),
                        arguments(field.getKey(), value.getKey() + ", as written",
                                field.getValue().formatted(value.getValue())))
                        .filter(written -> !value.getValue().contains("\r")
                                || written.get()[1].toString().endsWith("quoted"))));
    }

    /**
     * Written into the file as it is, a carriage return ends the line for YAML as for any editor: what stands
     * before it is the whole value, a harmless one. The quoted form above carries it into the value.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("carriageReturnLineEnds")
    void readsARawCarriageReturnAsTheEndOfTheLine(String field, String descriptor) {
        PipelineRun run = PipelineRun.attempt(dir, descriptor, DOCKERFILE, Map.of());
        assertThat(run.refused()).isFalse();
        assertThat(run.files()).allSatisfy(file -> assertThat(new String(file.content(), StandardCharsets.UTF_8))
                .doesNotContain("\r"));
    }

    static Stream<Arguments> carriageReturnLineEnds() {
        return Stream.of(
                arguments("service", "version: 1\nservice: shop\r\ningress:\n  - name: web\n    ports: [80]\n"),
                arguments("ingress name", "version: 1\ningress:\n  - name: web\r\n    ports: [80]\n"),
                arguments("docker.bridge", "version: 1\ndocker:\n  bridge: br-shop\r\ningress:\n  - name: web\n"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("descriptorCases")
    void refusesHostileDescriptorValues(String field, String value, String descriptor) {
        assertRefused(PipelineRun.attempt(dir, descriptor, DOCKERFILE, Map.of()));
    }

    static Stream<Arguments> dockerfileCases() {
        return DOCKERFILE_FIELDS.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(field ->
                hostileForDockerfiles().map(value -> arguments(field.getKey(), value.getKey(),
                        field.getValue().formatted(dockerfileQuoted(value.getValue())))));
    }

    /**
     * BuildKit splits words at every character Go's unicode.IsSpace knows, U+00A0 and U+0085 among them, so
     * "80" followed by a no-break space is the port 80 and an empty word to Docker; the plugin reads it the
     * same way (see {@link #readsANoBreakSpaceInExposeAsBuildKitDoes(String)}).
     */
    private static Stream<Map.Entry<String, String>> hostileForDockerfiles() {
        return HOSTILE.entrySet().stream().filter(value -> !value.getValue().contains("\u00A0"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FROM alpine:3.20\nEXPOSE 80\u00A0\n", "FROM alpine:3.20\nARG P=\"80\u00A0\"\nEXPOSE $P\n"})
    void readsANoBreakSpaceInExposeAsBuildKitDoes(String dockerfile) {
        PipelineRun run = PipelineRun.attempt(dir, webDescriptor(), dockerfile, Map.of());
        assertThat(run.refused()).isFalse();
        assertThat(run.analysis().image().ports()).extracting(Object::toString).containsExactly("80/tcp");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dockerfileCases")
    void refusesHostileDockerfileValues(String field, String value, String dockerfile) {
        assertRefused(PipelineRun.attempt(dir, webDescriptor(), dockerfile, Map.of()));
    }

    static Stream<Arguments> hostileValues() {
        return HOSTILE.entrySet().stream().map(value -> arguments(value.getKey(), value.getValue()));
    }

    static Stream<Arguments> hostileBuildArgs() {
        return hostileForDockerfiles().map(value -> arguments(value.getKey(), value.getValue()));
    }

    @ParameterizedTest(name = "build arg: {0}")
    @MethodSource("hostileBuildArgs")
    void refusesHostileBuildArgs(String name, String value) {
        String dockerfile = "ARG BASE_PORT=80\nFROM alpine:3.20\nARG BASE_PORT\nARG PORT=80\nEXPOSE $PORT $BASE_PORT\n";
        assertRefused(PipelineRun.attempt(dir, webDescriptor(), dockerfile, Map.of("PORT", value)));
        assertRefused(PipelineRun.attempt(dir, webDescriptor(), dockerfile, Map.of("BASE_PORT", value)));
    }

    @ParameterizedTest(name = "label: {0}")
    @MethodSource("hostileValues")
    void keepsHostileLabelsOutOfFermText(String name, String value) throws JsonProcessingException {
        String quoted = dockerfileQuoted(value);
        for (String dockerfile : List.of(
                "FROM alpine:3.20\nLABEL note=\"" + quoted + "\"\nEXPOSE 80\n",
                "FROM alpine:3.20\nARG NOTE=\"" + quoted + "\"\nLABEL note=$NOTE\nEXPOSE 80\n")) {
            PipelineRun run = PipelineRun.attempt(dir, webDescriptor(), dockerfile, Map.of());
            if (run.refused()) {
                run.assertNoBundle();
                PipelineRun.assertReadable(run.refusal().get());
                continue;
            }
            String label = run.analysis().image().labels().get("note");
            for (BundleFile file : run.files()) {
                String text = new String(file.content(), StandardCharsets.UTF_8);
                if (file.path().endsWith(".ferm")) {
                    assertThat(text).as(file.path()).isEqualTo(asciiOnly(text)).doesNotContain("touch", "@include",
                            "$HOME", "\u0435");
                    if (!label.isBlank()) {
                        assertThat(text).as(file.path()).doesNotContain(label);
                    }
                } else {
                    JsonNode manifest = JSON.readTree(text);
                    assertThat(manifest.path("labels").path("note").asText()).isEqualTo(label);
                }
            }
        }
    }

    private static void assertRefused(PipelineRun run) {
        assertThat(run.refused()).as("a hostile value must stop the build").isTrue();
        run.assertNoBundle();
        PipelineRun.assertReadable(run.refusal().get());
        assertThat(run.refusal().get().position().line()).as("line of: " + run.refusal().get().getMessage())
                .isPositive();
    }

    private static String webDescriptor() {
        return "version: 1\nservice: shop\ningress:\n  - name: web\n    ports: [80]\n";
    }

    /** The value inside a Dockerfile's double quotes: only '"' and '\' need a backslash. */
    private static String dockerfileQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String asciiOnly(String text) {
        return text.replaceAll("[^\\x20-\\x7E\\n]", "?");
    }
}
