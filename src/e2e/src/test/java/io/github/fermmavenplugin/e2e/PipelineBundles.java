package io.github.fermmavenplugin.e2e;

import io.github.fermmavenplugin.e2e.harness.Bundle;
import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleLayout;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.dockerfile.BuildOptions;
import io.github.fermmavenplugin.ferm.RuleBudget;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.AnalysisParameters;
import io.github.fermmavenplugin.pipeline.BundleIdentity;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Bundles rendered by the plugin's own pipeline ({@link BundlePipeline}) from the test descriptors in
 * {@code descriptors/<service>/} ({@code firewall-bridge.yaml} or {@code firewall-swarm.yaml}, and a
 * {@code Dockerfile}), with the scenario's bridge and default action filled in. The manifest dot-file is
 * extracted too, as on a real host; ferm skips it.
 */
final class PipelineBundles implements Scenario.BundleSource {

    @Override
    public String label() {
        return "plugin";
    }

    @Override
    public Bundle render(Scenario scenario, String service) {
        String mode = scenario.mode().name().toLowerCase(Locale.ROOT);
        String descriptor = Bundle.resource("descriptors/" + service + "/firewall-" + mode + ".yaml")
                .replace("@BRIDGE@", scenario.network().bridge())
                .replace("@ACTION@", scenario.action().name().toLowerCase(Locale.ROOT));
        return render(service, descriptor, Bundle.resource("descriptors/" + service + "/Dockerfile"));
    }

    /** Runs the pipeline on a descriptor and a Dockerfile given as text. */
    static Bundle render(String service, String descriptor, String dockerfile) {
        Path project = null;
        try {
            project = Files.createTempDirectory("ferm-e2e-project-");
            Path descriptorFile = Files.writeString(project.resolve("firewall.yaml"), descriptor);
            Path dockerfileFile = Files.writeString(project.resolve("Dockerfile"), dockerfile);
            Analysis analysis = BundlePipeline.analyse(new AnalysisParameters(descriptorFile, dockerfileFile,
                    BuildOptions.DEFAULT, service, RuleBudget.DEFAULT_MAX_RULES));
            BundleIdentity identity = new BundleIdentity(
                    new MavenCoordinates("io.github.fermmavenplugin.e2e", service, "1.0"), "e2e", project);
            Map<String, String> files = new TreeMap<>();
            for (BundleFile file : BundlePipeline.render(analysis, identity)) {
                files.put(file.path().substring(BundleLayout.FERM_DIRECTORY.length()),
                        new String(file.content(), StandardCharsets.UTF_8));
            }
            return new Bundle(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(project);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing a test for.
        }
    }
}
