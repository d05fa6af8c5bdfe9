package io.github.fermmavenplugin.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.diagnostic.UserFile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Multi-stage Dockerfiles as common stacks write them, read from disk as the Mojo reads them. */
class RealisticDockerfilesTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("java-spring.Dockerfile", Optional.empty(), Map.of(), "debug",
                        "5005/tcp 8080/tcp 8081/tcp", Map.of("org.opencontainers.image.title", "orders")),
                Arguments.of("java-spring.Dockerfile", Optional.of("runtime"), Map.of(), "runtime",
                        "8080/tcp 8081/tcp", Map.of("org.opencontainers.image.licenses", "Apache-2.0")),
                Arguments.of("java-spring.Dockerfile", Optional.of("runtime"), Map.of("APP_PORT", "9000"), "runtime",
                        "8081/tcp 9000/tcp", Map.of()),
                Arguments.of("java-spring.Dockerfile", Optional.of("build"), Map.of(), "build", "", Map.of()),
                Arguments.of("node.Dockerfile", Optional.empty(), Map.of(), "2", "3000/tcp 3001/tcp 9464/tcp",
                        Map.of("org.opencontainers.image.title", "storefront", "maintainer", "web team")),
                Arguments.of("node.Dockerfile", Optional.empty(), Map.of("WS_PORT", "4000"), "2",
                        "3000/tcp 4000/tcp 9464/tcp", Map.of()),
                Arguments.of("node.Dockerfile", Optional.of("build"), Map.of(), "build", "", Map.of()),
                Arguments.of("go.Dockerfile", Optional.empty(), Map.of(), "1",
                        "7946/tcp 7946/udp 8080/tcp 9090/tcp",
                        Map.of("org.opencontainers.image.title", "inventory", "arch", "amd64")),
                Arguments.of("nginx.Dockerfile", Optional.empty(), Map.of(), "1", "80/tcp 443/tcp 443/udp",
                        Map.of("org.opencontainers.image.title", "marketing-site",
                                "org.opencontainers.image.description", "Public web site")),
                Arguments.of("nginx.Dockerfile", Optional.of("assets"), Map.of(), "assets", "", Map.of()));
    }

    @ParameterizedTest(name = "{0} target={1} args={2}")
    @MethodSource("fixtures")
    void readsWhatTheImageExposes(String fixture, Optional<String> target, Map<String, String> buildArgs,
            String stage, String ports, Map<String, String> labels) throws URISyntaxException {
        Path path = Path.of(getClass().getResource("/dockerfile/" + fixture).toURI());
        UserFile dockerfile = UserFile.read(path, "Dockerfile", "dockerfile");

        ImageMetadata metadata = DockerfileReader.read(dockerfile, new BuildOptions(target, buildArgs));

        assertThat(metadata.stage()).isEqualTo(stage);
        assertThat(String.join(" ", metadata.ports().stream().map(Object::toString).toList())).isEqualTo(ports);
        assertThat(metadata.labels()).containsAllEntriesOf(labels);
        if (labels.containsKey(ImageMetadata.OCI_TITLE)) {
            assertThat(metadata.label(ImageMetadata.OCI_TITLE)).contains(labels.get(ImageMetadata.OCI_TITLE));
        }
    }
}
