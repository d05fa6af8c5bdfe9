package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.bundle.BundleArchive;
import io.github.fermmavenplugin.bundle.BundleDirectory;
import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest;
import io.github.fermmavenplugin.bundle.BundleManifest.DockerfileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.SourceDigest;
import io.github.fermmavenplugin.descriptor.Descriptor;
import io.github.fermmavenplugin.descriptor.DescriptorReader;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.dockerfile.DockerfileReader;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.ferm.FermBundle;
import io.github.fermmavenplugin.ferm.FermCheck;
import io.github.fermmavenplugin.ferm.FermRenderer;
import io.github.fermmavenplugin.ferm.RuleBudget;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.ServicePort;
import io.github.fermmavenplugin.policy.Policy;
import io.github.fermmavenplugin.policy.PolicyBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
     * Reads both files and checks them against each other, and counts the iptables rules the policy makes
     * before any is written.
     *
     * @throws io.github.fermmavenplugin.diagnostic.InvalidInputException for any mistake in either file, and
     *     at the rule that takes the bundle over {@link AnalysisParameters#maxRules()}
     */
    public static Analysis analyse(AnalysisParameters parameters) {
        UserFile descriptorText = UserFile.read(parameters.descriptor(), "firewall descriptor", DESCRIPTOR_PARAMETER);
        Descriptor descriptor = DescriptorReader.read(descriptorText);
        UserFile dockerfileText = UserFile.read(parameters.dockerfile(), "Dockerfile", DOCKERFILE_PARAMETER);
        ImageMetadata image = DockerfileReader.read(dockerfileText, parameters.build());
        Policy policy = PolicyBuilder.build(descriptor, parameters.descriptor(), image, parameters.fallbackService());
        RuleBudget.requireWithin(policy, parameters.maxRules());
        return new Analysis(descriptorText, descriptor, dockerfileText, image, policy);
    }

    /** The bundle's files: the ferm.d files, then the manifest that names them. */
    public static List<BundleFile> render(Analysis analysis, BundleIdentity identity) {
        FermBundle ferm = FermRenderer.render(analysis.policy());
        List<BundleFile> files = new ArrayList<>(ferm.files());
        files.add(manifest(analysis, identity, ferm).toBundleFile());
        return List.copyOf(files);
    }

    /**
     * The ferm that checks the bundle, as {@code mode} says.
     *
     * @param path the PATH to look for ferm on, besides the system directories
     * @return empty when none was asked (mode false) or, in mode auto, none is installed
     * @throws io.github.fermmavenplugin.diagnostic.InvalidInputException in mode true when no ferm is installed
     */
    public static Optional<Path> checkingFerm(VerifyMode mode, String path) {
        if (mode == VerifyMode.FALSE) {
            return Optional.empty();
        }
        Optional<Path> ferm = FermCheck.findExecutable(path);
        if (ferm.isEmpty() && mode == VerifyMode.TRUE) {
            throw new InvalidInputException("ferm.verify is true, but no ferm executable is on the PATH",
                    "Install ferm (apt-get install ferm), or set ferm.verify to auto or false.");
        }
        return ferm;
    }

    /**
     * Has the real ferm read the bundle, when there is one to ask.
     *
     * @param ferm what {@link #checkingFerm} found
     * @throws FermCheck.FermRejectedException when ferm refuses the bundle
     * @throws FermCheck.FermTimeoutException when ferm does not finish in time
     */
    public static void verify(Optional<Path> ferm, List<BundleFile> files) {
        ferm.ifPresent(executable -> FermCheck.run(executable, files));
    }

    /**
     * Has the real ferm read the bundle inside a host's own base configuration, as that host would load both.
     *
     * @param path the PATH to look for ferm on, besides the system directories
     * @throws io.github.fermmavenplugin.diagnostic.InvalidInputException when no ferm is installed, the base
     *     config cannot be read, or ferm refuses the two together
     */
    public static void checkWithBaseConfig(List<BundleFile> files, Path baseConfig, String path) {
        UserFile base = UserFile.read(baseConfig, "base ferm.conf", "ferm.baseConfig");
        Path ferm = FermCheck.findExecutable(path).orElseThrow(() -> new InvalidInputException(
                "ferm.baseConfig is set, but no ferm executable is on the PATH to check the bundle with it",
                "Install ferm (apt-get install ferm), or remove ferm.baseConfig."));
        FermCheck.run(ferm, files, base);
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

    private static BundleManifest manifest(Analysis analysis, BundleIdentity identity, FermBundle ferm) {
        Policy policy = analysis.policy();
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
                ferm.rules(),
                BundleManifest.digestsOf(ferm.files()),
                Arrays.stream(IpFamily.values())
                        .filter(family -> policy.network().gatewayMode(family) == Policy.GatewayMode.ROUTED)
                        .map(family -> family.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static List<String> ports(List<ServicePort> ports) {
        return ports.stream().map(ServicePort::toString).toList();
    }
}
