package io.github.fermmavenplugin.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.testing.DavRepository;
import io.github.fermmavenplugin.testing.ForkedMaven;
import io.github.fermmavenplugin.testing.ForkedMaven.Run;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release recipe (src/site/markdown/release.md) run for real: a service and its host are deployed
 * with {@code mvn deploy} to a Maven repository served over HTTP by nginx on loopback, fetched by
 * coordinates on "the host" (an empty directory and an empty local repository), and the next release's
 * {@code ferm:diff} resolves the deployed one from that repository. Every build is a forked Maven.
 */
@Tag("slow")
class ReleaseRepositoryTest {

    private static final String HOST_BUNDLE = "it/ferm/release/host/1.0/host-1.0-ferm.tar.gz";
    private static final String DEPENDENCY_COPY = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy";
    private static final String OPENING = "web DOCKER-USER published 8080/tcp from 192.168.0.0/16";

    @TempDir
    Path temp;

    @Test
    void aDeployedHostBundleIsFetchedByCoordinatesAndTheNextReleaseIsDiffedAgainstIt() throws Exception {
        DavRepository.requireInstalled();
        ForkedMaven maven = ForkedMaven.ofThisBuild();
        try (DavRepository repository = DavRepository.start(Files.createDirectories(temp.resolve("nginx")))) {
            Path settings = settings(repository);

            Path first = project("1.0", maven, repository, "web/firewall.yaml");
            Run deployFirst = maven.run(first, settings, temp.resolve("repo-deploy-1.0"), "deploy");
            assertThat(deployFirst.succeeded()).as(deployFirst.describe()).isTrue();
            assertThat(deployFirst.log()).contains("ferm:diff it.ferm.release:host:pom:1.0: first release");
            Path built = first.resolve("host/target/host-1.0-ferm.tar.gz");
            assertThat(repository.file(HOST_BUNDLE)).hasSameBinaryContentAs(built);

            Path onTheHost = Files.createDirectories(temp.resolve("on-the-host"));
            Run fetch = maven.run(onTheHost, settings, temp.resolve("repo-fetch"), DEPENDENCY_COPY,
                    "-Dartifact=it.ferm.release:host:1.0:tar.gz:ferm", "-DoutputDirectory=bundles");
            assertThat(fetch.succeeded()).as(fetch.describe()).isTrue();
            assertThat(sha256(onTheHost.resolve("bundles/host-1.0-ferm.tar.gz"))).isEqualTo(sha256(built));
            assertThat(repository.requests()).contains("GET /releases/" + HOST_BUNDLE + " 200");

            Path second = project("2.0", maven, repository, "widened-firewall.yaml");
            Run refused = maven.run(second, settings, temp.resolve("repo-verify-2.0"), "verify",
                    "-Dferm.diff.failOnWidening=true");
            assertThat(refused.succeeded()).as(refused.describe()).isFalse();
            assertThat(refused.log())
                    .contains("This build lets in traffic that it.ferm.release:host:1.0:tar.gz:ferm did not,"
                            + " and failOnWidening is set:\n[ERROR]   " + OPENING + "\n");

            Run deploySecond = maven.run(second, settings, temp.resolve("repo-deploy-2.0"), "deploy");
            assertThat(deploySecond.succeeded()).as(deploySecond.describe()).isTrue();
            assertThat(deploySecond.log()).contains("ferm:diff it.ferm.release:host:pom:2.0 against"
                    + " it.ferm.release:host:1.0:tar.gz:ferm: 1 opening(s), 0 closing(s).");
            assertThat(Files.readString(second.resolve("host/target/ferm-diff.txt"), StandardCharsets.UTF_8))
                    .contains("opens:  " + OPENING + " (IPv4, published host port, rule http)");
            // Both 2.0 builds started from empty local repositories: 1.0 came over HTTP, found by the metadata.
            assertThat(repository.requests())
                    .contains("GET /releases/it/ferm/release/host/maven-metadata.xml 200")
                    .filteredOn(("GET /releases/" + HOST_BUNDLE + " 200")::equals).hasSize(3);
            assertThat(repository.file("it/ferm/release/host/2.0/host-2.0-ferm.tar.gz"))
                    .hasSameBinaryContentAs(second.resolve("host/target/host-2.0-ferm.tar.gz"));
        }
    }

    /** The project of src/test/resources/release-project at {@code version}, with {@code descriptor} as web's firewall.yaml. */
    private Path project(String version, ForkedMaven maven, DavRepository repository, String descriptor)
            throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/release-project").toURI());
        Path copy = temp.resolve("release-" + version);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, Files.readString(file, StandardCharsets.UTF_8)
                        .replace("@release.version@", version)
                        .replace("@plugin.version@", maven.pluginVersion())
                        .replace("@release.repository@", repository.url()), StandardCharsets.UTF_8);
            }
        }
        Files.copy(copy.resolve(descriptor), copy.resolve("web/firewall.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** What a build machine and a host both need: the release repository as a repository of every build. */
    private Path settings(DavRepository repository) throws IOException {
        return Files.writeString(temp.resolve("settings.xml"), """
                <settings>
                  <profiles>
                    <profile>
                      <id>release</id>
                      <repositories>
                        <repository>
                          <id>release</id>
                          <url>%s</url>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>release</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(repository.url()), StandardCharsets.UTF_8);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
