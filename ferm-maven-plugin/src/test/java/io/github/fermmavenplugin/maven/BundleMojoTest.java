package io.github.fermmavenplugin.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals as Maven wires them: parameters from a POM's configuration and the mojo descriptor's
 * defaults, a real {@link MavenProject} and the real {@code MavenProjectHelper}.
 */
@MojoTest
class BundleMojoTest {

    private static final String POM = "classpath:/mojo-project/pom.xml";

    @TempDir
    Path basedir;

    private MavenProject project;

    /** The harness's own project is a mock that knows only its basedir; attaching needs a real one. */
    @Provides
    MavenProject project() {
        copyFromClasspath("pom.xml", "firewall.yaml", "Dockerfile");
        project = new MavenProject();
        project.setGroupId("it.ferm");
        project.setArtifactId("mojo-wiring");
        project.setVersion("1.0");
        project.setPackaging("pom");
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(basedir.resolve("target").toString());
        project.getBuild().setFinalName("mojo-wiring-1.0");
        project.setArtifact(new DefaultArtifact("it.ferm", "mojo-wiring", "1.0", null, "pom", null,
                new DefaultArtifactHandler("pom")));
        return project;
    }

    @Test
    @InjectMojo(goal = "bundle", pom = POM)
    void writesTheBundleAndAttachesTheArchive(BundleMojo mojo) throws Exception {
        mojo.execute();

        Path archive = basedir.resolve("target/mojo-wiring-1.0-ferm.tar.gz");
        assertThat(archive).isRegularFile();
        Path rules = basedir.resolve("target/ferm/ferm.d/20-in.docker.wiring.ferm");
        // 8081 comes from buildArgs; the stage 'runtime' (target) does not expose the debug port.
        assertThat(Files.readString(rules)).contains("dport 8081").doesNotContain("5005");
        assertThat(basedir.resolve("target/ferm/ferm.d/.wiring.bundle.json")).isRegularFile();

        List<Artifact> attached = project.getAttachedArtifacts();
        assertThat(attached).hasSize(1);
        Artifact bundle = attached.get(0);
        assertThat(bundle.getClassifier()).isEqualTo("ferm");
        assertThat(bundle.getType()).isEqualTo("tar.gz");
        assertThat(bundle.getFile().toPath()).isEqualTo(archive);
        assertThat(bundle.getId()).isEqualTo("it.ferm:mojo-wiring:tar.gz:ferm:1.0");
    }

    @Test
    @InjectMojo(goal = "bundle", pom = POM)
    void attachingTheSameClassifierTwiceFailsBeforeWritingAnything(BundleMojo mojo) throws Exception {
        mojo.execute();
        Path archive = basedir.resolve("target/mojo-wiring-1.0-ferm.tar.gz");
        long firstWrite = Files.getLastModifiedTime(archive).toMillis();
        Files.setLastModifiedTime(archive, FileTime.fromMillis(firstWrite - 60_000));

        assertUserError(mojo)
                .hasMessage("An artifact with classifier 'ferm' and type tar.gz is already attached to"
                        + " it.ferm:mojo-wiring:pom:1.0. Give this execution another 'classifier'.");
        assertThat(project.getAttachedArtifacts()).hasSize(1);
        // The first execution's archive, which is the attached one, is left as it was.
        assertThat(Files.getLastModifiedTime(archive).toMillis()).isEqualTo(firstWrite - 60_000);
    }

    @Test
    @InjectMojo(goal = "bundle", pom = POM)
    @MojoParameter(name = "classifier", value = "firewall")
    void theClassifierNamesTheArchiveAndTheAttachment(BundleMojo mojo) throws Exception {
        mojo.execute();

        assertThat(basedir.resolve("target/mojo-wiring-1.0-firewall.tar.gz")).isRegularFile();
        assertThat(project.getAttachedArtifacts()).extracting(Artifact::getClassifier).containsExactly("firewall");
    }

