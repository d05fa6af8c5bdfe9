package io.github.fermmavenplugin.benchmarks;

import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.dockerfile.BuildOptions;
import io.github.fermmavenplugin.dockerfile.DockerfileReader;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** A Dockerfile just under the plugin's 1 MiB limit, of 20,000 instructions, read from disk to image metadata. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class DockerfileBenchmark {

    static final int INSTRUCTIONS = 20_000;
    static final int BYTES = 1_040_000;

    private Path file;

    @Setup(Level.Trial)
    public void write() throws IOException {
        String text = Inputs.largeDockerfile(INSTRUCTIONS, BYTES);
        file = Files.createTempFile("ferm-bench", ".Dockerfile");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        long size = Files.size(file);
        if (size > UserFile.MAX_BYTES || size < UserFile.MAX_BYTES * 9 / 10) {
            throw new IllegalStateException("the Dockerfile has " + size + " bytes, not about 1 MiB");
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public ImageMetadata read() {
        return DockerfileReader.read(UserFile.read(file, "Dockerfile", "dockerfile"), BuildOptions.DEFAULT);
    }
}
