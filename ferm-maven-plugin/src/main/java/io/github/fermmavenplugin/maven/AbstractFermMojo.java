package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.ferm.FermCheck.FermRejectedException;
import io.github.fermmavenplugin.ferm.FermCheck.FermTimeoutException;
import io.github.fermmavenplugin.ferm.RuleBudget;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.AnalysisParameters;
import io.github.fermmavenplugin.pipeline.BundleIdentity;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code ferm:check} and {@code ferm:bundle} share: the inputs, skipping, the analysis, and the one
 * place where what the core throws becomes what Maven reports.
 */
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

    /** The most iptables rules the bundle may make; more is an error at the rule that crosses it. */
    @Parameter(property = "ferm.maxRules", defaultValue = "" + RuleBudget.DEFAULT_MAX_RULES)
    int maxRules = RuleBudget.DEFAULT_MAX_RULES;

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
        } catch (FermTimeoutException e) {
            throw new MojoExecutionException(e.getMessage() + " The bundle is not written. Run the build again on a"
                    + " less loaded machine, or set ferm.verify to false to skip the check.");
        } catch (FermRejectedException e) {
            throw new MojoExecutionException(e.getMessage() + " This is a defect of ferm-maven-plugin or of this"
                    + " ferm version; please report it with the descriptor.");
        } catch (StackOverflowError e) {
            throw new MojoExecutionException("ferm-maven-plugin ran out of stack on these inputs (nesting too deep)."
                    + " Flatten the descriptor's groups, or give Maven a larger stack (MAVEN_OPTS=-Xss16m).");
        } catch (OutOfMemoryError e) {
            throw new MojoExecutionException("ferm-maven-plugin ran out of memory on these inputs. Make the"
                    + " descriptor smaller, lower ferm.maxRules, or give Maven more memory (MAVEN_OPTS=-Xmx2g).");
        } catch (RuntimeException e) {
            throw new MojoExecutionException("ferm-maven-plugin failed: " + e + ". This is a defect; please report"
                    + " it with the descriptor and Dockerfile.", e);
        }
    }

    /** The goal's work; a user's mistake is thrown as {@link InvalidInputException}. */
    abstract void run() throws MojoExecutionException;

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
