package io.github.fermmavenplugin.e2e.harness;

import io.github.fermmavenplugin.policy.DockerMode;
import io.github.fermmavenplugin.net.IpFamily;
import java.util.ArrayList;
import java.util.List;

/**
 * The iptables rules Docker would have created for a bridge network and its containers, per Docker version and
 * mode, written as {@code iptables-restore} input and loaded into the host namespace before ferm runs.
 *
 * <p>The shapes follow what each Docker generation's libnetwork bridge driver creates (chain names, jump order,
 * per-port ACCEPT in DOCKER, DNAT in nat/DOCKER or nat/DOCKER-INGRESS, raw PREROUTING DROP against direct
 * access from Docker 28). Docker's swarm ingress is IPv4 only, so swarm mode publishes nothing over IPv6.
 */
public record DockerRules(DockerVersion version, DockerMode mode, BridgeNetwork network, List<Container> containers) {

    public DockerRules {
        containers = List.copyOf(containers);
    }

    /** Loads the rules into {@code host} with the given backend, replacing the filter, nat and raw tables. */
    public void apply(NetworkNamespace host, IptablesBackend backend) {
        for (IpFamily family : IpFamily.values()) {
            host.execWithInput(restoreInput(family), backend.tool(family, "-restore"));
        }
    }

    public String restoreInput(IpFamily family) {
        return filterTable(family) + natTable(family) + rawTable(family);
    }

    private boolean newLayout() {
        return version != DockerVersion.DOCKER_27;
    }

    private boolean swarm() {
        return mode == DockerMode.SWARM;
    }

