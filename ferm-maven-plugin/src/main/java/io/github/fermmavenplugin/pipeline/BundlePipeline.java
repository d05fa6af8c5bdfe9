package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.bundle.BundleArchive;
import io.github.fermmavenplugin.bundle.BundleDirectory;
import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest;
import io.github.fermmavenplugin.bundle.BundleManifest.DockerfileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.Rule;
import io.github.fermmavenplugin.bundle.BundleManifest.SourceDigest;
import io.github.fermmavenplugin.descriptor.Descriptor;
import io.github.fermmavenplugin.descriptor.DescriptorReader;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.dockerfile.BuildOptions;
import io.github.fermmavenplugin.dockerfile.DockerfileReader;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.ferm.FermRenderer;
import io.github.fermmavenplugin.net.ServicePort;
import io.github.fermmavenplugin.policy.AllowRule;
import io.github.fermmavenplugin.policy.Policy;
import io.github.fermmavenplugin.policy.PolicyBuilder;
import io.github.fermmavenplugin.policy.PortMatch;
import io.github.fermmavenplugin.policy.PortMatch.PortField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The plugin's work without Maven: descriptor and Dockerfile in, checked policy, ferm.d files and a
 * reproducible archive out. Each step is its own method so that callers can log and verify between.
 */
public final class BundlePipeline {

    public static final String DESCRIPTOR_PARAMETER = "descriptor";
    public static final String DOCKERFILE_PARAMETER = "dockerfile";

    private BundlePipeline() {
    }

    /**
     * Reads both files and checks them against each other.
     *
     * @param fallbackService the service name when neither the descriptor nor the image title gives one
     * @throws io.github.fermmavenplugin.diagnostic.InvalidInputException for any mistake in either file
     */
    public static Analysis analyse(Path descriptorFile, Path dockerfileFile, BuildOptions build, String fallbackService) {
        UserFile descriptorText = UserFile.read(descriptorFile, "firewall descriptor", DESCRIPTOR_PARAMETER);
        Descriptor descriptor = DescriptorReader.read(descriptorText);
        UserFile dockerfileText = UserFile.read(dockerfileFile, "Dockerfile", DOCKERFILE_PARAMETER);
        ImageMetadata image = DockerfileReader.read(dockerfileText, build);
        Policy policy = PolicyBuilder.build(descriptor, descriptorFile, image, fallbackService);
        return new Analysis(descriptorText, descriptor, dockerfileText, image, policy);
    }

    /** The bundle's files: the ferm.d files, then the manifest that names them. */
    public static List<BundleFile> render(Analysis analysis, BundleIdentity identity) {
        List<BundleFile> files = new ArrayList<>();
        FermRenderer.render(analysis.policy()).forEach((name, text) ->
                files.add(new BundleFile(name, text.getBytes(StandardCharsets.UTF_8))));
        files.add(manifest(analysis, identity, files).toBundleFile());
        return List.copyOf(files);
    }

    /** File name to text, as {@link io.github.fermmavenplugin.ferm.FermCheck} takes them. */
    public static Map<String, String> asText(List<BundleFile> files) {
        Map<String, String> text = new LinkedHashMap<>();
        files.forEach(file -> text.put(file.path(), new String(file.content(), StandardCharsets.UTF_8)));
        return text;
    }

    /**
     * Writes the exploded bundle and the archive; on any failure neither is left behind, nor an
     * earlier build's, so that nothing stale can be mistaken for this build's output.
     */
    public static void write(List<BundleFile> files, Path directory, Path archive, Instant entryTime)
            throws IOException {
        try {
            BundleDirectory.write(files, directory);
            BundleArchive.write(files, archive, entryTime);
        } catch (IOException | RuntimeException e) {
            discard(directory, archive);
            throw e;
        }
    }

    /** Removes a bundle's outputs, as before a build that fails. */
    public static void discard(Path directory, Path archive) throws IOException {
        Files.deleteIfExists(archive);
        BundleDirectory.delete(directory);
    }

    private static BundleManifest manifest(Analysis analysis, BundleIdentity identity, List<BundleFile> fermFiles) {
        Policy policy = analysis.policy();
        List<Rule> rules = new ArrayList<>();
        policy.ingress().forEach(rule -> rules.add(rule(rule, FermRenderer.CONTAINER_CHAIN)));
        policy.host().forEach(rule -> rules.add(rule(rule, FermRenderer.HOST_CHAIN)));
        return new BundleManifest(
                policy.service().value(),
                identity.project(),
                identity.pluginVersion(),
                new SourceDigest(identity.relative(analysis.descriptorFile().path()), analysis.descriptorFile().sha256()),
                new DockerfileDigest(identity.relative(analysis.dockerfile().path()), analysis.dockerfile().sha256(),
                        analysis.image().stage()),
                ports(analysis.image().ports()),
                ports(policy.inherited()),
                analysis.image().labels(),
                rules,
                BundleManifest.digestsOf(fermFiles));
    }

    private static Rule rule(AllowRule rule, String chain) {
        List<String> ports = rule.ports().stream().flatMap(BundlePipeline::describe).toList();
        List<String> from = rule.sources().any() ? List.of("any")
                : rule.sources().networks().stream().map(Object::toString).toList();
        return new Rule(rule.name().value(), chain, ports, from);
    }

    /** "443/tcp", or "published 8443/tcp" for a port matched before Docker's DNAT. */
    private static Stream<String> describe(PortMatch match) {
        String prefix = match.field() == PortField.ORIGINAL_DESTINATION ? "published " : "";
        return match.ports().stream().map(range -> prefix + new ServicePort(range, match.protocol()));
    }

    private static List<String> ports(List<ServicePort> ports) {
        return ports.stream().map(ServicePort::toString).toList();
    }
}
