package io.github.fermmavenplugin.benchmarks;

import io.github.fermmavenplugin.descriptor.Descriptor;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.dockerfile.BuildOptions;
import io.github.fermmavenplugin.dockerfile.DockerfileReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The pipeline cases of {@link PipelineBenchmark}, timed in CPU time of the running thread instead of wall
 * time: on a machine shared with other builds, wall time mostly measures the neighbours. Not a JMH benchmark
 * (no forks, no blackholes: the results are used), a cross-check of it.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.fermmavenplugin.benchmarks.CpuTime [seconds per case [cases]]</pre>
 *
 * <p>{@code cases}, a regular expression, picks the cases by name (all by default).
 */
public final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static Predicate<String> chosen = name -> true;

    private CpuTime() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        if (args.length > 1) {
            chosen = Pattern.compile(args[1]).asPredicate().or(name -> name.startsWith("(warm-up"));
        }
        Path directory = Bundles.temporaryDirectory();
        try {
            System.out.println("| case | CPU ms per bundle (median) | generated rules per CPU second | CPU µs per rule"
                    + " | CPU ms, least | rules per CPU second, least |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            String warmUp = Inputs.oneSourceRules(10_000);
            report("(warm-up, not a result)", 10_000, seconds, () -> Bundles.fromText(warmUp, directory));
            for (int rules : new int[] {1_000, 10_000, 100_000}) {
                String text = Inputs.oneSourceRules(rules);
                report("text, " + rules + " one-source rules", rules, seconds, () -> Bundles.fromText(text, directory));
            }
            String wide = Inputs.wideRule(1000, 100);
            report("text, 1,000 sources x 100 ports", 7000, seconds, () -> Bundles.fromText(wide, directory));
            for (int rules : new int[] {1_000, 10_000, 100_000}) {
                Descriptor descriptor = Inputs.parsedOneSourceRules(rules);
                report("descriptor, " + rules + " one-source rules", rules, seconds, () -> Bundles.fromDescriptor(
                        Inputs.userFile(Inputs.DESCRIPTOR_PATH, "(read before)"), descriptor, directory));
            }
            Path dockerfile = directory.resolve("Dockerfile");
            Files.writeString(dockerfile, Inputs.largeDockerfile(DockerfileBenchmark.INSTRUCTIONS, DockerfileBenchmark.BYTES));
            report("Dockerfile of 1 MiB, 20,000 instructions (per instruction)", DockerfileBenchmark.INSTRUCTIONS, seconds,
                    () -> DockerfileReader.read(UserFile.read(dockerfile, "Dockerfile", "dockerfile"), BuildOptions.DEFAULT)
                            .ports().size());
            Files.delete(dockerfile);
        } finally {
            Bundles.delete(directory);
        }
    }

    interface Run {
        long once() throws IOException;
    }

    private static void report(String name, long rules, double seconds, Run run) throws IOException {
        if (!chosen.test(name)) {
            return;
        }
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (seconds * 0.4e9);
        while (System.nanoTime() < warmEnd) {
            sink += run.once();
        }
        long[] cpu = new long[1000];
        int count = 0;
        long end = System.nanoTime() + (long) (seconds * 0.6e9);
        while ((System.nanoTime() < end || count < 3) && count < cpu.length) {
            long start = THREADS.getCurrentThreadCpuTime();
            sink += run.once();
            cpu[count++] = THREADS.getCurrentThreadCpuTime() - start;
        }
        long[] measured = Arrays.copyOf(cpu, count);
        Arrays.sort(measured);
        double median = measured[count / 2] / 1e6;
        // the least time is the one the neighbours disturbed least: on a busy machine, the steadier figure
        double least = measured[0] / 1e6;
        System.out.printf("| %s | %.1f | %,.0f | %.2f | %.1f | %,.0f |%n", name, median, rules / (median / 1e3),
                median * 1e3 / rules, least, rules / (least / 1e3));
        if (sink == 42) {
            System.out.println();
        }
    }
}
