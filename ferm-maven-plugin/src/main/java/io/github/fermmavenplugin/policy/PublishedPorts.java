package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.net.ServicePort;
import io.github.fermmavenplugin.policy.PortMatch.PortField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The port plan of the ingress rules: which host ports the descriptor publishes onto which container ports,
 * kept as ranges, so that the work grows with the ranges written, never with the ports they span. A host port
 * leads to one container port, so the published ports of one protocol are at most 65535, whatever the text.
 */
final class PublishedPorts {

    /**
     * A plain match leaves out, for each container port others publish onto, that port's host ports: one
     * iptables rule per such container port. Beyond this many in one rule, the rule is the wrong tool.
     */
    static final int MAX_PORTS_LEAVING_HOST_PORTS_OUT = 1024;
    private static final Comparator<PortMatch> BY_FIRST_PORTS = Comparator.comparing(match -> match.ports().get(0));

    /** Host ports {@code host} lead to container ports {@code host + offset}. */
    private record Mapping(PortRange host, int offset) {
        PortRange container() {
            return new PortRange(host.first() + offset, host.last() + offset);
        }
    }

    /** Container ports {@code ports} receive, for each port p, the host ports p - offset for every offset. */
    private record Segment(PortRange ports, int[] offsets) {
    }

    /** Per protocol, disjoint host ranges by their first port. */
    private final Map<Protocol, TreeMap<Integer, Mapping>> byHostPort = new EnumMap<>(Protocol.class);
    /** Per protocol, disjoint container ranges in order, each with the same host ports' offsets throughout. */
    private Map<Protocol, List<Segment>> segments;

    /** Records published:container; one host port leads to one container port. */
    void add(ServicePort published, ServicePort container, SourcePosition where) {
        if (segments != null) {
            throw new IllegalStateException("the plan is complete");
        }
        Protocol protocol = container.protocol();
        TreeMap<Integer, Mapping> mappings = byHostPort.computeIfAbsent(protocol, p -> new TreeMap<>());
        PortRange host = published.range();
        int offset = container.range().first() - host.first();
        int first = host.first();
        int last = host.last();
        Map.Entry<Integer, Mapping> before = mappings.floorEntry(host.first());
        Integer from = before != null && before.getValue().host().last() >= host.first() ? before.getKey() : host.first();
        for (Mapping earlier : List.copyOf(mappings.subMap(from, true, host.last(), true).values())) {
            if (earlier.offset() != offset) {
                int clash = Math.max(host.first(), earlier.host().first());
                throw new InvalidInputException(where, "host port " + new ServicePort(PortRange.single(clash), protocol)
                        + " is already published to container port "
                        + new ServicePort(PortRange.single(clash + earlier.offset()), protocol) + ", not "
                        + PortRange.single(clash + offset), "Publish each host port to one container port.");
            }
            mappings.remove(earlier.host().first());
            first = Math.min(first, earlier.host().first());
            last = Math.max(last, earlier.host().last());
        }
        mappings.put(first, new Mapping(new PortRange(first, last), offset));
    }

