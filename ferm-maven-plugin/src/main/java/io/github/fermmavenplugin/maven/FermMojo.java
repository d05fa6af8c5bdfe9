package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.ferm.FermCheck.FermRejectedException;
import io.github.fermmavenplugin.ferm.FermCheck.FermTimeoutException;
import io.github.fermmavenplugin.pipeline.BundleIdentity;
import io.github.fermmavenplugin.pipeline.BundleTarget;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: skipping, and the one place where what the core throws becomes what Maven
 * reports, so that no goal lets a user's mistake, or a fault of ours, out as anything but a one-line message.
 */
abstract class FermMojo extends AbstractMojo {

    /** Skip the goal: nothing is read, written or attached. */
    @Parameter(property = "ferm.skip", defaultValue = "false")
    boolean skip;

    /** The project whose firewall this is: its coordinates name the bundle, its basedir anchors relative paths. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** This plugin, whose version every bundle's manifest records. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info(skipNote());
            return;
        }
        try {
            Optional<String> idle = nothingToDo();
            if (idle.isPresent()) {
                getLog().info(idle.get());
                return;
            }
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
    abstract void run() throws MojoExecutionException, MojoFailureException;

    /** What the log says when ferm.skip is set. */
    String skipNote() {
        return "Skipping: ferm.skip is set.";
    }

    /**
     * The skip note of a goal that attaches an archive: nothing is attached, not even the archive an earlier build
     * left in the build directory, which a user could take install and deploy to publish.
     */
    final String skipNoteOfAttachingGoal(String what, File outputDirectory, String finalName, String classifier) {
        String note = "Skipping: ferm.skip is set; no " + what + " is attached.";
        try {
            Path archive = BundleTarget.of(outputDirectory.toPath(), finalName, classifier).archive();
            if (Files.exists(archive)) {
                note += " " + BundleIdentity.relative(project.getBasedir().toPath(), archive)
                        + ", left by an earlier build, is not attached either.";
            }
        } catch (InvalidInputException e) {
            // A classifier or finalName that names no archive names none an earlier build could have left.
        }
        return note;
    }

    /** Why this project has nothing for the goal to do, as for a parent POM that declares it for its modules. */
    Optional<String> nothingToDo() {
        return Optional.empty();
    }
}
