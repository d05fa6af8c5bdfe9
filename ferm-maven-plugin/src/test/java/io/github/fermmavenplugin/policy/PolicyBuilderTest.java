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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no version             | service: shop                                                         | :1:1: the descriptor does not say its version
            version 2              | version: 2                                                            | :1:10: descriptor version 2 is not supported
            bad service name       | version: 1\\nservice: Billing API                                     | :2:10: 'Billing API' is not a usable service name
            service like a file    | version: 1\\nservice: docker.shop                                     | :2:10: 'docker.shop' is not a usable service name
            port not exposed       | ingress:\\n  - name: web\\n    ports: [8081]                          | :5:13: container port 8081/tcp is not exposed by the Dockerfile (stage runtime). It exposes 53/udp, 80/tcp, 443/tcp, 5005/tcp, 8000-8010/tcp, 9100/tcp.
            udp not exposed        | ingress:\\n  - name: dns\\n    ports: [53]                            | :5:13: container port 53/tcp is not exposed
            range partly exposed   | ingress:\\n  - name: r\\n    ports: [8005-8011]                       | :5:13: container port 8011/tcp of 8005-8011/tcp is not exposed
            port 0                 | ingress:\\n  - name: web\\n    ports: [0]                             | :5:13: port 0 is outside 1-65535
            port 65536             | ingress:\\n  - name: web\\n    ports: [65536]                         | :5:13: port 65536 is outside 1-65535
            not a port             | ingress:\\n  - name: web\\n    ports: [http]                          | :5:13: 'http' is not a port. Write a port (80)
            reversed range         | ingress:\\n  - name: web\\n    ports: [8010-8000]                     | :5:13: the range 8010-8000 is reversed. Write it low to high: 8000-8010.
            bad protocol           | ingress:\\n  - name: web\\n    ports: [80/icmp]                       | :5:13: 'icmp' in '80/icmp' is not a protocol. Use tcp, udp or sctp.
            host address in port   | ingress:\\n  - name: web\\n    ports: ["0.0.0.0:8443:443"]            | :5:13: '0.0.0.0:8443:443' names a host address
            unequal ranges         | ingress:\\n  - name: web\\n    ports: ["9000-9002:8000-8001"]         | :5:13: published 9000-9002 and container 8000-8001
            publish clash          | ingress:\\n  - name: a\\n    ports: ["8443:443"]\\n  - name: b\\n    ports: ["8443:80"] | :7:13: host port 8443/tcp is already published to container port 443/tcp, not 80
            empty ports            | ingress:\\n  - name: web\\n    ports: []                              | :5:12: 'ports' is empty
            no name                | ingress:\\n  - ports: [80]                                            | :4:5: the rule has no 'name:'
            bad rule name          | ingress:\\n  - name: Web Site\\n    ports: [80]                       | :4:11: 'Web Site' is not a usable rule name
            duplicate rule name    | ingress:\\n  - name: web\\n    ports: [80]\\nhost:\\n  - name: web\\n    ports: [22] | :7:11: a rule named 'web' is already defined
            undefined group        | groups:\\n  office: [10.0.0.0/8]\\ningress:\\n  - name: web\\n    ports: [80]\\n    from: [ofice] | :8:12: group 'ofice' is not defined. Define it under 'groups:' or use one of: office. Did you mean 'office'?
            group cycle            | groups:\\n  a: [b]\\n  b: [a]                                          | :4:6: groups refer to each other in a circle: a -> b -> a
            bad cidr               | ingress:\\n  - name: web\\n    ports: [80]\\n    from: [10.0.0.1/33]  | :6:12: 
            host bits set          | ingress:\\n  - name: web\\n    ports: [80]\\n    from: [10.0.0.1/8]   | did you mean 10.0.0.0/8
            any with others        | ingress:\\n  - name: web\\n    ports: [80]\\n    from: [any, 10.0.0.0/8] | :6:11: 'any' already lets every source in
            bad mode               | docker:\\n  mode: host                                                | :4:9: 'host' is not a docker.mode. Use one of: bridge, swarm.
            bad interface          | docker:\\n  external: [eth0/1]                                        | :4:14: 
            external is the bridge | docker:\\n  bridge: br-+\\n  external: [eth0, br-1234]            | :5:20: external interface 'br-1234' also matches 'br-+', where Docker puts containers
            docker without settings | docker:                                                        | :3:8: 'docker' has no settings
            defaults without settings | defaults:                                                      | :3:10: 'defaults' has no settings
            bridge not guarded     | docker:\\n  bridge: lxcbr0                                       | :4:11: bridge 'lxcbr0' is none of the bridges every bundle's default drop covers
            restricted twice       | ingress:\\n  - name: web\\n    ports: [443]\\n  - name: a\\n    ports: ["8443:443"]\\n  - name: b\\n    ports: ["9443:443"] | :4:5: rule 'web' opens container port 443/tcp, which other rules publish under the separate host ports 8443, 9443
            bad action             | defaults:\\n  action: accept                                          | :4:11: 'accept' is not a defaults.action. Use one of: drop, reject.
            host rule no ports     | host:\\n  - name: ssh                                                 | :4:5: host rule 'ssh' has no 'ports:'
            host rule published    | host:\\n  - name: ssh\\n    ports: ["2222:22"]                        | :5:13: a host rule opens host ports; nothing is published
            empty group            | groups:\\n  office: []                                                | :4:11: group 'office' lists no networks
            except outside from    | ingress:\\n  - name: web\\n    ports: [80]\\n    from: [10.0.0.0/8]\\n    except: [192.0.2.0/24] | :7:14: '192.0.2.0/24' is outside every network the rule lets in
            except takes all       | ingress:\\n  - name: web\\n    ports: [80]\\n    from: [10.1.0.0/16]\\n    except: [10.0.0.0/8] | :7:14: 'except' takes out every source the rule lets in
            except too fine        | ingress:\\n  - name: web\\n    ports: [80]\\n    except: ["2001:db8::1"] | :6:14: 'except' splits the sources into 129 networks
            empty groups mapping   | groups: {}                                                            | :3:9: 'groups' is empty
            """)
    void refusesWhatCannotBeMeantWithFileLineAndColumn(String what, String yaml, String expected) {
        String text = yaml.startsWith("version") || yaml.startsWith("service") ? yaml.replace("\\n", "\n")
                : rules(yaml);
        assertThatThrownBy(() -> policy(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(expected.startsWith(":") ? dir.resolve("firewall.yaml") + expected : expected);
    }
}
