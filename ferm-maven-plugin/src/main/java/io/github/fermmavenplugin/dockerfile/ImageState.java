package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a stage has built so far: the variables its instructions expand with (ENV and ARG in one map, the later
 * declaration winning, as BuildKit keeps them), the exposed ports and the labels. A stage built FROM another starts
 * with a copy of that stage's state.
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

    ImageState copy() {
        return new ImageState(variables, exposed, labels);
    }

    /** A snapshot: expansions within one instruction all see the state from before it. */
    Map<String, String> variables() {
        return Map.copyOf(variables);
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

    ImageMetadata toMetadata(String stage) {
        List<ExposedPort> ports = new ArrayList<>();
        for (Map.Entry<ServicePort, SourcePosition> entry : exposed.entrySet()) {
            boolean insideAnother = exposed.keySet().stream()
                    .anyMatch(other -> !other.equals(entry.getKey()) && other.contains(entry.getKey()));
            if (!insideAnother) {
                ports.add(new ExposedPort(entry.getKey(), entry.getValue()));
            }
        }
        return new ImageMetadata(stage, ports, new TreeMap<>(labels));
    }
}
