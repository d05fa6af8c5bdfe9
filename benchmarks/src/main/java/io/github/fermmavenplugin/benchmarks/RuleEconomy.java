package io.github.fermmavenplugin.benchmarks;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.dockerfile.BuildOptions;
import io.github.fermmavenplugin.dockerfile.DockerfileReader;
import io.github.fermmavenplugin.ferm.FermCheck;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.BundleIdentity;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import io.github.fermmavenplugin.policy.PolicyBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Rule economy of reference policies: the iptables rules the real ferm makes of the plugin's bundle, against
 * the same policy written in the style of the article the plugin grew from (a ferm list per rule, which ferm
 * expands into one rule per source and port, the established rule in 99-docker.ferm after every service's
 * rules), and how many DOCKER-USER rules a packet of an established connection passes before its ACCEPT.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.fermmavenplugin.benchmarks.RuleEconomy example-project</pre>
 */
public final class RuleEconomy {

    /** One rule of a reference policy: its ports as the descriptor writes them, the container ports, its sources. */
    record Rule(String name, List<String> ports, List<Integer> containerPorts, String protocol, List<String> sources) {
    }

    record Reference(String name, String descriptor, String dockerfile, List<Rule> rules) {
    }

    private RuleEconomy() {
    }

    public static void main(String[] args) throws IOException {
        Path example = Path.of(args.length > 0 ? args[0] : "example-project");
        Path ferm = FermCheck.findExecutable(System.getenv("PATH"))
                .orElseThrow(() -> new IllegalStateException("ferm is not installed (apt-get install ferm)"));
        List<Reference> references = List.of(
                new Reference("the example (example-project)", Files.readString(example.resolve("firewall.yaml")),
                        Files.readString(example.resolve("Dockerfile")), List.of(
                        new Rule("web", List.of(), List.of(8080, 8443), "tcp", List.of()),
                        new Rule("metrics", List.of(), List.of(9100), "tcp", List.of("10.20.0.0/16", "2001:db8:20::/48")),
                        new Rule("statsd", List.of(), List.of(8125), "udp", List.of("10.20.0.0/16")))),
                reference("40 ports x 3 sources", List.of(rule("api", ports(8000, 40, 2), "tcp",
                        List.of("10.1.0.0/24", "10.3.0.0/24", "192.0.2.0/24")))),
                reference("500 CIDRs x 2 ports, 250 adjacent pairs", List.of(rule("partners", List.of(8000, 8002), "tcp",
                        adjacentPairs(250)))),
                reference("published and plain ports mixed", List.of(
                        new Rule("tls", List.of("\"8443:443\"", "\"9443:443\""), List.of(443, 443), "tcp",
                                List.of("10.1.0.0/24", "10.3.0.0/24")),
                        rule("web", List.of(8080, 8081, 8082), "tcp", List.of("10.1.0.0/24", "10.3.0.0/24")),
                        rule("dns", List.of(8053), "udp", List.of("10.1.0.0/24")))));
        System.out.println("| policy | plugin: iptables rules | article style: iptables rules | ratio | rules an established"
                + " packet passes: plugin | article style |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Reference reference : references) {
            Count plugin = count(FermCheck.run(ferm, pluginBundle(reference)));
            Count article = count(FermCheck.run(ferm, articleStyle(reference)));
            System.out.printf("| %s | %d | %d | %.2f | %d | %d |%n", reference.name(), plugin.accepts(), article.accepts(),
                    (double) plugin.accepts() / article.accepts(), plugin.established(), article.established());
        }
    }

    /** ACCEPT rules in DOCKER-USER of both families, and the position of IPv4's RELATED,ESTABLISHED rule. */
    record Count(int accepts, int established) {
    }

    static Count count(String iptablesLines) {
        int accepts = 0;
        int established = -1;
        int position = 0;
        boolean ipv4 = true;
        for (String line : iptablesLines.split("\n")) {
            if (line.contains("ip6tables-save")) {
                ipv4 = false;
            }
            if (!line.startsWith("-A DOCKER-USER ")) {
                continue;
            }
            boolean conntrackState = line.contains("--ctstate");
            if (line.contains("--jump ACCEPT") && !conntrackState) {
                accepts++;
            }
            if (ipv4) {
                position++;
                if (conntrackState && established < 0) {
                    established = position;
                }
            }
        }
        return new Count(accepts, established);
    }

