package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a stage has built so far: the variables its instructions expand with (ENV and ARG values in one map, the later
 * declaration winning, as BuildKit keeps them), the image's ENV apart from them, the exposed ports and the labels. A
 * stage built FROM another goes on with that stage's state, see {@link #startStageBuiltFromThis()}.
 */
final class ImageState {

    private final Map<String, String> variables;
    /** Only what ENV set: the image's environment, which a stage built FROM this one lays over the variables. */
    private final Map<String, String> environment;
    private final Set<ServicePort> exposed;
    private final Map<String, String> labels;
    /** Which ARG and ENV values the EXPOSE lines used, for the debug log. */
    private final List<String> exposeExpansions;

    private ImageState(Map<String, String> variables, Map<String, String> environment,
            Set<ServicePort> exposed, Map<String, String> labels, List<String> exposeExpansions) {
        this.variables = new LinkedHashMap<>(variables);
        this.environment = new LinkedHashMap<>(environment);
        this.exposed = new LinkedHashSet<>(exposed);
        this.labels = new TreeMap<>(labels);
        this.exposeExpansions = new ArrayList<>(exposeExpansions);
    }

    static ImageState empty() {
        return new ImageState(Map.of(), Map.of(), Set.of(), Map.of(), List.of());
    }

    /**
     * A read-only view. Callers expand every word of an instruction before they set anything, so that all its
     * expansions see the state from before it, as BuildKit's do.
     */
    Map<String, String> variables() {
        return Collections.unmodifiableMap(variables);
    }

    /** An ARG value: a variable of this stage and the stages built FROM it, but not part of the image's ENV. */
    void setArgument(String name, String value) {
        variables.put(name, value);
    }

    void setEnvironment(String name, String value) {
        variables.put(name, value);
        environment.put(name, value);
    }

    /**
     * The state a stage built FROM this one starts with. BuildKit hands the child the parent's variables, ARG
     * values included, and then sets the parent image's ENV over them again, so an ENV wins over a later ARG of the
     * same name in the child although the ARG won in the parent.
     */
    ImageState startStageBuiltFromThis() {
        ImageState child = new ImageState(variables, environment, exposed, labels, exposeExpansions);
        child.variables.putAll(environment);
        return child;
    }

    void setLabel(String name, String value) {
        labels.put(name, value);
    }

    void expose(ServicePort port) {
        exposed.add(port);
    }

    /** "Dockerfile:7:8: EXPOSE '${PORT}' used PORT='8081'". */
    void noteExposeExpansion(String note) {
        exposeExpansions.add(note);
    }

    /** Ports inside another exposed range of the same protocol are left out: the range already opens them. */
    ImageMetadata toMetadata(String stage) {
        List<ServicePort> byStart = new ArrayList<>(exposed);
        byStart.sort(Comparator.comparing(ServicePort::protocol)
                .thenComparingInt(port -> port.range().first())
                .thenComparing(port -> -port.range().last()));
        List<ServicePort> ports = new ArrayList<>();
        Protocol protocol = null;
        int furthestLast = 0;
        for (ServicePort port : byStart) {
            if (port.protocol() != protocol) {
                protocol = port.protocol();
                furthestLast = 0;
            }
            if (port.range().last() > furthestLast) {
                ports.add(port);
                furthestLast = port.range().last();
            }
        }
        return new ImageMetadata(stage, ports, new TreeMap<>(labels), exposeExpansions);
    }
}
