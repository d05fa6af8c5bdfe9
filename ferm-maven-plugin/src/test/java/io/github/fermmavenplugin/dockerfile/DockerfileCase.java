package io.github.fermmavenplugin.dockerfile;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the Dockerfile semantics table: a small Dockerfile, what the build is told, and what BuildKit would
 * make of it (the exposed ports, or the error and its line).
 *
 * @param semantic what the row pins, shown as the test name
 * @param expectedPorts "80/tcp 53/udp" in ImageMetadata order, or empty when an error is expected
 * @param errorLine the line the error must name (0: the whole file)
 * @param errorFragment text the error's message must contain
 */
record DockerfileCase(String semantic, String dockerfile, Map<String, String> buildArgs, Optional<String> target,
        Optional<String> expectedPorts, int errorLine, String errorFragment, Map<String, String> expectedLabels,
        Optional<String> expectedStage) {

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static DockerfileCase exposes(String semantic, String dockerfile, String ports) {
        return new DockerfileCase(semantic, dockerfile, Map.of(), Optional.empty(), Optional.of(ports), 0, "",
                Map.of(), Optional.empty());
    }

    static DockerfileCase fails(String semantic, String dockerfile, int line, String fragment) {
        return new DockerfileCase(semantic, dockerfile, Map.of(), Optional.empty(), Optional.empty(), line, fragment,
                Map.of(), Optional.empty());
    }

    /** "NAME=value" pairs, as --build-arg takes them. */
    DockerfileCase args(String... pairs) {
        Map<String, String> args = new LinkedHashMap<>();
        Arrays.stream(pairs).forEach(pair -> {
            int equals = pair.indexOf('=');
            args.put(pair.substring(0, equals), pair.substring(equals + 1));
        });
        return new DockerfileCase(semantic, dockerfile, args, target, expectedPorts, errorLine, errorFragment,
                expectedLabels, expectedStage);
    }

    DockerfileCase target(String stage) {
        return new DockerfileCase(semantic, dockerfile, buildArgs, Optional.of(stage), expectedPorts, errorLine,
                errorFragment, expectedLabels, expectedStage);
    }

    /** "key=value" pairs the image's labels must contain. */
    DockerfileCase labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(pairs).forEach(pair -> {
            int equals = pair.indexOf('=');
            labels.put(pair.substring(0, equals), pair.substring(equals + 1));
        });
        return new DockerfileCase(semantic, dockerfile, buildArgs, target, expectedPorts, errorLine, errorFragment,
                labels, expectedStage);
    }

    DockerfileCase stage(String stage) {
        return new DockerfileCase(semantic, dockerfile, buildArgs, target, expectedPorts, errorLine, errorFragment,
                expectedLabels, Optional.of(stage));
    }

    List<String> expectedPortList() {
        return expectedPorts.filter(ports -> !ports.isBlank()).map(ports -> List.of(ports.trim().split(" +")))
                .orElse(List.of());
    }

    @Override
    public String toString() {
        return semantic;
    }
}
