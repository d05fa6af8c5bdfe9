package io.github.fermmavenplugin.e2e.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The files of a ferm.d bundle, by name (without the {@code ferm.d/} prefix), as a service would ship them.
 */
public record Bundle(Map<String, String> files) {

    public Bundle {
        files = Map.copyOf(files);
    }

    /**
     * Extracts several bundles into one ferm.d, as ops do on a host running several services: the shared files
     * must be byte-identical, or the bundles do not compose.
     */
    public static Bundle compose(Bundle... bundles) {
        Map<String, String> merged = new TreeMap<>();
        for (Bundle bundle : bundles) {
            bundle.files.forEach((name, text) -> {
                String previous = merged.putIfAbsent(name, text);
                if (previous != null && !previous.equals(text)) {
                    throw new IllegalArgumentException("bundles disagree on " + name);
                }
            });
        }
        return new Bundle(merged);
    }

    /**
     * A hand-written bundle from the test resources ({@code bundles/<directory>/} plus the shared
     * {@code 00-docker.ferm} and {@code 99-docker.ferm}), with {@code @BRIDGE@} and {@code @ACTION@} filled in.
     * Shaped like the plugin's output; kept as a reference the plugin's own bundles are compared against.
     */
    public static Bundle handWritten(String directory, String serviceFile, String hostFile, String bridge, String action) {
        Map<String, String> files = new TreeMap<>();
        files.put("00-docker.ferm", resource("bundles/00-docker.ferm"));
        files.put(serviceFile, resource("bundles/" + directory + "/" + serviceFile));
        if (hostFile != null) {
            files.put(hostFile, resource("bundles/" + directory + "/" + hostFile));
        }
        files.put("99-docker.ferm", resource("bundles/99-docker.ferm"));
        files.replaceAll((name, text) -> text.replace("@BRIDGE@", bridge).replace("@ACTION@", action));
        return new Bundle(files);
    }

    public static String resource(String path) {
        try (InputStream in = Objects.requireNonNull(Bundle.class.getClassLoader().getResourceAsStream(path),
                "missing test resource " + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
