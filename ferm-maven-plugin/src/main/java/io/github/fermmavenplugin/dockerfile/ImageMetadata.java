package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.net.ServicePort;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the firewall needs to know of the image the Dockerfile builds for the chosen stage.
 *
 * @param stage the chosen stage's name, or its 0-based index as text when it has none
 * @param ports the exposed ports, sorted by port, each port once
 * @param labels the image's labels, ARG and ENV expanded
 * @param exposeExpansions for the debug log, each EXPOSE word that used ARG or ENV values and the values it used
 */
public record ImageMetadata(String stage, List<ServicePort> ports, SortedMap<String, String> labels,
        List<String> exposeExpansions) {

    public ImageMetadata {
        ports = ports.stream().sorted().toList();
        labels = new TreeMap<>(labels);
        exposeExpansions = List.copyOf(exposeExpansions);
    }

    public ImageMetadata(String stage, List<ServicePort> ports, SortedMap<String, String> labels) {
        this(stage, ports, labels, List.of());
    }

    /** The OCI annotation for a human-readable image title, a default for names in the bundle. */
    public static final String OCI_TITLE = "org.opencontainers.image.title";

    /** One label's value; {@code label(OCI_TITLE)} for the image's title. */
    public Optional<String> label(String name) {
        return Optional.ofNullable(labels.get(name));
    }

    @Override
    public SortedMap<String, String> labels() {
        return new TreeMap<>(labels);
    }
}
