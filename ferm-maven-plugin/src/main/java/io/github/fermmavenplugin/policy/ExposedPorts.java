package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The ports the image exposes, by protocol, and how the rules cover them. */
final class ExposedPorts {

    private final ImageMetadata image;
    private final List<ServicePort> all;
    private final Map<Protocol, BitSet> byProtocol = new EnumMap<>(Protocol.class);

    ExposedPorts(ImageMetadata image, List<ServicePort> inherited) {
        this.image = image;
        this.all = Stream.concat(image.ports().stream(), inherited.stream()).distinct().sorted().toList();
        all.forEach(port -> bits(port.protocol()).set(port.range().first(), port.range().last() + 1));
    }

    List<ServicePort> all() {
        return all;
    }

    void requireExposed(ServicePort port, SourcePosition where) {
        BitSet exposed = bits(port.protocol());
        int firstClosed = exposed.nextClearBit(port.range().first());
        if (firstClosed <= port.range().last()) {
            String what = port.range().isSingle() ? "container port " + port : "container port "
                    + firstClosed + "/" + port.protocol() + " of " + port;
            throw new InvalidInputException(where, what + " is not exposed by the Dockerfile (stage "
                    + image.stage() + ")", (all.isEmpty() ? "The image exposes no port."
                            : "It exposes " + all.stream().map(ServicePort::toString).collect(Collectors.joining(", "))
                                    + ".")
                            + " Add an EXPOSE, list the port under docker.inherited if the base image exposes it,"
                            + " or correct the rule.");
        }
    }

    /** Exposed ports, as ranges, that none of the opened container ports covers. */
    List<ServicePort> notOpened(List<ServicePort> opened) {
        List<ServicePort> closed = new ArrayList<>();
        byProtocol.forEach((protocol, exposed) -> {
            BitSet rest = (BitSet) exposed.clone();
            rest.andNot(PortBits.of(opened.stream().filter(p -> p.protocol() == protocol).map(ServicePort::range)
                    .toList()));
            PortBits.ranges(rest).forEach(range -> closed.add(new ServicePort(range, protocol)));
        });
        return closed.stream().sorted().toList();
    }

    private BitSet bits(Protocol protocol) {
        return byProtocol.computeIfAbsent(protocol, p -> new BitSet());
    }
}
