package io.github.fermmavenplugin.aggregate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.bundle.BundleManifest.FileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host manifest's JSON, character for character as the plugin has always written it. */
class HostManifestTest {

    @Test
    void writesTheSampleAsExactlyThisJson() {
        HostManifest manifest = new HostManifest("web-host", new MavenCoordinates("com.example", "web-host", "1.0"),
                "0.1.0", List.of(
                        new HostManifest.Service("orders", new MavenCoordinates("com.example", "orders", "2.0"), "bb",
                                "ferm.d/.orders.bundle.json"),
                        new HostManifest.Service("billing", new MavenCoordinates("com.example", "billing", "1.0 \"rc\" \u00fc\t"),
                                "aa", "ferm.d/.billing.bundle.json")),
                List.of(new FileDigest("ferm.d/99-docker.ferm", "dd"), new FileDigest("ferm.d/00-docker.ferm", "cc")));

        assertThat(new String(manifest.toBundleFile().content(), UTF_8)).isEqualTo("""
                {
                  "host" : "web-host",
                  "maven" : {
                    "groupId" : "com.example",
                    "artifactId" : "web-host",
                    "version" : "1.0"
                  },
                  "pluginVersion" : "0.1.0",
                  "services" : [
                    {
                      "service" : "billing",
                      "maven" : {
                        "groupId" : "com.example",
                        "artifactId" : "billing",
                        "version" : "1.0 \\"rc\\" ü\\t"
                      },
                      "sha256" : "aa",
                      "manifest" : "ferm.d/.billing.bundle.json"
                    },
                    {
                      "service" : "orders",
                      "maven" : {
                        "groupId" : "com.example",
                        "artifactId" : "orders",
                        "version" : "2.0"
                      },
                      "sha256" : "bb",
                      "manifest" : "ferm.d/.orders.bundle.json"
                    }
                  ],
                  "files" : [
                    {
                      "path" : "ferm.d/00-docker.ferm",
                      "sha256" : "cc"
                    },
                    {
                      "path" : "ferm.d/99-docker.ferm",
                      "sha256" : "dd"
                    }
                  ]
                }
                """);
    }

    @Test
    void writesEmptyListsAsExactlyThisJson() {
        HostManifest manifest = new HostManifest("h", new MavenCoordinates("g", "h", "1"), "v", List.of(), List.of());

        assertThat(new String(manifest.toBundleFile().content(), UTF_8)).isEqualTo("""
                {
                  "host" : "h",
                  "maven" : {
                    "groupId" : "g",
                    "artifactId" : "h",
                    "version" : "1"
                  },
                  "pluginVersion" : "v",
                  "services" : [ ],
                  "files" : [ ]
                }
                """);
    }
}