    private static List<BundleFile> pluginBundle(Reference reference) throws IOException {
        Path directory = Files.createTempDirectory("ferm-economy");
        try {
            Path descriptorPath = directory.resolve("firewall.yaml");
            UserFile descriptorFile = Inputs.userFile(descriptorPath, reference.descriptor());
            UserFile dockerfile = Inputs.userFile(directory.resolve("Dockerfile"), reference.dockerfile());
            var descriptor = io.github.fermmavenplugin.descriptor.DescriptorReader.read(descriptorFile);
            var image = DockerfileReader.read(dockerfile, BuildOptions.DEFAULT);
            var policy = PolicyBuilder.build(descriptor, descriptorPath, image, "svc");
            var files = BundlePipeline.render(new Analysis(descriptorFile, descriptor, dockerfile, image, policy),
                    new BundleIdentity(new MavenCoordinates("g", "svc", "1"), "1", directory));
            return files;
        } finally {
            Files.deleteIfExists(directory);
        }
    }

    /** The article's 00-docker.ferm, one statement per descriptor rule and family, and its 99-docker.ferm. */
    static List<BundleFile> articleStyle(Reference reference) {
        StringBuilder rules = new StringBuilder();
        for (Rule rule : reference.rules()) {
            List<String> v4 = rule.sources().stream().filter(s -> !s.contains(":")).toList();
            List<String> v6 = rule.sources().stream().filter(s -> s.contains(":")).toList();
            String ports = list(rule.containerPorts().stream().distinct().map(String::valueOf).toList());
            String match = "proto " + rule.protocol() + " dport " + ports + " ACCEPT;\n";
            if (rule.sources().isEmpty()) {
                rules.append("domain (ip ip6) table filter chain DOCKER-USER interface eth0 outerface docker0 ").append(match);
            }
            if (!v4.isEmpty()) {
                rules.append("domain ip table filter chain DOCKER-USER interface eth0 outerface docker0 saddr ")
                        .append(list(v4)).append(' ').append(match);
            }
            if (!v6.isEmpty()) {
                rules.append("domain ip6 table filter chain DOCKER-USER interface eth0 outerface docker0 saddr ")
                        .append(list(v6)).append(' ').append(match);
            }
        }
        return List.of(file(
                "ferm.d/00-docker.ferm", """
                        domain (ip ip6) {
                            table filter {
                                chain (DOCKER DOCKER-INGRESS DOCKER-ISOLATION-STAGE-1 DOCKER-ISOLATION-STAGE-2 FORWARD) @preserve;
                            }
                            table nat {
                                chain (DOCKER DOCKER-INGRESS PREROUTING OUTPUT POSTROUTING) @preserve;
                            }
                        }
                        """),
                file("ferm.d/20-in.docker.svc.ferm", rules.toString()),
                file("ferm.d/99-docker.ferm", """
                        domain (ip ip6) table filter chain DOCKER-USER {
                            interface eth0 outerface docker0 {
                                mod conntrack ctstate (RELATED ESTABLISHED) ACCEPT;
                                DROP;
                            }
                            RETURN;
                        }
                        """));
    }

    private static BundleFile file(String path, String text) {
        return new BundleFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String list(List<String> words) {
        return words.size() == 1 ? words.get(0) : "(" + String.join(" ", words) + ")";
    }

    private static Reference reference(String name, List<Rule> rules) {
        StringBuilder yaml = new StringBuilder("version: 1\nservice: svc\ndocker:\n  bridge: docker0\n  external: [eth0]\n"
                + "ingress:\n");
        StringJoiner exposed = new StringJoiner(" ", "FROM debian:12\nEXPOSE ", "\n");
        for (Rule rule : rules) {
            yaml.append("  - name: ").append(rule.name()).append("\n    ports: [").append(String.join(", ", rule.ports()))
                    .append("]\n    from: [").append(String.join(", ", rule.sources().stream()
                            .map(s -> "\"" + s + "\"").toList())).append("]\n");
            rule.containerPorts().stream().distinct().forEach(port -> exposed.add(port + "/" + rule.protocol()));
        }
        return new Reference(name, yaml.toString(), exposed.toString(), rules);
    }

    private static Rule rule(String name, List<Integer> ports, String protocol, List<String> sources) {
        List<String> written = ports.stream().map(port -> "\"" + port + "/" + protocol + "\"").toList();
        return new Rule(name, written, ports, protocol, sources);
    }

    private static List<Integer> ports(int first, int count, int step) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(first + step * i);
        }
        return ports;
    }

    /** {@code pairs} pairs of adjacent /25 networks, each pair a /24 apart from the next. */
    private static List<String> adjacentPairs(int pairs) {
        List<String> networks = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            String prefix = "10." + (i / 128) + "." + (2 * (i % 128)) + ".";
            networks.add(prefix + "0/25");
            networks.add(prefix + "128/25");
        }
        return networks;
    }
}
