package io.github.fermmavenplugin.aggregate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleLayout;
import io.github.fermmavenplugin.bundle.BundleManifest.FileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
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
@JsonPropertyOrder({"host", "maven", "pluginVersion", "services", "files"})
public record HostManifest(String host, MavenCoordinates maven, String pluginVersion, List<Service> services,
        List<FileDigest> files) {

    private static final ObjectWriter JSON_WRITER = new ObjectMapper().writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

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
    @JsonPropertyOrder({"service", "maven", "sha256", "manifest"})
    public record Service(String service, MavenCoordinates maven, String sha256, String manifest) {
    }

    public static String pathFor(String host) {
        return BundleLayout.hostManifestFile(host);
    }

    public BundleFile toBundleFile() {
        try {
            String json = JSON_WRITER.writeValueAsString(this) + "\n";
            return new BundleFile(pathFor(host), json.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException bug) {
            throw new UncheckedIOException("the host manifest records always serialise", bug);
        }
    }
}
