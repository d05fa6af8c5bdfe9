package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.dockerfile.BuildOptions;
import io.github.fermmavenplugin.net.IpFamily;
import io.github.fermmavenplugin.net.ServicePort;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.BundleIdentity;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What {@code ferm:check} and {@code ferm:bundle} share: the inputs, skipping, and the analysis. */
abstract class AbstractFermMojo extends AbstractMojo {

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

    /** Do nothing. */
    @Parameter(property = "ferm.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: ferm.skip is set.");
            return;
        }
        try {
            run();
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("ferm-maven-plugin failed: " + e + ". This is a defect; please report it"
                    + " with the descriptor and Dockerfile.", e);
        }
    }

    /** The goal's work; a user's mistake is thrown as {@link InvalidInputException}. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    /** Reads descriptor and Dockerfile and checks them against each other; logs what the user should know. */
    final Analysis analyse() throws MojoFailureException {
        BuildOptions build = new BuildOptions(Optional.ofNullable(target).filter(t -> !t.isBlank()), buildArgs());
        Analysis analysis = BundlePipeline.analyse(descriptor.toPath(), dockerfile.toPath(), build,
                project.getArtifactId());
        getLog().info("Firewall of service " + analysis.policy().service() + " (named by "
                + analysis.serviceNameOrigin() + ")");
        if (!analysis.policy().closed().isEmpty()) {
            getLog().info("exposed but closed: " + analysis.policy().closed().stream().map(ServicePort::toString)
                    .collect(Collectors.joining(", ")) + " (no ingress rule opens "
                    + (analysis.policy().closed().size() == 1 ? "it" : "them") + ")");
        }
        if (analysis.policy().ingress().stream().anyMatch(rule -> rule.sources().in(IpFamily.IPV6).isPresent())) {
            getLog().info("IPv6 ingress rules need Docker 23 or later: Docker 20.10 to 22 make no ip6tables"
                    + " DOCKER-USER, so there every IPv6 client reaches the published ports (README: support matrix)");
        }
        return analysis;
    }

    final List<BundleFile> render(Analysis analysis) {
        return BundlePipeline.render(analysis, new BundleIdentity(
                new MavenCoordinates(project.getGroupId(), project.getArtifactId(), project.getVersion()),
                plugin.getVersion(), project.getBasedir().toPath()));
    }

    private Map<String, String> buildArgs() throws MojoFailureException {
        if (buildArgs == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> arg : buildArgs.entrySet()) {
            if (arg.getValue() == null) {
                throw new MojoFailureException("buildArgs: '" + arg.getKey() + "' has no value. Give it one, as"
                        + " --build-arg NAME=value does, or remove it.");
            }
        }
        return buildArgs;
    }
}
