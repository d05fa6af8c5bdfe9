package io.github.fermmavenplugin.aggregate;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.bundle.Grant;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the bundles of a host's services into one host bundle that extracts into {@code /etc/ferm}
 * as the service bundles would one after the other, and refuses every combination that would not:
 * each refusal names both bundles.
 */
public final class HostAggregator {

    private HostAggregator() {
    }

    /** A host bundle: its files, its manifest among them. */
    public record HostBundle(List<BundleFile> files, HostManifest manifest) {
    }

    /**
     * @param host the host project's artifactId, coordinates and the plugin version, for the host manifest
     * @throws InvalidInputException for one service twice, a shared file two bundles hold with other bytes,
     *     or a host port two services publish
     */
    public static HostBundle aggregate(List<ServiceBundle> services, String host, MavenCoordinates maven,
            String pluginVersion) {
        List<ServiceBundle> sorted = services.stream().sorted(Comparator.comparing(ServiceBundle::service)).toList();
        requireDistinctServices(sorted);
        Map<String, BundleFile> files = new LinkedHashMap<>();
        Map<String, ServiceBundle> fileOrigins = new LinkedHashMap<>();
        for (ServiceBundle service : sorted) {
            for (BundleFile file : service.files()) {
                BundleFile earlier = files.putIfAbsent(file.path(), file);
                if (earlier == null) {
                    fileOrigins.put(file.path(), service);
                } else if (!earlier.equals(file)) {
                    throw conflictingFile(file.path(), fileOrigins.get(file.path()), service);
                }
            }
        }
        requireDistinctPublishedPorts(sorted);
        List<BundleFile> merged = new ArrayList<>(files.values());
        List<HostManifest.Service> entries = sorted.stream()
                .map(s -> new HostManifest.Service(s.service(), s.manifest().maven(), s.sha256(),
                        BundleManifest.pathFor(s.service())))
                .toList();
        HostManifest manifest = new HostManifest(host, maven, pluginVersion, entries, BundleManifest.digestsOf(merged));
        merged.add(manifest.toBundleFile());
        return new HostBundle(List.copyOf(merged), manifest);
    }

    private static void requireDistinctServices(List<ServiceBundle> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            ServiceBundle first = sorted.get(i - 1);
            ServiceBundle second = sorted.get(i);
            if (first.service().equals(second.service())) {
                throw new InvalidInputException(SourcePosition.wholeFile(second.archive()),
                        "service " + second.service() + " comes from two bundles: " + first.origin() + " ("
                                + first.archive() + ") and " + second.origin() + " (" + second.archive() + ")",
                        "A host runs each service once: aggregate one of them, or give the other service"
                                + " its own name ('service:' in its firewall.yaml).");
            }
        }
    }

    /** Only a shared file can come from two bundles: every other is named for its one service. */
    private static InvalidInputException conflictingFile(String path, ServiceBundle first, ServiceBundle second) {
        return new InvalidInputException(SourcePosition.wholeFile(second.archive()),
                path + " differs between " + first.describe() + " and " + second.describe() + ": their firewall.yaml"
                        + " differ in the docker section (mode, bridge, external), in swarm or in defaults, or they"
                        + " were built by other plugin versions",
                "Give every service of one host the same docker:, swarm: and defaults: sections, and build them"
                        + " with one plugin version.");
    }

    private static void requireDistinctPublishedPorts(List<ServiceBundle> sorted) {
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                for (ServicePort a : publishedPorts(sorted.get(i))) {
                    for (ServicePort b : publishedPorts(sorted.get(j))) {
                        if (a.protocol() == b.protocol() && a.range().overlaps(b.range())) {
                            throw new InvalidInputException(SourcePosition.wholeFile(sorted.get(j).archive()),
                                    "host port " + (a.equals(b) ? a : a + " and " + b) + " published by both "
                                            + sorted.get(i).describe() + " and " + sorted.get(j).describe(),
                                    "Docker forwards a host port to one container only: publish one of the"
                                            + " services on another host port ('host:container' in its ports).");
                        }
                    }
                }
            }
        }
    }

    private static List<ServicePort> publishedPorts(ServiceBundle service) {
        return service.grants().stream().filter(Grant::published).map(Grant::port).distinct().toList();
    }
}
