package io.github.fermmavenplugin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.ServicePort;
import io.github.fermmavenplugin.policy.PortMatch.PortField;
import io.github.fermmavenplugin.testing.Images;
import io.github.fermmavenplugin.testing.Policies;
import io.github.fermmavenplugin.testing.TextCases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyBuilderTest {

    private static final String[] EXPOSED = {"80", "443", "9100", "53/udp", "8000-8010", "5005"};

    @TempDir
    Path dir;

    private Policy policy(String yaml) {
        return Policies.from(dir, yaml, Images.exposing(EXPOSED));
    }

    private static String rules(String ruleLines) {
        return "version: 1\nservice: shop\n" + ruleLines.replace("\\n", "\n");
    }

    @Test
    void normalisesPortsSourcesAndDefaults() {
        Policy policy = policy("""
                version: 1
                service: shop
                groups:
                  office: [198.51.100.0/24, staff]
                  staff: ["2001:DB8:10:0::1"]
                ingress:
                  - name: web
                    ports: [443, 80, "53/udp", "8443:443"]
                    from: [office]
                """);

        AllowRule web = policy.ingress().get(0);
        assertThat(web.ports()).extracting(PortMatch::field, m -> m.protocol().token(), m -> m.ports().toString(),
                        m -> m.hostPortsLeftOut().map(Object::toString).orElse("-"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PortField.DESTINATION, "tcp", "[80]", "-"),
                        org.assertj.core.groups.Tuple.tuple(PortField.DESTINATION, "tcp", "[443]", "8443"),
                        org.assertj.core.groups.Tuple.tuple(PortField.DESTINATION, "udp", "[53]", "-"),
                        org.assertj.core.groups.Tuple.tuple(PortField.ORIGINAL_DESTINATION, "tcp", "[8443]", "-"));
        assertThat(web.sources().in(IpFamily.IPV6)).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).extracting(Object::toString)
                .containsExactly("2001:db8:10::1/128");
        assertThat(policy.network().bridge()).hasToString("docker0");
        assertThat(policy.network().external()).extracting(Object::toString).containsExactly("eth0");
        assertThat(policy.fallback().action()).isEqualTo(Policy.FallbackAction.DROP);
        assertThat(policy.closed()).extracting(ServicePort::toString)
                .containsExactly("5005/tcp", "8000-8010/tcp", "9100/tcp");
    }

    @Test
    void aPlainRuleLeavesOutTheHostPortsOtherRulesPublishOntoItsContainerPort() {
        Policy policy = policy(rules("ingress:\n  - name: web\n    ports: [80, 443]\n"
                + "  - name: admin\n    ports: [\"8443:443\", \"8444:443\"]\n    from: [198.51.100.0/24]\n"));

        assertThat(policy.ingress().get(0).ports())
                .extracting(PortMatch::field, m -> m.ports().toString(), m -> m.hostPortsLeftOut().map(Object::toString))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PortField.DESTINATION, "[80]", Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple(PortField.DESTINATION, "[443]", Optional.of("8443-8444")));
        assertThat(policy.ingress().get(1).ports())
                .extracting(PortMatch::field, m -> m.ports().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PortField.ORIGINAL_DESTINATION, "[8443-8444]"));
    }

    @Test
    void publishedOnItsOwnNumberMatchesThatHostPortAlone() {
        Policy policy = policy(rules("ingress:\n  - name: web\n    ports: [\"443:443\"]\n"));
        assertThat(policy.ingress().get(0).ports()).extracting(PortMatch::field, m -> m.ports().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PortField.ORIGINAL_DESTINATION, "[443]"));
    }

    @Test
    void aRuleOfOneFamilyOpensNothingInTheOther() {
        Policy policy = policy(rules("ingress:\n  - name: web\n    ports: [80]\n    from: [10.0.0.0/8]\n"));
        Sources sources = policy.ingress().get(0).sources();
        assertThat(sources.in(IpFamily.IPV4)).contains(List.of(Cidr.parse("10.0.0.0/8")));
        assertThat(sources.in(IpFamily.IPV6)).isEmpty();
    }

    @Test
    void omittedPortsOpenEveryExposedPortAndOmittedFromIsAny() {
        Policy policy = policy(rules("ingress:\n  - name: all\n"));
        assertThat(policy.ingress().get(0).sources().any()).isTrue();
        assertThat(policy.closed()).isEmpty();
    }

    @Test
    void exceptSubtractsNetworksExactly() {
        Policy policy = policy(rules("ingress:\n  - name: web\n    ports: [80]\n    from: [10.0.0.0/8]\n"
                + "    except: [10.128.0.0/9, 10.64.0.0/10]\n"));
        assertThat(policy.ingress().get(0).sources().networks()).extracting(Cidr::token)
                .containsExactly("10.0.0.0/10");
    }

    @Test
    void exceptFromAnyKeepsTheOtherFamilyWhole() {
        Policy policy = policy(rules("ingress:\n  - name: web\n    ports: [80]\n    except: [128.0.0.0/1]\n"));
        Sources sources = policy.ingress().get(0).sources();
        assertThat(sources.in(IpFamily.IPV4)).contains(List.of(Cidr.parse("0.0.0.0/1")));
        assertThat(sources.in(IpFamily.IPV6)).contains(List.of(Cidr.parse("::/0")));
    }

    @Test
    void theServiceDefaultsToTheArtifactId() {
        assertThat(policy("version: 1\n").service()).hasToString("fallback-service");
    }

    @ParameterizedTest(name = "service {0}, title {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''    | billing-api | billing-api
            ''    | Billing API | fallback-service
            shop  | billing-api | shop
            """)
    void theImagesTitleNamesTheServiceWhenTheDescriptorDoesNot(String service, String title, String expected) {
        String yaml = "version: 1\n" + (service.isEmpty() ? "" : "service: " + service + "\n");
        Policy policy = Policies.from(dir, yaml, Images.labelled(Map.of(ImageMetadata.OCI_TITLE, title)));
        assertThat(policy.service()).hasToString(expected);
    }

    @Test
    void swarmModeSitsOnTheGatewayBridge() {
        assertThat(policy("version: 1\ndocker:\n  mode: swarm\n").network().bridge()).hasToString("docker_gwbridge");
    }

    static List<Arguments> merges() {
        return TextCases.read(PolicyBuilderTest.class, "merges.cases");
    }

    /** The cases are in merges.cases beside this class. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void mergesPortsAndNetworksOnlyWhereTheAllowedPacketsStayTheSame(String what, String expected, String yaml) {
        assertThat(summary(policy(yaml).ingress().get(0))).isEqualTo(expected);
    }

    private static String summary(AllowRule rule) {
        return rule.ports().stream()
                .map(match -> (match.field() == PortField.ORIGINAL_DESTINATION ? "published " : "")
                        + match.protocol().token() + " " + match.ports()
                        + match.hostPortsLeftOut().map(hostPorts -> " but not from " + hostPorts).orElse(""))
                .collect(java.util.stream.Collectors.joining("; "))
                + " from " + (rule.sources().any() ? "any" : rule.sources().networks().toString());
    }

    static List<Arguments> refusals() {
        return TextCases.read(PolicyBuilderTest.class, "refusals.cases");
    }

    /** The cases, one descriptor each, are in refusals.cases beside this class. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWhatCannotBeMeantWithFileLineAndColumn(String what, String expected, String yaml) {
        assertThat(expected).as("a case names position and message").matches(":\\d+:\\d+: \\S.*");
        assertThatThrownBy(() -> policy(yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir.resolve("firewall.yaml") + expected);
    }
}
