package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.ferm.RuleBudget;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.AnalysisParameters;
import io.github.fermmavenplugin.pipeline.BundleIdentity;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/** What {@code ferm:check} and {@code ferm:bundle} share: descriptor and Dockerfile in, the analysis out. */
abstract class AbstractFermMojo extends FermMojo {

    static final String DEFAULT_DESCRIPTOR = "firewall.yaml";

    /** The firewall descriptor. */
    @Parameter(property = "ferm.descriptor", defaultValue = "${project.basedir}/" + DEFAULT_DESCRIPTOR)
    File descriptor;

    /** The image's Dockerfile, whose EXPOSE every container port must match. */
    @Parameter(property = "ferm.dockerfile", defaultValue = "${project.basedir}/Dockerfile")
    File dockerfile;

    /** The Dockerfile stage to read, as {@code docker build --target}; the last stage when not set. */
    @Parameter(property = "ferm.target")
    String target;

    /** As {@code docker build --build-arg}: values that override the Dockerfile's ARG defaults. */
    @Parameter
    Map<String, String> buildArgs;

    /** The most iptables rules the bundle may make; more is an error at the rule that crosses it. */
    @Parameter(property = "ferm.maxRules", defaultValue = "" + RuleBudget.DEFAULT_MAX_RULES)
    int maxRules = RuleBudget.DEFAULT_MAX_RULES;

    /**
     * A parent POM that declares the plugin for its modules has no firewall of its own: in {@code pom} packaging,
     * a missing {@code firewall.yaml} at the default place means there is nothing to do. A descriptor named
     * elsewhere must exist, so that a typo in its path is not taken for a parent.
     */
    @Override
    final Optional<String> nothingToDo() {
        Path descriptorPath = descriptor.toPath().toAbsolutePath().normalize();
        Path defaultPath = project.getBasedir().toPath().toAbsolutePath().normalize().resolve(DEFAULT_DESCRIPTOR);
        if ("pom".equals(project.getPackaging()) && descriptorPath.equals(defaultPath) && !Files.exists(descriptorPath)) {
            return Optional.of("Skipping: this pom module has no " + DEFAULT_DESCRIPTOR + " (a parent declaring the"
                    + " plugin for its modules); add one to give it a firewall.");
        }
        return Optional.empty();
    }

    /** The inputs both goals read, parsed from the parameters: a user's mistake in them stops the build here. */
    final AnalysisParameters analysisParameters() {
        return AnalysisParameters.parse(descriptor.toPath(), dockerfile.toPath(), target, buildArgs,
                project.getArtifactId(), maxRules);
    }

    /** Reads descriptor and Dockerfile and checks them against each other; logs what the user should know. */
    final Analysis analyse(AnalysisParameters parameters) {
        Analysis analysis = BundlePipeline.analyse(parameters);
        String naming = "Service " + analysis.policy().service() + " (named by " + analysis.serviceNameOrigin() + ")";
        if (!analysis.serviceNamedByDescriptor()) {
            getLog().info(naming);
        } else {
            getLog().debug(naming);
        }
        getLog().debug("Dockerfile " + parameters.dockerfile() + ": stage " + analysis.image().stage() + " ("
                + parameters.build().target().map(t -> "ferm.target " + t).orElse("the last one") + ") exposes "
                + analysis.image().ports());
        analysis.image().exposeExpansions().forEach(getLog()::debug);
        analysis.closedPortsNote().ifPresent(getLog()::info);
        analysis.ipv6Note().ifPresent(getLog()::info);
        return analysis;
    }

    final BundleIdentity identity() {
        return new BundleIdentity(
                new MavenCoordinates(project.getGroupId(), project.getArtifactId(), project.getVersion()),
                plugin.getVersion(), project.getBasedir().toPath());
    }

    final List<BundleFile> render(Analysis analysis) {
        return BundlePipeline.render(analysis, identity());
    }
}
