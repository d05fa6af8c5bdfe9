package io.github.fermmavenplugin.benchmarks;

import io.github.fermmavenplugin.bundle.BundleArchive;
import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.descriptor.Descriptor;
import io.github.fermmavenplugin.descriptor.DescriptorReader;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.dockerfile.BuildOptions;
import io.github.fermmavenplugin.dockerfile.DockerfileReader;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.ferm.RuleBudget;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.BundleIdentity;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import io.github.fermmavenplugin.policy.Policy;
import io.github.fermmavenplugin.policy.PolicyBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The pipeline's steps as {@code ferm:bundle} runs them, from the files' text to the archive. */
final class Bundles {

    private static final Instant ENTRY_TIME = Instant.parse("2026-11-24T00:00:00Z");
    private static final String ARCHIVE = "bundle.tar.gz";
    /** ferm.maxRules raised over the largest case, as a build of that size would set it. */
    static final int MAX_RULES = 1_000_000;

    private Bundles() {
    }

    /** The archive's size in bytes. */
    static long fromText(String descriptorText, Path directory) throws IOException {
        UserFile descriptorFile = Inputs.userFile(Inputs.DESCRIPTOR_PATH, descriptorText);
        return fromDescriptor(descriptorFile, DescriptorReader.read(descriptorFile), directory);
    }

    static long fromDescriptor(UserFile descriptorFile, Descriptor descriptor, Path directory) throws IOException {
        UserFile dockerfile = Inputs.userFile(Inputs.DOCKERFILE_PATH, Inputs.DOCKERFILE);
        ImageMetadata image = DockerfileReader.read(dockerfile, BuildOptions.DEFAULT);
        Policy policy = PolicyBuilder.build(descriptor, descriptorFile.path(), image, "bench");
        RuleBudget.requireWithin(policy, MAX_RULES);
        Analysis analysis = new Analysis(descriptorFile, descriptor, dockerfile, image, policy);
        List<BundleFile> files = BundlePipeline.render(analysis,
                new BundleIdentity(new MavenCoordinates("bench", "bench", "1"), "bench", Path.of("")));
        Path archive = directory.resolve(ARCHIVE);
        BundleArchive.write(files, archive, ENTRY_TIME);
        return Files.size(archive);
    }

    static Path temporaryDirectory() throws IOException {
        return Files.createTempDirectory("ferm-bench");
    }

    static void delete(Path directory) throws IOException {
        Files.deleteIfExists(directory.resolve(ARCHIVE));
        Files.deleteIfExists(directory);
    }
}
