package io.github.fermmavenplugin.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.descriptor.Descriptor.RuleSpec;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.testing.TempFiles;
import java.net.URL;
import java.net.URLClassLoader;
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
            a fraction is no version       | version: 1.5                                                  | :1:10: 'version' must be a whole number
            quoted text is no number       | version: '1'                                                  | :1:10: 'version' must be a whole number
            version out of range           | version: 99999999999                                          | :1:21: not a valid descriptor: Numeric value (99999999999) out of range of int
            unknown quoted key, at its quote | version: 1\\n'servcie': x                                   | :2:1: unknown key 'servcie'
            unknown key, a type error below| version: 1\\ningress:\\n  - name: web\\n    prts: [80]\\n    from: any | :5:11: 'ingress[0].from' must be a list
            duplicate inside an unknown key| version: 1\\nextra: {a: 1, a: 2}                             | :2:16: not a valid descriptor: Duplicate field 'a'
            an anchor below a mistake      | version: 1\\nservcie: x\\ngroups: {g: &x [10.0.0.0/8]}    | :3:13: the anchor &x: anchors and aliases are not supported
            key that is a list             | version: 1\\n? [a]\\n: 1                                     | :2:3: not a valid descriptor: a key must be a single value, not a list or mapping
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
    void numbersAndBooleansStandAsWrittenWhereTextIsExpected() {
        Descriptor d = read("version: 0x1\ndefaults: {log: yes}\ningress:\n  - {name: w, ports: [80, 8_080, on, .inf, 1e3]}\n");

        assertThat(d.version().value()).isEqualTo(1);
        assertThat(d.defaults().log()).isTrue();
        assertThat(d.ingress().get(0).value().ports().orElseThrow()).extracting(Located::value)
                .containsExactly("80", "8_080", "on", ".inf", "1e3");
    }

    /** The descriptor is read with SnakeYAML alone: Jackson and its YAML module are not needed, nor loaded. */
    @Test
    void readsWithoutJacksonOnTheClassPath() throws Exception {
        URL[] withoutJackson = {codeSource(DescriptorReader.class), codeSource(org.yaml.snakeyaml.events.Event.class)};
        try (URLClassLoader loader = new URLClassLoader(withoutJackson, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> userFile = loader.loadClass(UserFile.class.getName());
            Object file = userFile.getConstructor(Path.class, String.class, String.class)
                    .newInstance(dir.resolve("firewall.yaml"), "version: 1\nservice: shop\n", "digest");
            Object descriptor = loader.loadClass(DescriptorReader.class.getName()).getMethod("read", userFile)
                    .invoke(null, file);

            assertThat(descriptor).hasToString(read("version: 1\nservice: shop\n").toString());
        }
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void onlyCommentsIsAnError() {
        assertThatThrownBy(() -> read("# nothing yet\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds only comments");
    }
}
