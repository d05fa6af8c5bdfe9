package io.github.fermmavenplugin.bundle;

import io.github.fermmavenplugin.diagnostic.UserFile;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static java.util.Collections.unmodifiableSortedMap;

/**
 * The manifest a bundle carries as {@code ferm.d/.<service>.bundle.json} (ferm skips dot-files): what the
 * bundle was made from and what it holds, so that an operator can tell which build a host's firewall came
 * from and whether a file was edited since.
 *
 * <p>{@link #toJson()} is deterministic: keys in the order of the record components, but {@code routedFamilies}
 * before {@code rules} (the release goals read the manifest back, {@link BundleReader#manifest}), labels sorted
 * by key, files sorted by path, two-space indent, LF line ends and a final newline. Lists keep the order they
 * are given in (rules apply in order).
 *
 * @param exposedPorts the ports the Dockerfile EXPOSEs, as "80/tcp"
 * @param inheritedPorts the ports the descriptor declares as exposed by an external base image
 * @param labels the image's labels; stored, and written, sorted by key
 * @param rules the ingress and host rules as they were written to ferm
 * @param files the bundle's other files with their digests, see {@link #digestsOf(List)}
 * @param routedFamilies "ipv4", "ipv6": the IP versions whose containers clients reach directly, on a network
 *     with Docker's gateway_mode routed, so that container rules there admit more than DNATted connections;
 *     empty for NAT, and in the manifests of earlier plugin versions
 */
public record BundleManifest(
        String service,
        MavenCoordinates maven,
        String pluginVersion,
        SourceDigest descriptor,
        DockerfileDigest dockerfile,
        List<String> exposedPorts,
        List<String> inheritedPorts,
        Map<String, String> labels,
        List<Rule> rules,
        List<FileDigest> files,
        List<String> routedFamilies) {

    public BundleManifest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(maven, "maven");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(dockerfile, "dockerfile");
        exposedPorts = List.copyOf(exposedPorts);
        inheritedPorts = List.copyOf(inheritedPorts);
        labels = unmodifiableSortedMap(new TreeMap<>(labels));
        rules = List.copyOf(rules);
        files = files.stream().sorted(Comparator.comparing(FileDigest::path)).toList();
        routedFamilies = routedFamilies == null ? List.of() : routedFamilies.stream().sorted().distinct().toList();
    }

    /** The Maven project the bundle was built for. */
    public record MavenCoordinates(String groupId, String artifactId, String version) {

        public MavenCoordinates {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(version, "version");
        }
    }

    /** An input file: its path as the build named it (relative to the project) and the SHA-256 of its bytes. */
    public record SourceDigest(String path, String sha256) {

        public SourceDigest {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** The Dockerfile, as {@link SourceDigest}, and the stage that was read (its index as text when unnamed). */
    public record DockerfileDigest(String path, String sha256, String stage) {

        public DockerfileDigest {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * One firewall rule as written to ferm.
     *
     * @param chain "DOCKER-USER" or "INPUT"
     * @param ports as "80/tcp", or "published 8443/tcp" for a host port matched before Docker's DNAT
     * @param from sources as the rule matches them: CIDRs, or "any"
     */
    public record Rule(String name, String chain, List<String> ports, List<String> from) {

        public Rule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(chain, "chain");
            ports = List.copyOf(ports);
            from = List.copyOf(from);
        }
    }

    /** A file of the bundle and the SHA-256 of its content. */
    public record FileDigest(String path, String sha256) {

        public FileDigest {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** The manifest's own place in the bundle: {@code ferm.d/.<service>.bundle.json}. */
    public static String pathFor(String service) {
        return BundleLayout.manifestFile(service);
    }

    /** The digests of {@code files}, sorted by path, for the {@code files} component. */
    public static List<FileDigest> digestsOf(List<BundleFile> files) {
        return files.stream()
                .map(file -> new FileDigest(file.path(), UserFile.sha256(file.sharedContent())))
                .sorted(Comparator.comparing(FileDigest::path))
                .toList();
    }

    /** The manifest as UTF-8 JSON text. */
    public byte[] toJson() {
        return JsonText.document(JsonText.object(
                "service", service,
                "maven", JsonText.object("groupId", maven.groupId(), "artifactId", maven.artifactId(),
                        "version", maven.version()),
                "pluginVersion", pluginVersion,
                "descriptor", JsonText.object("path", descriptor.path(), "sha256", descriptor.sha256()),
                "dockerfile", JsonText.object("path", dockerfile.path(), "sha256", dockerfile.sha256(),
                        "stage", dockerfile.stage()),
                "exposedPorts", exposedPorts,
                "inheritedPorts", inheritedPorts,
                "labels", labels,
                "routedFamilies", routedFamilies,
                "rules", rules.stream().map(rule -> JsonText.object("name", rule.name(), "chain", rule.chain(),
                        "ports", rule.ports(), "from", rule.from())).toList(),
                "files", files.stream().map(file -> JsonText.object("path", file.path(), "sha256", file.sha256()))
                        .toList()));
    }

    /** The manifest as the bundle file it is stored in. */
    public BundleFile toBundleFile() {
        return new BundleFile(pathFor(service), toJson());
    }
}