    private String filterTable(IpFamily family) {
        String bridge = network.bridge();
        List<String> chains = new ArrayList<>(List.of("DOCKER"));
        switch (version) {
            case DOCKER_27 -> chains.addAll(List.of("DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2"));
            case DOCKER_28 -> chains.addAll(List.of("DOCKER-BRIDGE", "DOCKER-CT", "DOCKER-FORWARD",
                    "DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2"));
            case DOCKER_29 -> chains.addAll(List.of("DOCKER-BRIDGE", "DOCKER-CT", "DOCKER-FORWARD", "DOCKER-INTERNAL"));
        }
        if (swarm()) {
            chains.add("DOCKER-INGRESS");
        }
        chains.add("DOCKER-USER");

        List<String> rules = new ArrayList<>();
        rules.add("-A FORWARD -j DOCKER-USER");
        if (swarm() && !newLayout()) {
            rules.add("-A FORWARD -j DOCKER-INGRESS");
        }
        if (!newLayout()) {
            rules.add("-A FORWARD -j DOCKER-ISOLATION-STAGE-1");
            rules.add("-A FORWARD -o " + bridge + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
            rules.add("-A FORWARD -o " + bridge + " -j DOCKER");
            rules.add("-A FORWARD -i " + bridge + " ! -o " + bridge + " -j ACCEPT");
            rules.add(sameBridgeRule("FORWARD"));
            rules.addAll(perPortAccepts(family));
            rules.add("-A DOCKER-ISOLATION-STAGE-1 -i " + bridge + " ! -o " + bridge + " -j DOCKER-ISOLATION-STAGE-2");
            rules.add("-A DOCKER-ISOLATION-STAGE-1 -j RETURN");
            rules.add("-A DOCKER-ISOLATION-STAGE-2 -o " + bridge + " -j DROP");
            rules.add("-A DOCKER-ISOLATION-STAGE-2 -j RETURN");
        } else {
            rules.add("-A FORWARD -j DOCKER-FORWARD");
            rules.addAll(perPortAccepts(family));
            rules.add("-A DOCKER ! -i " + bridge + " -o " + bridge + " -j DROP");
            rules.add("-A DOCKER-BRIDGE -o " + bridge + " -j DOCKER");
            rules.add("-A DOCKER-CT -o " + bridge + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
            if (swarm()) {
                rules.add("-A DOCKER-FORWARD -j DOCKER-INGRESS");
            }
            rules.add("-A DOCKER-FORWARD -j DOCKER-CT");
            rules.add(version == DockerVersion.DOCKER_28
                    ? "-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1" : "-A DOCKER-FORWARD -j DOCKER-INTERNAL");
            rules.add("-A DOCKER-FORWARD -j DOCKER-BRIDGE");
            if (swarm()) {
                rules.add(sameBridgeRule("DOCKER-FORWARD"));
                rules.add("-A DOCKER-FORWARD -i " + bridge + " ! -o " + bridge + " -j ACCEPT");
            } else {
                rules.add("-A DOCKER-FORWARD -i " + bridge + " -j ACCEPT");
            }
            if (version == DockerVersion.DOCKER_28) {
                rules.add("-A DOCKER-ISOLATION-STAGE-1 -i " + bridge + " ! -o " + bridge + " -j DOCKER-ISOLATION-STAGE-2");
                rules.add("-A DOCKER-ISOLATION-STAGE-2 -o " + bridge + " -j DROP");
            }
        }
        if (swarm()) {
            for (Publication publication : publications(family)) {
                String protocol = publication.protocol().token();
                rules.add("-A DOCKER-INGRESS -p %s -m %s --dport %d -j ACCEPT".formatted(protocol, protocol, publication.hostPort()));
                rules.add("-A DOCKER-INGRESS -p %s -m %s --sport %d -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"
                        .formatted(protocol, protocol, publication.hostPort()));
            }
            rules.add("-A DOCKER-INGRESS -j RETURN");
        }
        // Docker 20 to 27 end DOCKER-USER with RETURN; 28.2.2 dropped it (28.5.2 measured), 29 too.
        if (version == DockerVersion.DOCKER_27) {
            rules.add("-A DOCKER-USER -j RETURN");
        }
        // Docker sets FORWARD to DROP when it had to switch forwarding on itself; the stricter case.
        return table("filter", List.of(":INPUT ACCEPT", ":FORWARD DROP", ":OUTPUT ACCEPT"), chains, rules);
    }

    /** Inter-container traffic: refused on the swarm gateway bridge (icc off), allowed on the others. */
    private String sameBridgeRule(String chain) {
        String bridge = network.bridge();
        return "-A " + chain + " -i " + bridge + " -o " + bridge + (swarm() ? " -j DROP" : " -j ACCEPT");
    }

    private List<String> perPortAccepts(IpFamily family) {
        List<String> rules = new ArrayList<>();
        if (swarm()) {
            return rules;
        }
        for (Container container : containers) {
            for (Publication publication : container.publications()) {
                String protocol = publication.protocol().token();
                rules.add("-A DOCKER -d %s ! -i %s -o %s -p %s -m %s --dport %d -j ACCEPT".formatted(
                        hostRoute(family, container), network.bridge(), network.bridge(), protocol, protocol,
                        publication.containerPort()));
            }
        }
        return rules;
    }

    private String natTable(IpFamily family) {
        String bridge = network.bridge();
        List<String> chains = new ArrayList<>(List.of("DOCKER"));
        List<String> rules = new ArrayList<>();
        String loopback = family == IpFamily.IPV4 ? "127.0.0.0/8" : "::1/128";
        String subnet = family == IpFamily.IPV4 ? network.subnetV4() : network.subnetV6();
        if (swarm()) {
            chains.add("DOCKER-INGRESS");
            rules.add("-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER-INGRESS");
        }
        rules.add("-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER");
        if (swarm()) {
            rules.add("-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER-INGRESS");
        }
        rules.add("-A OUTPUT ! -d " + loopback + " -m addrtype --dst-type LOCAL -j DOCKER");
        if (swarm()) {
            rules.add("-A POSTROUTING -o " + bridge + " -m addrtype --src-type LOCAL -j MASQUERADE");
        }
        rules.add("-A POSTROUTING -s " + subnet + " ! -o " + bridge + " -j MASQUERADE");
        if (!newLayout() && !swarm()) {
            rules.addAll(hairpinMasquerades(family));
        }
        if (version != DockerVersion.DOCKER_29) {
            rules.add("-A DOCKER -i " + bridge + " -j RETURN");
        }
        for (Container container : containers) {
            for (Publication publication : container.publications()) {
                if (!appliesTo(family)) {
                    continue;
                }
                String protocol = publication.protocol().token();
                if (swarm()) {
                    rules.add("-A DOCKER-INGRESS -p %s -m %s --dport %d -j DNAT --to-destination %s".formatted(
                            protocol, protocol, publication.hostPort(),
                            socket(family, container, publication.hostPort())));
                } else {
                    rules.add("-A DOCKER ! -i %s -p %s -m %s --dport %d -j DNAT --to-destination %s".formatted(
                            bridge, protocol, protocol, publication.hostPort(),
                            socket(family, container, publication.containerPort())));
                }
            }
        }
        if (swarm()) {
            rules.add("-A DOCKER-INGRESS -j RETURN");
        }
        return table("nat", List.of(":PREROUTING ACCEPT", ":INPUT ACCEPT", ":OUTPUT ACCEPT", ":POSTROUTING ACCEPT"),
                chains, rules);
    }

    /** Docker 20 to 27 (20.10.24 and 26.1.5 measured): a container reaching its own published port. */
    private List<String> hairpinMasquerades(IpFamily family) {
        List<String> rules = new ArrayList<>();
        for (Container container : containers) {
            container.publications().stream()
                    .map(publication -> "-A POSTROUTING -s %s -d %s -p %s -m %s --dport %d -j MASQUERADE".formatted(
                            hostRoute(family, container), hostRoute(family, container), publication.protocol().token(),
                            publication.protocol().token(), publication.containerPort()))
                    .distinct()
                    .forEach(rules::add);
        }
        return rules;
    }

    /** Docker 28.2 and later (28.5.2 measured): one DROP per endpoint, published or not. */
    private String rawTable(IpFamily family) {
        if (!newLayout() || swarm()) {
            return "";
        }
        List<String> rules = new ArrayList<>();
        for (Container container : containers) {
            rules.add("-A PREROUTING -d " + hostRoute(family, container) + " ! -i " + network.bridge() + " -j DROP");
        }
        return table("raw", List.of(":PREROUTING ACCEPT", ":OUTPUT ACCEPT"), List.of(), rules);
    }

    private boolean appliesTo(IpFamily family) {
        return !(swarm() && family == IpFamily.IPV6);
    }

    private List<Publication> publications(IpFamily family) {
        if (!appliesTo(family)) {
            return List.of();
        }
        return containers.stream().flatMap(container -> container.publications().stream()).toList();
    }

    private String hostRoute(IpFamily family, Container container) {
        return family == IpFamily.IPV4 ? network.v4(container.hostNumber()) + "/32" : network.v6(container.hostNumber()) + "/128";
    }

    private String socket(IpFamily family, Container container, int port) {
        return family == IpFamily.IPV4 ? network.v4(container.hostNumber()) + ":" + port
                : "[" + network.v6(container.hostNumber()) + "]:" + port;
    }

    private static String table(String name, List<String> builtins, List<String> chains, List<String> rules) {
        StringBuilder text = new StringBuilder("*").append(name).append('\n');
        builtins.forEach(builtin -> text.append(builtin).append(" [0:0]\n"));
        chains.forEach(chain -> text.append(':').append(chain).append(" - [0:0]\n"));
        rules.forEach(rule -> text.append(rule).append('\n'));
        return text.append("COMMIT\n").toString();
    }
}
