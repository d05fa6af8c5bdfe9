package io.github.fermmavenplugin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.dockerfile.BuildOptions;
import io.github.fermmavenplugin.ferm.RuleBudget;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.AnalysisParameters;
import io.github.fermmavenplugin.pipeline.BundleIdentity;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One build as {@code ferm:bundle} runs it, minus Maven: descriptor and Dockerfile written to a directory, analysed,
 * rendered and written to {@code target/}. Either it refuses with an {@link InvalidInputException} or it leaves a
 * bundle.
 *
 * @param refusal the user error, when the build stopped
 * @param analysis the checked inputs, when it did not
 * @param files the bundle's files, when it did not
 */
public record PipelineRun(Optional<InvalidInputException> refusal, Analysis analysis, List<BundleFile> files,
        Path exploded, Path archive) {

    public static final String SERVICE_FALLBACK = "fallback-service";

    public static PipelineRun attempt(Path directory, String descriptor, String dockerfile,
            Map<String, String> buildArgs) {
        return attempt(directory, descriptor, dockerfile, buildArgs, RuleBudget.DEFAULT_MAX_RULES);
    }

    public static PipelineRun attempt(Path directory, String descriptor, String dockerfile,
            Map<String, String> buildArgs, int maxRules) {
        Path descriptorFile = TempFiles.write(directory, "firewall.yaml", descriptor);
        Path dockerfileFile = TempFiles.write(directory, "Dockerfile", dockerfile);
        Path exploded = directory.resolve("target/ferm");
        Path archive = directory.resolve("target/service-ferm.tar.gz");
        try {
            BundlePipeline.discard(exploded, archive);
            Analysis analysis = BundlePipeline.analyse(new AnalysisParameters(descriptorFile, dockerfileFile,
                    new BuildOptions(Optional.empty(), buildArgs), SERVICE_FALLBACK, maxRules));
            List<BundleFile> files = BundlePipeline.render(analysis, new BundleIdentity(
                    new MavenCoordinates("com.example", "service", "1.0"), "0.1.0-test", directory));
            BundlePipeline.write(files, exploded, archive, Instant.EPOCH);
            return new PipelineRun(Optional.empty(), analysis, files, exploded, archive);
        } catch (InvalidInputException e) {
            return new PipelineRun(Optional.of(e), null, List.of(), exploded, archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean refused() {
        return refusal.isPresent();
    }

    /** Nothing of a bundle in {@code target/}: no archive, no exploded directory. */
    public void assertNoBundle() {
        assertThat(archive).as("archive after a refused build").doesNotExist();
        assertThat(exploded).as("exploded bundle after a refused build").doesNotExist();
    }

    /**
     * The refusal is one a user can read: it names the problem, and shows their text, however hostile, only as
     * printable ASCII and at a bounded length, so that it can neither forge lines of the build log nor hide a
     * look-alike character.
     */
    public static void assertReadable(InvalidInputException refusal) {
        String message = refusal.getMessage();
        assertThat(refusal.problem()).as("problem of: " + message).isNotBlank();
        assertThat(message.length()).as("length of: " + visible(message)).isLessThan(1000);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            assertThat(c >= 0x20 && c < 0x7F)
                    .as("character %d (U+%04X) of the message is printable ASCII: %s", i, (int) c, visible(message))
                    .isTrue();
        }
    }

    /** The text with every character outside printable ASCII escaped, for assertion messages. */
    public static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().limit(2000).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return out.toString();
    }
}
