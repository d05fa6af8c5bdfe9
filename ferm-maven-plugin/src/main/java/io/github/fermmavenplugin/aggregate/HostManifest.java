package io.github.fermmavenplugin.aggregate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleLayout;
import io.github.fermmavenplugin.bundle.BundleManifest.FileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The manifest of a host bundle, {@code ferm.d/.<host>.host.json}: which service bundles it was made of,
 * each with the coordinates it was built as and the sha256 of its archive, and the digest of every file.
 * The services' own manifests are in the bundle beside it, unchanged.
 *
 * @param host the host project's artifactId
 * @param services sorted by service name
 * @param files every other file of the host bundle, sorted by path
 */
public record HostManifest(String host, MavenCoordinates maven, String pluginVersion, List<Service> services,
        List<FileDigest> files) {

    private static final JsonFactory JSON = new JsonFactory();
    /** The layout the host manifest has always had: Jackson's default, but arrays one element a line. */
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    public HostManifest {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(maven, "maven");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        services = services.stream().sorted(Comparator.comparing(Service::service)).toList();
        files = files.stream().sorted(Comparator.comparing(FileDigest::path)).toList();
    }

    /**
     * One service of the host.
     *
     * @param maven the coordinates its bundle was built as (from its manifest)
     * @param sha256 of its bundle archive
     * @param manifest where its own manifest is in the host bundle
     */
    public record Service(String service, MavenCoordinates maven, String sha256, String manifest) {
    }

    public static String pathFor(String host) {
        return BundleLayout.hostManifestFile(host);
    }

    /** The manifest as a file, members in the order of the record components. */
    public BundleFile toBundleFile() {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.setPrettyPrinter(LAYOUT.createInstance());
            json.writeStartObject();
            json.writeStringField("host", host);
            writeMaven(json, maven);
            json.writeStringField("pluginVersion", pluginVersion);
            json.writeArrayFieldStart("services");
            for (Service service : services) {
                json.writeStartObject();
                json.writeStringField("service", service.service());
                writeMaven(json, service.maven());
                json.writeStringField("sha256", service.sha256());
                json.writeStringField("manifest", service.manifest());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("files");
            for (FileDigest file : files) {
                json.writeStartObject();
                json.writeStringField("path", file.path());
                json.writeStringField("sha256", file.sha256());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("a StringWriter does not fail", cannotHappen);
        }
        return new BundleFile(pathFor(host), (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void writeMaven(JsonGenerator json, MavenCoordinates maven) throws IOException {
        json.writeObjectFieldStart("maven");
        json.writeStringField("groupId", maven.groupId());
        json.writeStringField("artifactId", maven.artifactId());
        json.writeStringField("version", maven.version());
        json.writeEndObject();
    }
}
