package io.github.fermmavenplugin.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.aggregate.HostAggregator;
import io.github.fermmavenplugin.aggregate.HostAggregator.HostBundle;
import io.github.fermmavenplugin.aggregate.ServiceBundle;
import io.github.fermmavenplugin.bundle.BundleArchive;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.testing.PipelineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Two real releases of one service, and what failOnWidening must not let through unacknowledged. */
class DiffReportTest {

    private static final String DOCKERFILE = "FROM scratch\nEXPOSE 8080\n";

    @TempDir
    Path temp;

    private static String release(String external, String from, String defaults) {
        return "version: 1\nservice: billing\ndocker:\n  external: [" + external + "]\n" + defaults
                + "ingress:\n  - name: web\n    ports: [8080]\n    from: [" + from + "]\n";
    }

    static Stream<Arguments> releases() {
        String plain = release("eth0", "10.0.0.0/8", "");
        return Stream.of(
                // title, previous, current, what must be acknowledged (key prefixes)
                Arguments.of("nothing changed", plain, plain, List.of()),
                Arguments.of("a wider source", plain, release("eth0", "10.0.0.0/7", ""),
                        List.of("billing DOCKER-USER 8080/tcp from 10.0.0.0/7")),
                Arguments.of("a new external interface: every rule now admits wg0 too", plain,
                        release("eth0, wg0", "10.0.0.0/8", ""),
                        List.of("ferm.d/00-docker.ferm sha256:", "ferm.d/99-docker.ferm sha256:")),
                Arguments.of("another default", plain, release("eth0", "10.0.0.0/8", "defaults:\n  action: reject\n"),
                        List.of("ferm.d/99-docker.ferm sha256:")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void everyChangeThatMayLetMoreInMustBeAcknowledged(String title, String previous, String current,
            List<String> toAcknowledge) throws IOException {
        DiffReport report = DiffReport.between("g:billing:2.0", bundle("current", current), "g:billing:1.0",
                bundle("previous", previous));

        List<String> unacknowledged = report.unacknowledged(Set.of());
        assertThat(unacknowledged).hasSameSizeAs(toAcknowledge);
        for (int i = 0; i < toAcknowledge.size(); i++) {
            assertThat(unacknowledged.get(i)).startsWith(toAcknowledge.get(i));
        }
        assertThat(report.unacknowledged(new HashSet<>(unacknowledged))).isEmpty();
        unacknowledged.forEach(key -> assertThat(report.text()).contains(key));
        unacknowledged.forEach(key -> assertThat(report.json()).contains(key));
    }

    @Test
    void theFileDiffOfAHostShowsFermFilesOnlyNotTheHostManifest() throws IOException {
        DiffReport report = DiffReport.between("g:host:2.0",
                host("current", release("eth0", "10.0.0.0/7", "")), "g:host:1.0",
                host("previous", release("eth0", "10.0.0.0/8", "")));
        assertThat(report.fileDiff()).anyMatch(line -> line.startsWith("+++ b/ferm.d/20-in.docker.billing.ferm"))
                .noneMatch(line -> line.contains(".host.json"));
    }

    /** A host bundle of the one service, whose host manifest then differs with the service's sha256. */
    private ComparedBundle host(String name, String descriptor) throws IOException {
        PipelineRun run = PipelineRun.attempt(Files.createDirectories(temp.resolve(name)), descriptor, DOCKERFILE,
                Map.of());
        HostBundle host = HostAggregator.aggregate(List.of(ServiceBundle.read("g:billing:" + name, run.archive())),
                "host", new MavenCoordinates("g", "host", name), "v");
        Path archive = temp.resolve(name + "-host.tar.gz");
        BundleArchive.write(host.files(), archive, Instant.EPOCH);
        return ComparedBundle.read("g:host:" + name, archive);
    }

    private ComparedBundle bundle(String name, String descriptor) throws IOException {
        PipelineRun run = PipelineRun.attempt(Files.createDirectories(temp.resolve(name)), descriptor, DOCKERFILE,
                Map.of());
        assertThat(run.refusal()).isEmpty();
        return ComparedBundle.read("g:billing:" + name, run.archive());
    }
}