    @Test
    @InjectMojo(goal = "bundle", pom = POM)
    @MojoParameter(name = "attach", value = "false")
    void attachFalseWritesButDoesNotAttach(BundleMojo mojo) throws Exception {
        mojo.execute();

        assertThat(basedir.resolve("target/mojo-wiring-1.0-ferm.tar.gz")).isRegularFile();
        assertThat(project.getAttachedArtifacts()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "bundle", pom = POM)
    @MojoParameter(name = "verify", value = "bogus")
    void anUnknownVerifyModeFailsClearlyAndWritesNothing(BundleMojo mojo) {
        assertUserError(mojo)
                .hasMessage("ferm.verify is 'bogus'. Use auto, true or false.");
        assertNothingWritten();
    }

    @Test
    @InjectMojo(goal = "bundle", pom = POM)
    void anyFailureLeavesNoBundleOfAnEarlierBuild(BundleMojo mojo) throws Exception {
        mojo.execute();
        project.getAttachedArtifacts().clear();
        mojo.verify = "bogus";

        assertUserError(mojo);
        assertThat(basedir.resolve("target/mojo-wiring-1.0-ferm.tar.gz")).doesNotExist();
        assertThat(basedir.resolve("target/ferm")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "bundle", pom = POM)
    void aBuildArgWithoutValueIsAUserMistake(BundleMojo mojo) {
        mojo.buildArgs = new java.util.HashMap<>();
        mojo.buildArgs.put("PORT", null);

        assertUserError(mojo)
                .hasMessage("buildArgs: 'PORT' has no value. Give it one, as --build-arg NAME=value does, or remove it.");
    }

    @Test
    @InjectMojo(goal = "bundle", pom = POM)
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(BundleMojo mojo) throws Exception {
        Files.delete(basedir.resolve("firewall.yaml"));

        mojo.execute();

        assertNothingWritten();
    }

    @Test
    @InjectMojo(goal = "bundle", pom = POM)
    @MojoParameter(name = "descriptor", value = "${project.basedir}/missing.yaml")
    void aUserMistakeIsAFailureWithThePosition(BundleMojo mojo) {
        assertUserError(mojo)
                .hasMessageStartingWith(basedir.resolve("missing.yaml") + ": the firewall descriptor does not exist.");
        assertThat(basedir.resolve("target/mojo-wiring-1.0-ferm.tar.gz")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "bundle", pom = POM)
    @MojoParameter(name = "classifier", value = "x/../../y")
    void aClassifierThatClimbsOutOfTargetIsRefusedBeforeAnythingIsWritten(BundleMojo mojo) throws Exception {
        assertUserError(mojo)
                .hasMessage("ferm.classifier 'x/../../y' is not a Maven classifier. Use letters, digits, '_', '-'"
                        + " and '.' only, like ferm.");
        // Unchecked, the archive would land at basedir/y.tar.gz: target/<finalName>-x/../../y.
        try (Stream<Path> files = Files.walk(basedir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tar.gz"))).isEmpty();
        }
        assertThat(basedir.resolve("target")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "bundle", pom = POM)
    @MojoParameter(name = "outputTimestamp", value = "99999999999")
    @MojoParameter(name = "descriptor", value = "${project.basedir}/missing.yaml")
    void aTimestampOutsideTheTarRangeIsCheckedBeforeTheInputsAreRead(BundleMojo mojo) {
        assertUserError(mojo)
                .hasMessageStartingWith("outputTimestamp '99999999999' is invalid: it is outside what a tar header"
                        + " holds");
        assertThat(basedir.resolve("target")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "maxRules", value = "1")
    void theRuleCapStopsTheCheckGoalToo(CheckMojo mojo) {
        assertUserError(mojo)
                .hasMessageContaining("firewall.yaml:")
                .hasMessageContaining("over maxRules 1.");
    }

    /** 30,000 groups each naming the next: however deep the resolver recurses, Maven gets one line. */
    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aDeepGroupChainEndsInAOneLineMessageNeverAnError(CheckMojo mojo) throws Exception {
        StringBuilder yaml = new StringBuilder("version: 1\nservice: wiring\ngroups:\n");
        for (int i = 0; i < 30_000; i++) {
            yaml.append("  g").append(i).append(": [g").append(i + 1).append("]\n");
        }
        yaml.append("  g30000: [10.0.0.1]\ningress:\n  - name: web\n    ports: [8081]\n    from: [g0]\n");
        Files.writeString(basedir.resolve("firewall.yaml"), yaml);

        Throwable outcome = catchThrowable(mojo::execute);

        if (outcome != null) {
            assertThat(outcome).isInstanceOfAny(MojoFailureException.class, MojoExecutionException.class);
            assertThat(outcome.getMessage()).doesNotContain("\n").doesNotContain("StackOverflowError");
        }
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void checkValidatesAndWritesNothing(CheckMojo mojo) throws Exception {
        mojo.execute();

        assertNothingWritten();
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "target", value = "")
    void checkFindsTheMistakesTheBundleGoalWouldFind(CheckMojo mojo) throws Exception {
        Files.writeString(basedir.resolve("firewall.yaml"), "version: 1\nservice: wiring\ningress:\n"
                + "  - name: web\n    ports: [9090]\n");

        assertUserError(mojo)
                .hasMessageContaining("firewall.yaml:5:13: container port 9090/tcp is not exposed");
    }

    /** The goal stopped on a user's mistake: a failure, not an error, whose message the caller states. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertUserError(AbstractMojo mojo) {
        return assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    }

    /** Nothing in target/ and nothing attached. */
    private void assertNothingWritten() {
        assertThat(basedir.resolve("target")).doesNotExist();
        assertThat(project.getAttachedArtifacts()).isEmpty();
    }

    private void copyFromClasspath(String... names) {
        for (String name : names) {
            try (InputStream in = BundleMojoTest.class.getResourceAsStream("/mojo-project/" + name)) {
                Files.copy(in, basedir.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
