package io.github.fermmavenplugin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON Schema the plugin ships for editors, applied to a descriptor's YAML text as an editor would. */
public final class DescriptorSchema {

    public static final String RESOURCE = "/io/github/fermmavenplugin/descriptor/firewall.schema.json";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V202012);
    private static final JsonSchema SCHEMA = FACTORY.getSchema(node());

    private DescriptorSchema() {
    }

    /** The schema itself, as JSON. */
    public static JsonNode node() {
        try (InputStream in = DescriptorSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the schema is not on the classpath at " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonSchemaFactory factory() {
        return FACTORY;
    }

    /** What the schema finds wrong with the descriptor; empty when it accepts it. */
    public static List<String> problems(String yaml) {
        try {
            return SCHEMA.validate(YAML.readTree(yaml)).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
