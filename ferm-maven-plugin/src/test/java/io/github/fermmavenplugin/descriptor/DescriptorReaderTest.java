package io.github.fermmavenplugin.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.descriptor.Descriptor.RuleSpec;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.testing.TempFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptorReaderTest {

    @TempDir
    Path dir;

    private Descriptor read(String yaml) {
        return DescriptorReader.read(TempFiles.userFile(dir, "firewall.yaml", yaml));
    }

    @Test
    void readsTheSpecExampleWithPositions() {
        Descriptor d = read("""
                version: 1
                service: billing-api
                docker:
                  mode: bridge
                  bridge: docker0
                  external: [eth0]
                  inherited: ["8080/tcp"]
                groups:
                  office: [198.51.100.0/24, "2001:db8:10::/48"]
                ingress:
                  - name: web
                    ports: [80, 443]
                    from: [any]
                  - name: admin
                    ports: ["8443:443"]
                    from: [office]
                host:
                  - name: ssh
                    ports: [22]
                defaults:
                  action: drop
                  log: false
                """);

        assertThat(d.version().value()).isEqualTo(1);
        assertThat(d.service().orElseThrow().value()).isEqualTo("billing-api");
        assertThat(d.service().orElseThrow().position()).hasToString(dir.resolve("firewall.yaml") + ":2:10");
        assertThat(d.docker().mode().orElseThrow().value()).isEqualTo(Descriptor.NetworkMode.BRIDGE);
        assertThat(d.docker().external().orElseThrow()).extracting(Located::value).containsExactly("eth0");
        assertThat(d.groups().get("office").value()).extracting(Located::value)
                .containsExactly("198.51.100.0/24", "2001:db8:10::/48");
        RuleSpec web = d.ingress().get(0).value();
        assertThat(web.ports().orElseThrow()).extracting(Located::value).containsExactly("80", "443");
        Located<String> published = d.ingress().get(1).value().ports().orElseThrow().get(0);
        assertThat(published.value()).isEqualTo("8443:443");
        assertThat(published.position().line()).isEqualTo(15);
        assertThat(published.position().column()).isEqualTo(13);
        assertThat(d.host().get(0).value().from()).isEmpty();
        assertThat(d.host().get(0).value().except()).isEmpty();
        assertThat(d.defaults().action().orElseThrow().value()).isEqualTo(Descriptor.DefaultAction.DROP);
        assertThat(d.defaults().log()).isFalse();
    }

    @Test
    void leftOutKeysAreEmptyNotNull() {
        Descriptor d = read("version: 1\n");
        assertThat(d.service()).isEmpty();
        assertThat(d.docker().mode()).isEmpty();
        assertThat(d.docker().external()).isEmpty();
        assertThat(d.docker().inherited()).isEmpty();
        assertThat(d.groups()).isEmpty();
        assertThat(d.ingress()).isEmpty();
        assertThat(d.host()).isEmpty();
        assertThat(d.defaults().action()).isEmpty();
    }

    @Test
    void aKeyWithoutValueIsRefusedWhereItStands() {
        assertThatThrownBy(() -> read("""
                version: 1
                ingress:
                  - name: web
                    ports:
                """))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir.resolve("firewall.yaml") + ":4:11: 'ports' is empty");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key, suggestion        | version: 1\\ningress:\\n  - name: web\\n    portz: [80]        | :4:5: unknown key 'portz' in ingress[0]. Use one of: except, from, name, ports. Did you mean 'ports'?
            unknown top-level key          | version: 1\\nservcie: x                                     | :2:1: unknown key 'servcie'. Use one of: defaults, docker, groups, host, ingress, service, swarm, version. Did you mean 'service'?
            unknown key, lines follow      | version: 1\\ningres: 5\\ningress:\\n  - name: web\\n    ports: [80] | :2:1: unknown key 'ingres'
            unknown block key, lines follow| version: 1\\ningres:\\n  - name: web\\n    ports: [80]\\ndefaults:\\n  action: drop | :2:1: unknown key 'ingres'
            unknown key in a rule, not last| ingress:\\n  - name: web\\n    prts:\\n      - 80\\n    from: [any]\\n  - name: x\\n    ports: [443] | :3:5: unknown key 'prts' in ingress[0]
            unknown key in a flow mapping  | version: 1\\ndefaults: {acton: drop, log: true}\\nservice: x | :2:12: unknown key 'acton' in defaults
            list expected                  | version: 1\\ningress:\\n  - name: web\\n    ports: 80          | :4:12: 'ingress[0].ports' must be a list, like [80, 443]
            mapping expected               | version: 1\\ndocker: bridge                                 | :2:9: 'docker' must be a mapping of keys to values
            number expected                | version: one                                                  | :1:10: 'version' must be a whole number
            boolean expected               | defaults:\\n  log: loud                                      | :2:8: 'defaults.log' must be true or false
            scalar expected                | service: [a, b]                                               | :1:10: 'service' must be a single value, not a list or mapping
            duplicate key                  | version: 1\\nversion: 1                                     | :2:8: not a valid descriptor: Duplicate field 'version'
            bad YAML                       | version: 1\\ningress: [\\n                                   | :3:1: not valid YAML:
            root is a list                 | - 1\\n- 2                                                     | :1:1: the descriptor must be a mapping of keys to values
            """)
    void refusesMistakesOfFormWithFileLineAndColumn(String what, String yaml, String expected) {
        assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir.resolve("firewall.yaml") + expected);
    }

    @Test
    void onlyCommentsIsAnError() {
        assertThatThrownBy(() -> read("# nothing yet\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds only comments");
    }
}
