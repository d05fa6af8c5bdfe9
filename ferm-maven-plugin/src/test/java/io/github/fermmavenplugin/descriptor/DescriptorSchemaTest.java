package io.github.fermmavenplugin.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.testing.DescriptorSchema;
import io.github.fermmavenplugin.testing.Images;
import io.github.fermmavenplugin.testing.Policies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schema shipped for editors: valid 2020-12, in step with the {@link Descriptor} records, accepting every
 * example descriptor of the repository and refusing what the plugin refuses where a schema can tell.
 */
class DescriptorSchemaTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path REPOSITORY = MODULE.getParent();

    @TempDir
    Path dir;

    private static JsonNode schemaNode() {
        return DescriptorSchema.node();
    }

    private static List<String> validate(String yaml) {
        return DescriptorSchema.problems(yaml);
    }

    @Test
    void isAValidDraft202012Schema() {
        JsonSchema metaSchema = DescriptorSchema.factory().getSchema(SchemaLocation.of(SchemaId.V202012));
        assertThat(metaSchema.validate(schemaNode())).isEmpty();
        assertThat(schemaNode().path("$schema").asText()).isEqualTo(SchemaId.V202012);
    }

    /** Editors find the schema of the plugin version a project uses at its $id: that version's site. */
    @Test
    void idIsTheSchemaOnTheSiteOfThisVersion() {
        String version = System.getProperty("ferm.tests.projectVersion");
        assertThat(version).as("ferm.tests.projectVersion, set by the pom's surefire configuration").isNotBlank();
        assertThat(schemaNode().path("$id").asText())
                .isEqualTo("https://fermmavenplugin.github.io/ferm-maven-plugin/" + version + "/firewall.schema.json");
    }

    /** The build fills in $id by resource filtering; nothing else in the schema may look like a property to it. */
    @Test
    void filteringChangesNothingButTheId() throws IOException {
        ObjectNode source = (ObjectNode) new ObjectMapper().readTree(
                MODULE.resolve("src/main/resources" + DescriptorSchema.RESOURCE).toFile());
        ObjectNode shipped = schemaNode().deepCopy();
        assertThat(source.path("$id").asText()).isEqualTo("${project.url}firewall.schema.json");
        source.remove("$id");
        shipped.remove("$id");
        assertThat(shipped).isEqualTo(source);
    }

    /** Every descriptor a user is shown or a test builds with must pass, and so must the docs' examples. */
    static Stream<Path> exampleDescriptors() throws IOException {
        List<Path> found = new ArrayList<>();
        found.add(REPOSITORY.resolve("example-project/firewall.yaml"));
        found.add(MODULE.resolve("src/test/resources/io/github/fermmavenplugin/descriptor/every-key.firewall.yaml"));
        for (Path root : List.of(MODULE.resolve("src/it"), REPOSITORY.resolve("src"),
                MODULE.resolve("src/test/resources"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(file -> file.getFileName().toString().endsWith("firewall.yaml"))
                            .filter(DescriptorSchemaTest::meantToBuild)
                            .forEach(found::add);
                }
            }
        }
        return found.stream().distinct().sorted();
    }

    /** An invoker IT that expects its build to fail holds a broken descriptor on purpose. */
    private static boolean meantToBuild(Path descriptor) {
        Path invokerProperties = descriptor.resolveSibling("invoker.properties");
        if (!Files.exists(invokerProperties)) {
            return true;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(invokerProperties)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return !"failure".equals(properties.getProperty("invoker.buildResult", "success").strip());
    }

    @ParameterizedTest
    @MethodSource("exampleDescriptors")
    void acceptsEveryExampleDescriptor(Path descriptor) throws IOException {
        assertThat(validate(Files.readString(descriptor, StandardCharsets.UTF_8)))
                .as(REPOSITORY.relativize(descriptor).toString()).isEmpty();
    }

    @Test
    void acceptsEveryYamlExampleOfTheDescriptorReference() throws IOException {
        Path reference = REPOSITORY.resolve("src/site/markdown/descriptor.md");
        Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(reference, StandardCharsets.UTF_8));
        int blocks = 0;
        while (block.find()) {
            blocks++;
            assertThat(validate(block.group(1))).as("yaml block %d of %s", blocks, reference).isEmpty();
        }
        assertThat(blocks).as("yaml examples in " + reference).isPositive();
    }

    @Test
    void theDescriptorWithEveryKeyIsOneThePluginAcceptsToo() throws IOException {
        String yaml = Files.readString(MODULE.resolve(
                "src/test/resources/io/github/fermmavenplugin/descriptor/every-key.firewall.yaml"));
        assertThat(Policies.from(dir, yaml, Images.exposing("443", "9100-9102", "53/udp")).ingress()).hasSize(5);
    }

    @Test
    void namesExactlyTheKeysOfTheDescriptorRecords() {
        JsonNode schema = schemaNode();
        JsonNode definitions = schema.path("$defs");
        assertThat(propertyNames(schema)).isEqualTo(componentNames(Descriptor.class));
        assertThat(propertyNames(schema.path("properties").path("docker")))
                .isEqualTo(componentNames(WrittenDescriptor.DockerSettings.class));
        assertThat(propertyNames(schema.path("properties").path("defaults")))
                .isEqualTo(componentNames(Descriptor.DefaultSettings.class));
        assertThat(propertyNames(schema.path("properties").path("swarm")))
                .isEqualTo(componentNames(Descriptor.SwarmSettings.class).stream()
                        .filter(name -> !name.equals("position")).collect(java.util.stream.Collectors.toSet()));
        assertThat(propertyNames(definitions.path("ingressRule"))).isEqualTo(componentNames(Descriptor.RuleSpec.class));
        assertThat(propertyNames(definitions.path("hostRule"))).isEqualTo(componentNames(Descriptor.RuleSpec.class));
        for (JsonNode object : List.of(schema, schema.path("properties").path("docker"),
                schema.path("properties").path("defaults"), definitions.path("ingressRule"),
                definitions.path("hostRule"))) {
            assertThat(object.path("additionalProperties").isBoolean()
                    && !object.path("additionalProperties").booleanValue())
                    .as("additionalProperties is false in %s", object.path("description").asText()).isTrue();
        }
    }

    @Test
    void describesEveryPropertyForEditors() {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schemaNode(), "#", undescribed);
        assertThat(undescribed).isEmpty();
    }

    private static void collectUndescribed(JsonNode node, String where, List<String> undescribed) {
        node.path("properties").fields().forEachRemaining(property -> {
            JsonNode value = property.getValue();
            boolean described = value.has("description") || value.has("$ref");
            if (!described) {
                undescribed.add(where + "/" + property.getKey());
            }
            collectUndescribed(value, where + "/" + property.getKey(), undescribed);
        });
        node.path("$defs").fields().forEachRemaining(definition -> {
            if (!definition.getValue().has("description")) {
                undescribed.add(where + "/$defs/" + definition.getKey());
            }
            collectUndescribed(definition.getValue(), where + "/$defs/" + definition.getKey(), undescribed);
        });
    }

    private static Set<String> propertyNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The keys as the descriptor's reader binds them. */
    private static Set<String> componentNames(Class<? extends Record> type) {
        return new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(DescriptorBinding::yamlKey).toList());
    }

    /** Mistakes a schema can see: an editor flags them, and the plugin refuses them too. */
    @ParameterizedTest
    @ValueSource(strings = {
        "service: x",
        "version: 2",
        "version: 1\nservcie: shop",
        "version: 1\nservice: Shop",
        "version: 1\nservice: a;b",
        "version: 1\ndocker: {mode: host}",
        "version: 1\ndocker: {bridge: eth0:1}",
        "version: 1\ndocker: {bridge: e+th}",
        "version: 1\ndocker: {bridge: averyveryverylongname}",
        "version: 1\ndocker: {external: []}",
        "version: 1\ndocker: {external: [\"eth0 \"]}",
        "version: 1\ndocker: {inherited: [\"8443:443\"]}",
        "version: 1\ndocker: {gateway_mode_ipv4: nat-unprotected}",
        "version: 1\ndocker: {gateway_mode_ipv6: ROUTED}",
        "version: 1\ndocker: {preserve: {}}",
        "version: 1\ndocker: {preserve: {mangle: [ts-mangle]}}",
        "version: 1\ndocker: {preserve: {filter: []}}",
        "version: 1\ndocker: {preserve: {filter: [\"ts`id`\"]}}",
        "version: 1\ndocker: {preserve: {nat: [\"-F\"]}}",
        "version: 1\ndocker: {preserve: {raw: [abcdefghijklmnopqrstuvwxyz123]}}",
        "version: 1\ndocker: {preserve: {filter: [ACCEPT]}}",
        "version: 1\ndocker: {preserve: {nat: [MASQUERADE]}}",
        "version: 1\ngroups: {}",
        "version: 1\ngroups: {any: [10.0.0.0/8]}",
        "version: 1\ngroups: {Office: [10.0.0.0/8]}",
        "version: 1\ngroups: {office: []}",
        "version: 1\ningress: []",
        "version: 1\ningress: [{ports: [80]}]",
        "version: 1\ningress: [{name: Web}]",
        "version: 1\ningress: [{name: web, ports: [0]}]",
        "version: 1\ningress: [{name: web, ports: [65536]}]",
        "version: 1\ningress: [{name: web, ports: [http]}]",
        "version: 1\ningress: [{name: web, ports: [\"80/icmp\"]}]",
        "version: 1\ningress: [{name: web, ports: [\"`id`\"]}]",
        "version: 1\ningress: [{name: web, from: [\"$(id)\"]}]",
        "version: 1\ningress: [{name: web, from: [\"10.0.0.0\u22158\"]}]",
        "version: 1\ningress: [{name: web, prots: [80]}]",
        "version: 1\nhost: [{name: ssh}]",
        "version: 1\nhost: [{name: ssh, ports: [\"2222:22\"]}]",
        "version: 1\ndefaults: {action: accept}",
        "version: 1\ndefaults: {log: yes please}",
    })
    void refusesWhatThePluginRefuses(String yaml) {
        assertThat(validate(yaml)).as("schema errors for:\n" + yaml).isNotEmpty();
        assertThatThrownBy(() ->
                        Policies.from(dir, yaml, Images.exposing("80", "443")))
                .isInstanceOf(InvalidInputException.class);
    }
}
