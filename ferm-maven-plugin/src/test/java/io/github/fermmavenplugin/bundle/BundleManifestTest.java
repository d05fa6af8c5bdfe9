package io.github.fermmavenplugin.bundle;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.bundle.BundleManifest.DockerfileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.FileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.bundle.BundleManifest.Rule;
import io.github.fermmavenplugin.bundle.BundleManifest.SourceDigest;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundleManifestTest {

    // SHA-256 of "", "abc" and "abc\n", as sha256sum prints them
    private static final String SHA_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SHA_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SHA_ABC_LF = "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb";

    @ParameterizedTest
    @CsvSource({"'', " + SHA_EMPTY, "abc, " + SHA_ABC})
    void sha256IsLowerCaseHex(String text, String expected) {
        assertThat(UserFile.sha256(text.getBytes(US_ASCII))).isEqualTo(expected);
    }

    @Test
    void digestsOfFilesAreSortedByPath() {
        List<FileDigest> digests = BundleManifest.digestsOf(List.of(
                new BundleFile("ferm.d/99-docker.ferm", "abc".getBytes(US_ASCII)),
                new BundleFile("ferm.d/00-docker.ferm", new byte[0])));

        assertThat(digests).containsExactly(
                new FileDigest("ferm.d/00-docker.ferm", SHA_EMPTY),
                new FileDigest("ferm.d/99-docker.ferm", SHA_ABC));
    }

    @Test
    void writesTheSampleAsExactlyThisJson() {
        String expected = """
                {
                  "service": "billing-api",
                  "maven": {
                    "groupId": "com.example",
                    "artifactId": "billing-api",
                    "version": "1.2.0"
                  },
                  "pluginVersion": "0.1.0",
                  "descriptor": {
                    "path": "firewall.yaml",
                    "sha256": "%1$s"
                  },
                  "dockerfile": {
                    "path": "docker/Dockerfile",
                    "sha256": "%2$s",
                    "stage": "runtime"
                  },
                  "exposedPorts": [
                    "80/tcp",
                    "9100/tcp"
                  ],
                  "inheritedPorts": [],
                  "labels": {
                    "a.first": "1",
                    "org.opencontainers.image.title": "Billing \\"API\\" ü"
                  },
                  "routedFamilies": [
                    "ipv6"
                  ],
                  "rules": [
                    {
                      "name": "web",
                      "chain": "DOCKER-USER",
                      "ports": [
                        "80/tcp"
                      ],
                      "from": [
                        "any"
                      ]
                    },
                    {
                      "name": "ssh",
                      "chain": "INPUT",
                      "ports": [
                        "22/tcp"
                      ],
                      "from": [
                        "198.51.100.0/24",
                        "2001:db8:10::/48"
                      ]
                    }
                  ],
                  "files": [
                    {
                      "path": "ferm.d/00-docker.ferm",
                      "sha256": "%3$s"
                    },
                    {
                      "path": "ferm.d/99-docker.ferm",
                      "sha256": "%2$s"
                    }
                  ]
                }
                """.formatted(SHA_ABC_LF, SHA_ABC, SHA_EMPTY);

        assertThat(new String(sample().toJson(), UTF_8)).isEqualTo(expected);
    }

    @Test
    void theJsonDoesNotDependOnTheOrderLabelsAndFilesAreGivenIn() {
        BundleManifest sample = sample();
        Map<String, String> labelsInKeyOrder = new LinkedHashMap<>();
        labelsInKeyOrder.put("a.first", sample.labels().get("a.first"));
        labelsInKeyOrder.put("org.opencontainers.image.title", sample.labels().get("org.opencontainers.image.title"));
        BundleManifest reordered = new BundleManifest(sample.service(), sample.maven(), sample.pluginVersion(),
                sample.descriptor(), sample.dockerfile(), sample.exposedPorts(), sample.inheritedPorts(),
                labelsInKeyOrder, sample.rules(), List.of(sample.files().get(1), sample.files().get(0)),
                sample.routedFamilies());

        assertThat(reordered.toJson()).isEqualTo(sample.toJson());
    }

    @Test
    void anUnnamedStageIsWrittenAsNull() {
        BundleManifest manifest = new BundleManifest("svc", new MavenCoordinates("g", "a", "1"), "0.1.0",
                new SourceDigest("firewall.yaml", SHA_EMPTY), new DockerfileDigest("Dockerfile", SHA_EMPTY, null),
                List.of(), List.of(), Map.of(), List.of(), List.of(), List.of());

        assertThat(new String(manifest.toJson(), UTF_8))
                .contains("\"stage\": null")
                .contains("\"labels\": {},")
                .endsWith("\"files\": []\n}\n");
    }

    /** The sample's IPv6 is routed: its container grants admit direct routing, its IPv4 and host ones do not. */
    @Test
    void grantsOfARoutedFamilySaySo() {
        assertThat(Grant.of(sample()).stream().map(Grant::key)).containsExactly(
                "billing-api DOCKER-USER 80/tcp from 0.0.0.0/0",
                "billing-api DOCKER-USER routed 80/tcp from ::/0",
                "billing-api INPUT 22/tcp from 198.51.100.0/24",
                "billing-api INPUT 22/tcp from 2001:db8:10::/48");
    }

    @Test
    void aManifestOfAnEarlierVersionWithoutRoutedFamiliesReadsAsNat() throws BundleReader.NotABundleException {
        String json = new String(sample().toJson(), UTF_8).replaceAll("(?s)\\s*\"routedFamilies\": \\[[^]]*],", "");

        assertThat(json).doesNotContain("routedFamilies");
        assertThat(BundleReader.manifest(new BundleFile("ferm.d/.billing-api.bundle.json", json.getBytes(UTF_8)))
                .routedFamilies()).isEmpty();
    }

    @Test
    void isStoredAsADotFileNamedAfterTheService() {
        BundleFile file = sample().toBundleFile();

        assertThat(file.path()).isEqualTo("ferm.d/.billing-api.bundle.json");
        assertThat(file.content()).isEqualTo(sample().toJson());
    }

    private static BundleManifest sample() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", "Billing \"API\" ü");
        labels.put("a.first", "1");
        return new BundleManifest(
                "billing-api",
                new MavenCoordinates("com.example", "billing-api", "1.2.0"),
                "0.1.0",
                new SourceDigest("firewall.yaml", UserFile.sha256("abc\n".getBytes(US_ASCII))),
                new DockerfileDigest("docker/Dockerfile", UserFile.sha256("abc".getBytes(US_ASCII)), "runtime"),
                List.of("80/tcp", "9100/tcp"),
                List.of(),
                labels,
                List.of(new Rule("web", "DOCKER-USER", List.of("80/tcp"), List.of("any")),
                        new Rule("ssh", "INPUT", List.of("22/tcp"), List.of("198.51.100.0/24", "2001:db8:10::/48"))),
                BundleManifest.digestsOf(List.of(
                        new BundleFile("ferm.d/99-docker.ferm", "abc".getBytes(US_ASCII)),
                        new BundleFile("ferm.d/00-docker.ferm", new byte[0]))),
                List.of("ipv6"));
    }
}
