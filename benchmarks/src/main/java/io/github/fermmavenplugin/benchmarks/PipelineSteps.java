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
import io.github.fermmavenplugin.ferm.FermRenderer;
import io.github.fermmavenplugin.ferm.RuleBudget;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.BundleIdentity;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import io.github.fermmavenplugin.policy.Policy;
import io.github.fermmavenplugin.policy.PolicyBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where {@link CpuTime}'s "text" case spends its time and allocation, step by step: each step of the pipeline
 * timed on its own, in CPU time of the running thread and bytes it allocated, per generated rule.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.fermmavenplugin.benchmarks.PipelineSteps [rules [bundles]]</pre>
 *
 * <p>The medians of the second half of the bundles (the first half warms up). "bundle files" renders the ferm
 * files again and adds the manifest: the manifest's share is its figure less "ferm files".
 */
public final class PipelineSteps {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final List<String> STEPS = List.of("descriptor read", "policy built", "rules counted",
            "ferm files", "bundle files", "archive written");

    private PipelineSteps() {
    }

    public static void main(String[] args) throws IOException {
        int rules = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int bundles = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        UserFile descriptorFile = Inputs.userFile(Inputs.DESCRIPTOR_PATH, Inputs.oneSourceRules(rules));
        UserFile dockerfile = Inputs.userFile(Inputs.DOCKERFILE_PATH, Inputs.DOCKERFILE);
        BundleIdentity identity = new BundleIdentity(new MavenCoordinates("bench", "bench", "1"), "bench", Path.of(""));
        Path directory = Bundles.temporaryDirectory();
        long[][] cpu = new long[STEPS.size()][bundles];
        long[][] allocated = new long[STEPS.size()][bundles];
        try {
            for (int bundle = 0; bundle < bundles; bundle++) {
                Step step = new Step(cpu, allocated, bundle);
                Descriptor descriptor = step.timed(() -> DescriptorReader.read(descriptorFile));
                ImageMetadata image = DockerfileReader.read(dockerfile, BuildOptions.DEFAULT);
                Policy policy = step.timed(() -> PolicyBuilder.build(descriptor, descriptorFile.path(), image, "bench"));
                step.timed(() -> {
                    RuleBudget.requireWithin(policy, Bundles.MAX_RULES);
                    return policy;
                });
                step.timed(() -> FermRenderer.render(policy));
                Analysis analysis = new Analysis(descriptorFile, descriptor, dockerfile, image, policy);
                List<BundleFile> files = step.timed(() -> BundlePipeline.render(analysis, identity));
                step.timed(() -> {
                    try {
                        BundleArchive.write(files, directory.resolve("bundle.tar.gz"), Instant.EPOCH);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return files;
                });
            }
        } finally {
            Bundles.delete(directory);
        }
        System.out.println("| step, " + rules + " one-source rules from text | CPU µs per rule | bytes allocated per rule |");
        System.out.println("|---|---:|---:|");
        for (int i = 0; i < STEPS.size(); i++) {
            System.out.printf("| %s | %.2f | %,d |%n", STEPS.get(i), median(cpu[i]) / 1e3 / rules,
                    median(allocated[i]) / rules);
        }
    }

    /** The steps of one bundle, in {@link #STEPS} order. */
    private static final class Step {
        private final long[][] cpu;
        private final long[][] allocated;
        private final int bundle;
        private int next;

        Step(long[][] cpu, long[][] allocated, int bundle) {
            this.cpu = cpu;
            this.allocated = allocated;
            this.bundle = bundle;
        }

        <T> T timed(Supplier<T> work) {
            long thread = Thread.currentThread().getId();
            long bytes = THREADS.getThreadAllocatedBytes(thread);
            long start = THREADS.getCurrentThreadCpuTime();
            T result = work.get();
            cpu[next][bundle] = THREADS.getCurrentThreadCpuTime() - start;
            allocated[next][bundle] = THREADS.getThreadAllocatedBytes(thread) - bytes;
            next++;
            return result;
        }
    }

    private static long median(long[] values) {
        long[] measured = Arrays.copyOfRange(values, values.length / 2, values.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
