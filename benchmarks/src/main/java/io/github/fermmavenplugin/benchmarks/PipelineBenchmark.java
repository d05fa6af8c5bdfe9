package io.github.fermmavenplugin.benchmarks;

import io.github.fermmavenplugin.descriptor.Descriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Descriptor and Dockerfile text in, bundle archive bytes out, in one warm JVM: what {@code ferm:bundle} does
 * after reading the two files. The secondary result {@code rules} is generated iptables rules per second.
 *
 * <p>{@code bundle} starts from the descriptor's text, {@code bundleFromDescriptor} from the descriptor as read.
 * 100,000 rules are about 5 MB of YAML, more than the plugin reads from a file (1 MiB): given as text in memory,
 * they show how the time grows with the rules.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PipelineBenchmark {

    @State(Scope.Benchmark)
    public static class Input {

        /** oneSource_N: N rules of one port and one source; sources1000xPorts100: one rule of both. */
        @Param({"oneSource_1000", "oneSource_10000", "oneSource_100000", "sources1000xPorts100"})
        public String policy;

        String text;
        Descriptor descriptor;
        /** The iptables rules ferm generates from the bundle: one per source and port chunk, on one interface. */
        long rules;
        Path directory;

        @Setup(Level.Trial)
        public void make() throws IOException {
            if (policy.startsWith("oneSource_")) {
                int count = Integer.parseInt(policy.substring("oneSource_".length()));
                text = Inputs.oneSourceRules(count);
                descriptor = Inputs.parsedOneSourceRules(count);
                rules = count;
            } else {
                text = Inputs.wideRule(1000, 100);
                descriptor = Inputs.read(text);
                rules = 1000L * ((100 + 14) / 15);
            }
            directory = Bundles.temporaryDirectory();
        }

        @TearDown(Level.Trial)
        public void clean() throws IOException {
            Bundles.delete(directory);
        }
    }

    /** Reported as rules per second next to bundles per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class GeneratedRules {
        public long rules;

        @Setup(Level.Iteration)
        public void reset() {
            rules = 0;
        }
    }

    @Benchmark
    public long bundle(Input input, GeneratedRules generated) throws IOException {
        long size = Bundles.fromText(input.text, input.directory);
        generated.rules += input.rules;
        return size;
    }

    @Benchmark
    public long bundleFromDescriptor(Input input, GeneratedRules generated) throws IOException {
        long size = Bundles.fromDescriptor(Inputs.userFile(Inputs.DESCRIPTOR_PATH, "(read in setup)"),
                input.descriptor, input.directory);
        generated.rules += input.rules;
        return size;
    }
}
