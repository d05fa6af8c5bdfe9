package io.github.fermmavenplugin.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.bundle.BundleManifest;
import io.github.fermmavenplugin.bundle.BundleManifest.DockerfileDigest;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.bundle.BundleManifest.Rule;
import io.github.fermmavenplugin.bundle.BundleManifest.SourceDigest;
import io.github.fermmavenplugin.bundle.Grant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ferm:diff's JSON report, character for character as the plugin has always written it. */
class DiffReportJsonTest {

    @Test
    void writesAReportAsExactlyThisJson() {
        List<Grant> before = grants(new Rule("web", "DOCKER-USER", List.of("8080/tcp"), List.of("10.0.0.0/8")),
                new Rule("ssh", "INPUT", List.of("22/tcp"), List.of("192.0.2.0/24")));
        List<Grant> now = grants(new Rule("web", "DOCKER-USER", List.of("published 8443/tcp"), List.of("any")));
        DiffReport report = new DiffReport("g:billing:2.0", Optional.of("g:billing:1.0"),
                PolicyDiff.between(before, now), List.of("ferm.d/99-docker.ferm sha256:aa -> sha256:bb"),
                List.of("--- a/ferm.d/99-docker.ferm", "+++ b/ferm.d/99-docker.ferm", "+\t\"REJECT\" \\ \u00fc"));

        assertThat(report.json()).isEqualTo("""
                {
                  "current" : "g:billing:2.0",
                  "previous" : "g:billing:1.0",
                  "opens" : [ {
                    "key" : "billing DOCKER-USER published 8443/tcp from 0.0.0.0/0",
                    "service" : "billing",
                    "rule" : "web",
                    "chain" : "DOCKER-USER",
                    "target" : "published host port",
                    "port" : "8443/tcp",
                    "family" : "IPv4",
                    "from" : "0.0.0.0/0"
                  }, {
                    "key" : "billing DOCKER-USER published 8443/tcp from ::/0",
                    "service" : "billing",
                    "rule" : "web",
                    "chain" : "DOCKER-USER",
                    "target" : "published host port",
                    "port" : "8443/tcp",
                    "family" : "IPv6",
                    "from" : "::/0"
                  } ],
                  "closes" : [ {
                    "key" : "billing DOCKER-USER 8080/tcp from 10.0.0.0/8",
                    "service" : "billing",
                    "rule" : "web",
                    "chain" : "DOCKER-USER",
                    "target" : "container",
                    "port" : "8080/tcp",
                    "family" : "IPv4",
                    "from" : "10.0.0.0/8"
                  }, {
                    "key" : "billing INPUT 22/tcp from 192.0.2.0/24",
                    "service" : "billing",
                    "rule" : "ssh",
                    "chain" : "INPUT",
                    "target" : "host",
                    "port" : "22/tcp",
                    "family" : "IPv4",
                    "from" : "192.0.2.0/24"
                  } ],
                  "sharedFileChanges" : [ "ferm.d/99-docker.ferm sha256:aa -> sha256:bb" ],
                  "fileDiff" : [ "--- a/ferm.d/99-docker.ferm", "+++ b/ferm.d/99-docker.ferm", "+\\t\\"REJECT\\" \\\\ ü" ]
                }
                """);
    }

    @Test
    void writesAFirstReleaseAsExactlyThisJson() {
        assertThat(DiffReport.firstRelease("g:billing:1.0").json()).isEqualTo("""
                {
                  "current" : "g:billing:1.0",
                  "previous" : null,
                  "opens" : [ ],
                  "closes" : [ ],
                  "sharedFileChanges" : [ ],
                  "fileDiff" : [ ]
                }
                """);
    }

    private static List<Grant> grants(Rule... rules) {
        return Grant.of(new BundleManifest("billing", new MavenCoordinates("g", "billing", "1"), "v",
                new SourceDigest("firewall.yaml", "aa"), new DockerfileDigest("Dockerfile", "bb", null), List.of(),
                List.of(), Map.of(), List.of(rules), List.of(), List.of()));
    }
}
