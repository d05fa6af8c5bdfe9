package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.ferm.RuleBudget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.dockerfile.BuildOptions;
import io.github.fermmavenplugin.testing.TempFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundlePipelineTest {

    private static final Instant ENTRY_TIME = Instant.parse("2026-11-24T00:00:00Z");

    @TempDir
    Path project;

    private BundleIdentity identity;

    @BeforeEach
    void writeService() {
        TempFiles.write(project, "Dockerfile", """
                FROM eclipse-temurin:17-jre AS runtime
                ARG PORT=8080
                EXPOSE ${PORT} 9100 5005
                LABEL org.opencontainers.image.title=shop
                """);
        TempFiles.write(project, "firewall.yaml", """
                version: 1
                ingress:
                  - name: web
                    ports: [8080]
                  - name: metrics
                    ports: [9100]
                    from: [10.20.0.0/16]
                host:
                  - name: ssh
                    ports: [22]
                """);
        identity = new BundleIdentity(new MavenCoordinates("org.example", "shop", "1.0"), "test-version", project);
    }

    private List<BundleFile> bundle(BuildOptions build) {
        Analysis analysis = BundlePipeline.analyse(new AnalysisParameters(project.resolve("firewall.yaml"),
                project.resolve("Dockerfile"), build, "shop", RuleBudget.DEFAULT_MAX_RULES));
        return BundlePipeline.render(analysis, identity);
    }

    @Test
    void rendersTheFermFilesAndAManifestNamingThem() {
        List<BundleFile> files = bundle(BuildOptions.DEFAULT);

        assertThat(files).extracting(BundleFile::path).containsExactly("ferm.d/00-docker.ferm",
                "ferm.d/20-in.docker.shop.ferm", "ferm.d/20-in.shop.ferm", "ferm.d/99-docker.ferm",
                "ferm.d/.shop.bundle.json");
        String manifest = new String(files.get(4).content(), StandardCharsets.UTF_8);
        assertThat(manifest)
                .contains("\"service\": \"shop\"", "\"path\": \"firewall.yaml\"", "\"path\": \"Dockerfile\"",
                        "\"stage\": \"runtime\"", "\"org.opencontainers.image.title\": \"shop\"",
                        "\"chain\": \"INPUT\"", "\"pluginVersion\": \"test-version\"")
                .contains("\"5005/tcp\"", "\"8080/tcp\"", "\"9100/tcp\"");
    }

    @Test
    void identicalInputsGiveByteIdenticalArchives() throws Exception {
        Path first = project.resolve("one/shop-ferm.tar.gz");
        Path second = project.resolve("two/shop-ferm.tar.gz");
        BundlePipeline.write(bundle(BuildOptions.DEFAULT), project.resolve("one/ferm"), first, ENTRY_TIME);
        Thread.sleep(1100);
        BundlePipeline.write(bundle(BuildOptions.DEFAULT), project.resolve("two/ferm"), second, ENTRY_TIME);

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(project.resolve("one/ferm/ferm.d/99-docker.ferm")).exists();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            service: shop  | shop        | shop    | the descriptor
            ''             | shop        | shop    | the image's org.opencontainers.image.title label
            ''             | '\"Shop API\"' | fallback | the artifactId: the image's org.opencontainers.image.title label 'Shop API' is no service name; set 'service:' to name it
            ''             | ''          | fallback | the artifactId
            """)
    void theBuildLogSaysWhatNamedTheService(String serviceLine, String title, String service, String origin) {
        TempFiles.write(project, "Dockerfile", "FROM scratch\nEXPOSE 8080\n"
                + (title.isEmpty() ? "" : "LABEL org.opencontainers.image.title=" + title + "\n"));
        TempFiles.write(project, "firewall.yaml", "version: 1\n" + serviceLine + "\ningress:\n  - name: web\n");
        Analysis analysis = BundlePipeline.analyse(new AnalysisParameters(project.resolve("firewall.yaml"),
                project.resolve("Dockerfile"), BuildOptions.DEFAULT, "fallback", RuleBudget.DEFAULT_MAX_RULES));

        assertThat(analysis.policy().service().value()).isEqualTo(service);
        assertThat(analysis.serviceNameOrigin()).isEqualTo(origin);
    }

    @Test
    void buildArgsReachTheCrossCheck() {
        BuildOptions otherPort = new BuildOptions(java.util.Optional.empty(), java.util.Map.of("PORT", "8081"));
        assertThatThrownBy(() -> bundle(otherPort))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("firewall.yaml:4:13: container port 8080/tcp is not exposed");
    }

    @Test
    void aMissingDescriptorNamesTheParameter() {
        assertThatThrownBy(() -> BundlePipeline.analyse(new AnalysisParameters(project.resolve("nope.yaml"),
                project.resolve("Dockerfile"), BuildOptions.DEFAULT, "shop", RuleBudget.DEFAULT_MAX_RULES)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(project.resolve("nope.yaml") + ": the firewall descriptor does not exist. Create it, or"
                        + " point 'descriptor' at it.");
    }

    @Test
    void discardRemovesAnEarlierBundle() throws Exception {
        Path archive = project.resolve("target/shop-ferm.tar.gz");
        Path directory = project.resolve("target/ferm");
        BundlePipeline.write(bundle(BuildOptions.DEFAULT), directory, archive, ENTRY_TIME);
        BundlePipeline.discard(directory, archive);
        assertThat(archive).doesNotExist();
        assertThat(directory).doesNotExist();
    }
}