    /**
     * The matches of one rule's ports, the plan being complete. A plain rule matches its container ports after
     * Docker's DNAT, so it would also admit clients of a host port the descriptor publishes onto one of them for
     * other rules ("8443:443" for the office beside "443" for everyone would open 8443 to everyone). Such
     * container ports are matched one by one, each leaving its host ports out; iptables takes one
     * original-port condition per rule, so the host ports left out of one container port must form one range.
     *
     * @param plain container ports, matched after DNAT
     * @param published host ports, matched on the original destination
     */
    List<PortMatch> matches(List<ServicePort> plain, List<ServicePort> published, RuleName rule, SourcePosition where) {
        List<PortMatch> matches = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            List<PortRange> ranges = rangesOf(plain, protocol);
            if (!ranges.isEmpty()) {
                matches.addAll(plainMatches(protocol, ranges, rule, where));
            }
        }
        for (Protocol protocol : Protocol.values()) {
            List<PortRange> ranges = rangesOf(published, protocol);
            if (!ranges.isEmpty()) {
                matches.add(new PortMatch(protocol, PortField.ORIGINAL_DESTINATION, ranges));
            }
        }
        return matches;
    }

    /** The ranges of one protocol, merged; a rule's ports are mostly of one protocol, so no map of them. */
    private static List<PortRange> rangesOf(List<ServicePort> ports, Protocol protocol) {
        List<PortRange> ranges = new ArrayList<>();
        for (ServicePort port : ports) {
            if (port.protocol() == protocol) {
                ranges.add(port.range());
            }
        }
        return ranges.isEmpty() ? ranges : PortBits.merged(ranges);
    }

    private List<PortMatch> plainMatches(Protocol protocol, List<PortRange> ranges, RuleName rule,
            SourcePosition where) {
        List<Segment> published = segments().getOrDefault(protocol, List.of());
        List<PortRange> free = new ArrayList<>();
        List<Segment> covered = new ArrayList<>();
        long coveredPorts = 0;
        for (PortRange range : ranges) {
            int next = range.first();
            for (int i = firstSegmentEndingAtOrAfter(published, range.first()); i < published.size()
                    && published.get(i).ports().first() <= range.last(); i++) {
                Segment segment = published.get(i);
                int first = Math.max(range.first(), segment.ports().first());
                int last = Math.min(range.last(), segment.ports().last());
                if (next < first) {
                    free.add(new PortRange(next, first - 1));
                }
                covered.add(new Segment(new PortRange(first, last), segment.offsets()));
                coveredPorts += last - first + 1;
                if (coveredPorts > MAX_PORTS_LEAVING_HOST_PORTS_OUT) {
                    throw new InvalidInputException(where, "rule '" + rule + "' opens more than "
                            + MAX_PORTS_LEAVING_HOST_PORTS_OUT + " container ports onto which other rules publish host"
                            + " ports; leaving those out takes one iptables rule per container port",
                            "Open those container ports through published ports only (\"8000-8010:80-90\"),"
                                    + " or narrow the rule's plain ports.");
                }
                next = last + 1;
            }
            if (next <= range.last()) {
                free.add(new PortRange(next, range.last()));
            }
        }
        List<PortMatch> matches = new ArrayList<>();
        if (!free.isEmpty()) {
            matches.add(new PortMatch(protocol, PortField.DESTINATION, free));
        }
        for (Segment segment : covered) {
            for (int port = segment.ports().first(); port <= segment.ports().last(); port++) {
                matches.add(new PortMatch(protocol, PortField.DESTINATION, List.of(PortRange.single(port)),
                        Optional.of(hostPortsOnto(port, segment.offsets(), protocol, rule, where))));
            }
        }
        matches.sort(BY_FIRST_PORTS);
        return matches;
    }

    private static PortRange hostPortsOnto(int port, int[] offsets, Protocol protocol, RuleName rule,
            SourcePosition where) {
        int lowest = port - offsets[offsets.length - 1];
        int highest = port - offsets[0];
        if (highest - lowest + 1 != offsets.length) {
            List<PortRange> hostPorts = PortBits.merged(IntStream.of(offsets).mapToObj(o -> PortRange.single(port - o))
                    .toList());
            throw new InvalidInputException(where, "rule '" + rule + "' opens container port "
                    + new ServicePort(PortRange.single(port), protocol)
                    + ", which other rules publish under the separate host ports "
                    + hostPorts.stream().map(PortRange::toString).collect(Collectors.joining(", ")),
                    "iptables can leave only one range of host ports out of a rule: publish those as one range,"
                            + " or open the container port through published ports only (\"443:443\").");
        }
        return new PortRange(lowest, highest);
    }

    private static int firstSegmentEndingAtOrAfter(List<Segment> segments, int port) {
        int low = 0;
        int high = segments.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (segments.get(middle).ports().last() < port) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Sweeps the container ranges once, the plan being complete: where the set of offsets changes, a segment ends. */
    private Map<Protocol, List<Segment>> segments() {
        if (segments == null) {
            segments = new EnumMap<>(Protocol.class);
            byHostPort.forEach((protocol, mappings) -> segments.put(protocol, sweep(mappings.values())));
        }
        return segments;
    }

    private static List<Segment> sweep(java.util.Collection<Mapping> mappings) {
        TreeMap<Integer, List<Mapping>> starts = new TreeMap<>();
        TreeMap<Integer, List<Mapping>> ends = new TreeMap<>();
        for (Mapping mapping : mappings) {
            starts.computeIfAbsent(mapping.container().first(), k -> new ArrayList<>()).add(mapping);
            ends.computeIfAbsent(mapping.container().last() + 1, k -> new ArrayList<>()).add(mapping);
        }
        java.util.TreeSet<Integer> bounds = new java.util.TreeSet<>(starts.keySet());
        bounds.addAll(ends.keySet());
        java.util.TreeMap<Integer, Integer> active = new java.util.TreeMap<>();
        List<Segment> segments = new ArrayList<>();
        Integer previous = null;
        for (int bound : bounds) {
            if (previous != null && !active.isEmpty()) {
                int[] offsets = active.entrySet().stream()
                        .flatMapToInt(e -> IntStream.generate(e::getKey).limit(e.getValue())).toArray();
                segments.add(new Segment(new PortRange(previous, bound - 1), offsets));
            }
            ends.getOrDefault(bound, List.of()).forEach(m -> active.merge(m.offset(), -1, (a, b) -> a + b == 0 ? null : a + b));
            starts.getOrDefault(bound, List.of()).forEach(m -> active.merge(m.offset(), 1, Integer::sum));
            previous = bound;
        }
        return segments;
    }
}
