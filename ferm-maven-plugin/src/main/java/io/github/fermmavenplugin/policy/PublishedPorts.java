package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.ServicePort;
import io.github.fermmavenplugin.policy.PortMatch.PortField;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The host ports the descriptor publishes, each onto one container port, port by port. */
final class PublishedPorts {

    private final Map<ServicePort, ServicePort> containerPortOf = new LinkedHashMap<>();

    /** Records published:container; one host port leads to one container port. */
    void add(ServicePort published, ServicePort container, SourcePosition where) {
        for (int offset = 0; offset <= published.range().last() - published.range().first(); offset++) {
            ServicePort host = single(published.range().first() + offset, published);
            ServicePort target = single(container.range().first() + offset, container);
            ServicePort earlier = containerPortOf.putIfAbsent(host, target);
            if (earlier != null && !earlier.equals(target)) {
                throw new InvalidInputException(where, "host port " + host + " is already published to container port "
                        + earlier + ", not " + target.range(), "Publish each host port to one container port.");
            }
        }
    }

    /**
     * A plain rule matches its container ports after Docker's DNAT, so it would also admit clients of
     * a host port the descriptor publishes onto one of them for other rules ("8443:443" for the office
     * beside "443" for everyone would open 8443 to everyone). Such matches leave those host ports out.
     * iptables takes one original-port condition per rule, so the host ports left out of one
     * container port must form one range.
     */
    List<AllowRule> leaveOutOfPlainRules(List<AllowRule> rules, Map<RuleName, SourcePosition> positions) {
        if (containerPortOf.isEmpty()) {
            return rules;
        }
        return rules.stream()
                .map(rule -> new AllowRule(rule.name(), rule.ports().stream()
                        .flatMap(match -> leaveOut(match, rule.name(), positions.get(rule.name())))
                        .toList(), rule.sources(), rule.position()))
                .toList();
    }

    private Stream<PortMatch> leaveOut(PortMatch match, RuleName rule, SourcePosition where) {
        if (match.field() != PortField.DESTINATION) {
            return Stream.of(match);
        }
        Map<Optional<PortRange>, BitSet> portsByHostPortsLeftOut = new LinkedHashMap<>();
        for (PortRange range : match.ports()) {
            for (int port = range.first(); port <= range.last(); port++) {
                ServicePort container = new ServicePort(PortRange.single(port), match.protocol());
                portsByHostPortsLeftOut.computeIfAbsent(hostPortsLeftOut(container, rule, where), k -> new BitSet())
                        .set(port);
            }
        }
        return portsByHostPortsLeftOut.entrySet().stream().map(ports -> new PortMatch(match.protocol(),
                PortField.DESTINATION, PortBits.ranges(ports.getValue()), ports.getKey()));
    }

    private Optional<PortRange> hostPortsLeftOut(ServicePort container, RuleName rule, SourcePosition where) {
        List<PortRange> hostPorts = PortBits.ranges(containerPortOf.entrySet().stream()
                .filter(published -> published.getValue().equals(container))
                .map(published -> published.getKey().range())
                .collect(Collectors.collectingAndThen(Collectors.toList(), PortBits::of)));
        if (hostPorts.size() > 1) {
            throw new InvalidInputException(where, "rule '" + rule + "' opens container port " + container
                    + ", which other rules publish under the separate host ports "
                    + hostPorts.stream().map(PortRange::toString).collect(Collectors.joining(", ")),
                    "iptables can leave only one range of host ports out of a rule: publish those as one range,"
                            + " or open the container port through published ports only (\"443:443\").");
        }
        return hostPorts.stream().findFirst();
    }

    private static ServicePort single(int port, ServicePort of) {
        return new ServicePort(PortRange.single(port), of.protocol());
    }
}
