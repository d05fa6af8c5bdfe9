package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a stage has built so far: the variables its instructions expand with (ENV and ARG in one map, the later
 * declaration winning, as BuildKit keeps them), the exposed ports and the labels. A stage built FROM another goes on
 * with that stage's state.
 */
final class ImageState {

    private final Map<String, String> variables;
    private final Map<ServicePort, SourcePosition> exposed;
    private final Map<String, String> labels;

    private ImageState(Map<String, String> variables, Map<ServicePort, SourcePosition> exposed,
            Map<String, String> labels) {
        this.variables = new LinkedHashMap<>(variables);
        this.exposed = new LinkedHashMap<>(exposed);
        this.labels = new TreeMap<>(labels);
    }

    static ImageState empty() {
        return new ImageState(Map.of(), Map.of(), Map.of());
    }

    /**
     * A read-only view. Callers expand every word of an instruction before they set anything, so that all its
     * expansions see the state from before it, as BuildKit's do.
     */
    Map<String, String> variables() {
        return Collections.unmodifiableMap(variables);
    }

    void setVariable(String name, String value) {
        variables.put(name, value);
    }

    void setLabel(String name, String value) {
        labels.put(name, value);
    }

    /** The first EXPOSE of a port is where it was declared. */
    void expose(ServicePort port, SourcePosition declaredAt) {
        exposed.putIfAbsent(port, declaredAt);
    }

    /** Ports inside another exposed range of the same protocol are left out: the range already opens them. */
    ImageMetadata toMetadata(String stage) {
        List<ServicePort> byStart = new ArrayList<>(exposed.keySet());
        byStart.sort(Comparator.comparing(ServicePort::protocol)
                .thenComparingInt(port -> port.range().first())
                .thenComparing(port -> -port.range().last()));
        List<ExposedPort> ports = new ArrayList<>();
        Protocol protocol = null;
        int furthestLast = 0;
        for (ServicePort port : byStart) {
            if (port.protocol() != protocol) {
                protocol = port.protocol();
                furthestLast = 0;
            }
            if (port.range().last() > furthestLast) {
                ports.add(new ExposedPort(port, exposed.get(port)));
                furthestLast = port.range().last();
            }
        }
        return new ImageMetadata(stage, ports, new TreeMap<>(labels));
    }
}
