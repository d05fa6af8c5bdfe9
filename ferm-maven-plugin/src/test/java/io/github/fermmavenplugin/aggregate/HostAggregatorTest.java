package io.github.fermmavenplugin.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.aggregate.HostAggregator.HostBundle;
import io.github.fermmavenplugin.bundle.BundleArchive;
import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.bundle.BundleReader;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.testing.PipelineRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HostAggregatorTest {

    private static final MavenCoordinates HOST = new MavenCoordinates("com.example", "web-host", "1.0");
    private static final String DOCKERFILE = "FROM scratch\nEXPOSE 8080 443 9100\n";

    @TempDir
    Path temp;

    private static String service(String name, String external, String ingress) {
        return "version: 1\nservice: " + name + "\ndocker:\n  external: [" + external + "]\ningress:\n" + ingress;
    }

    private static String swarmService(String name, String peers) {
        return "version: 1\nservice: " + name + "\ndocker:\n  mode: swarm\nswarm:\n  peers: [" + peers
                + "]\n  encrypted: true\ningress:\n" + WEB;
    }

    private static final String WEB = "  - name: web\n    ports: [8080]\n";
    private static final String PUBLISHED = "  - name: tls\n    ports: [\"8443:443\"]\n";
    private static final String HOST_SSH = "host:\n  - name: ssh\n    ports: [22]\n    from: [10.0.0.0/8]\n";

    private ServiceBundle built(String directory, String descriptor) throws IOException {
        PipelineRun run = PipelineRun.attempt(Files.createDirectories(temp.resolve(directory)), descriptor, DOCKERFILE,
                Map.of());
        assertThat(run.refusal()).as("build of " + directory).isEmpty();
        return ServiceBundle.read("com.example:" + directory + ":1.0:tar.gz:ferm", run.archive());
    }

    @Test
    void mergesServicesIntoOneHostBundleWhoseManifestListsEach() throws IOException {
        ServiceBundle orders = built("orders", service("orders", "eth0", PUBLISHED));
        ServiceBundle billing = built("billing", service("billing", "eth0", WEB) + HOST_SSH);

        HostBundle host = HostAggregator.aggregate(List.of(orders, billing), "web-host", HOST, "0.1.0-test");

        assertThat(host.files()).extracting(BundleFile::path).containsExactlyInAnyOrder(
                "ferm.d/00-docker.ferm", "ferm.d/99-docker.ferm",
                "ferm.d/20-in.docker.billing.ferm", "ferm.d/20-in.billing.ferm", "ferm.d/.billing.bundle.json",
                "ferm.d/20-in.docker.orders.ferm", "ferm.d/.orders.bundle.json",
                "ferm.d/.web-host.host.json");
        assertThat(host.manifest().services()).extracting(HostManifest.Service::service, HostManifest.Service::sha256)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("billing", UserFile.sha256(Files.readAllBytes(billing.archive()))),
                        org.assertj.core.groups.Tuple.tuple("orders", UserFile.sha256(Files.readAllBytes(orders.archive()))));
        assertThat(host.manifest().services()).extracting(HostManifest.Service::maven)
                .containsOnly(new MavenCoordinates("com.example", "service", "1.0"));
        String json = new String(host.manifest().toBundleFile().content(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"host\" : \"web-host\"", "\"sha256\" : \"" + billing.sha256() + "\"");
    }

    @Test
    void swarmServicesWithTheSameSwarmShareOneSwarmFile() throws IOException {
        ServiceBundle billing = built("billing", swarmService("billing", "10.0.0.0/24"));
        ServiceBundle orders = built("orders", swarmService("orders", "10.0.0.0/24"));

        HostBundle host = HostAggregator.aggregate(List.of(orders, billing), "h", HOST, "v");

        assertThat(host.files()).extracting(BundleFile::path).containsOnlyOnce("ferm.d/10-docker-swarm.ferm");
    }

    @Test
    void theHostBundleIsTheSameBytesWhateverTheOrderOfItsServices() throws IOException {
        ServiceBundle orders = built("orders", service("orders", "eth0", PUBLISHED));
        ServiceBundle billing = built("billing", service("billing", "eth0", WEB));
        Path first = temp.resolve("first.tar.gz");
        Path second = temp.resolve("second.tar.gz");
        BundleArchive.write(HostAggregator.aggregate(List.of(orders, billing), "h", HOST, "v").files(), first,
                Instant.EPOCH);
        BundleArchive.write(HostAggregator.aggregate(List.of(billing, orders), "h", HOST, "v").files(), second,
                Instant.EPOCH);
        assertThat(first).hasSameBinaryContentAs(second);
    }

    /** Each refusal: the two services, and words of the problem that the message must carry. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("one service twice",
                        service("billing", "eth0", WEB), service("billing", "eth0", PUBLISHED),
                        List.of("service billing comes from two bundles", "com.example:a:1.0", "com.example:b:1.0")),
                Arguments.of("other external interfaces",
                        service("billing", "eth0", WEB), service("orders", "eth1", PUBLISHED),
                        List.of("ferm.d/00-docker.ferm differs between", "service billing (com.example:a:1.0",
                                "service orders (com.example:b:1.0", "docker section")),
                Arguments.of("other defaults",
                        service("billing", "eth0", WEB), service("orders", "eth0", PUBLISHED)
                                + "defaults:\n  action: reject\n",
                        List.of("ferm.d/99-docker.ferm differs between", "service billing", "service orders")),
                Arguments.of("other swarm peers",
                        swarmService("billing", "10.0.0.0/24"), swarmService("orders", "10.0.1.0/24"),
                        List.of("ferm.d/10-docker-swarm.ferm differs between", "service billing", "service orders",
                                "in swarm")),
                Arguments.of("one published host port",
                        service("billing", "eth0", PUBLISHED), service("orders", "eth0", PUBLISHED),
                        List.of("host port 8443/tcp published by both", "service billing (com.example:a:1.0",
                                "service orders (com.example:b:1.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String title, String a, String b, List<String> words) throws IOException {
        List<ServiceBundle> services = List.of(built("a", a), built("b", b));
        assertThatThrownBy(() -> HostAggregator.aggregate(services, "h", HOST, "v"))
                .isInstanceOf(InvalidInputException.class)
                .message().contains(words);
    }

    @Test
    void refusesAnArchiveWhoseFilesAreNotThoseItsManifestLists() throws IOException {
        ServiceBundle billing = built("a", service("billing", "eth0", WEB));
        List<BundleFile> tampered = new ArrayList<>(billing.files().stream()
                .filter(f -> !f.path().equals("ferm.d/20-in.docker.billing.ferm")).toList());
        tampered.add(new BundleFile("ferm.d/20-in.docker.billing.ferm", "# edited\n".getBytes(StandardCharsets.UTF_8)));
        Path archive = temp.resolve("tampered.tar.gz");
        BundleArchive.write(tampered, archive, Instant.EPOCH);
        assertThatThrownBy(() -> ServiceBundle.read("g:a:1:tar.gz:ferm", archive))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(archive + ": g:a:1:tar.gz:ferm is not a ferm-maven-plugin service bundle")
                .hasMessageContaining("not those its manifest lists");
    }

    @Test
    void refusesAFileThatIsNoArchive() throws IOException {
        Path jar = Files.writeString(temp.resolve("service.jar"), "PK not a tar");
        assertThatThrownBy(() -> ServiceBundle.read("g:a:1", jar))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a gzip tar archive");
    }
}
