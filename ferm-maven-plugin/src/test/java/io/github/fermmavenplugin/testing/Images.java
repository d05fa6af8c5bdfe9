package io.github.fermmavenplugin.testing;

import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Image metadata as a Dockerfile would give it, for tests of what comes after the Dockerfile. */
public final class Images {

    private Images() {
    }

    /** @param ports as EXPOSE writes them: "80", "53/udp", "8000-8010/tcp" */
    public static ImageMetadata exposing(String... ports) {
        return new ImageMetadata("runtime", Arrays.stream(ports).map(Images::exposed).toList(), new TreeMap<>());
    }

    public static ImageMetadata labelled(Map<String, String> labels, String... ports) {
        return new ImageMetadata("runtime", Arrays.stream(ports).map(Images::exposed).toList(), new TreeMap<>(labels));
    }

    private static ServicePort exposed(String text) {
        String[] parts = text.split("/");
        Protocol protocol = parts.length > 1 ? Protocol.parse(parts[1]).orElseThrow() : Protocol.TCP;
        String[] ends = parts[0].split("-");
        PortRange range = new PortRange(Integer.parseInt(ends[0]), Integer.parseInt(ends[ends.length - 1]));
        return new ServicePort(range, protocol);
    }
}
