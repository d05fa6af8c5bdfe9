package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.ferm.RuleBudget;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.AnalysisParameters;
import io.github.fermmavenplugin.pipeline.BundleIdentity;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** What {@code ferm:check} and {@code ferm:bundle} share: descriptor and Dockerfile in, the analysis out. */
abstract class AbstractFermMojo extends FermMojo {

    /** The firewall descriptor. */
    @Parameter(property = "ferm.descriptor", defaultValue = "${project.basedir}/firewall.yaml")
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

    /** The inputs both goals read, parsed from the parameters: a user's mistake in them stops the build here. */
    final AnalysisParameters analysisParameters() {
        return AnalysisParameters.parse(descriptor.toPath(), dockerfile.toPath(), target, buildArgs,
                project.getArtifactId(), maxRules);
    }

    /** Reads descriptor and Dockerfile and checks them against each other; logs what the user should know. */
    final Analysis analyse(AnalysisParameters parameters) {
        Analysis analysis = BundlePipeline.analyse(parameters);
        getLog().info("Firewall of service " + analysis.policy().service() + " (named by "
                + analysis.serviceNameOrigin() + ")");
        analysis.closedPortsNote().ifPresent(getLog()::info);
        analysis.ipv6Note().ifPresent(getLog()::info);
        return analysis;
    }

    final List<BundleFile> render(Analysis analysis) {
        return BundlePipeline.render(analysis, new BundleIdentity(
                new MavenCoordinates(project.getGroupId(), project.getArtifactId(), project.getVersion()),
                plugin.getVersion(), project.getBasedir().toPath()));
    }
}
