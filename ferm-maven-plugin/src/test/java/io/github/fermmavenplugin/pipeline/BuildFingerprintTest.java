package io.github.fermmavenplugin.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.bundle.BundleManifest.MavenCoordinates;
import io.github.fermmavenplugin.pipeline.BuildFingerprint.LastBuild;
import io.github.fermmavenplugin.pipeline.BuildFingerprint.Stale;
import io.github.fermmavenplugin.pipeline.BuildFingerprint.UpToDate;
import io.github.fermmavenplugin.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The last build's bundle stands only while every input is what it was built from and its outputs are the ones it
 * wrote: one real build (analysed, rendered, written, recorded), then one change at a time.
 */
class BuildFingerprintTest {

    private static final String DESCRIPTOR = "version: 1\nservice: ledger\ningress:\n  - name: web\n    ports: [8080]\n";
    private static final String DOCKERFILE = "FROM alpine:3.20\nARG PORT=8080\nEXPOSE ${PORT} 9090\n";

    @TempDir
    Path project;

    /** Everything {@link BuildFingerprint#of} is given, so that each case can change one part of it. */
    record Inputs(String descriptorName, Map<String, String> buildArgs, String target, int maxRules,
            String outputTimestamp, String verify, Optional<Path> ferm, String version, String pluginBuild,
            String classifier) {

        static final Inputs FIRST = new Inputs("firewall.yaml", Map.of("PORT", "8080"), "", 10_000,
                "2024-03-01T12:34:56Z", "false", Optional.empty(), "1.0", "0.1.0", "ferm");

        AnalysisParameters parameters(Path project) {
            return AnalysisParameters.parse(project.resolve(descriptorName), project.resolve("Dockerfile"), target,
                    buildArgs, "fallback", maxRules);
        }

        BundleSettings settings() {
            return BundleSettings.parse(outputTimestamp, null, verify);
        }

        BundleIdentity identity(Path project) {
            return new BundleIdentity(new MavenCoordinates("com.example", "ledger", version), pluginBuild, project);
        }

        BundleTarget target(Path project) {
            return BundleTarget.of(project.resolve("target"), "ledger-" + version, classifier);
        }

        Inputs plugin(String build) {
            return new Inputs(descriptorName, buildArgs, target, maxRules, outputTimestamp, verify, ferm, version, build,
                    classifier);
        }

        Inputs projectVersion(String v) {
            return new Inputs(descriptorName, buildArgs, target, maxRules, outputTimestamp, verify, ferm, v,
                    pluginBuild, classifier);
        }

        Inputs buildArgs(Map<String, String> args) {
            return new Inputs(descriptorName, args, target, maxRules, outputTimestamp, verify, ferm, version,
                    pluginBuild, classifier);
        }

        Inputs stage(String stage) {
            return new Inputs(descriptorName, buildArgs, stage, maxRules, outputTimestamp, verify, ferm, version,
                    pluginBuild, classifier);
        }

        Inputs maxRules(int max) {
            return new Inputs(descriptorName, buildArgs, target, max, outputTimestamp, verify, ferm, version,
                    pluginBuild, classifier);
        }

        Inputs outputTimestamp(String timestamp) {
            return new Inputs(descriptorName, buildArgs, target, maxRules, timestamp, verify, ferm, version,
                    pluginBuild, classifier);
        }

        Inputs verify(String mode, Optional<Path> checkingFerm) {
            return new Inputs(descriptorName, buildArgs, target, maxRules, outputTimestamp, mode, checkingFerm,
                    version, pluginBuild, classifier);
        }

        Inputs descriptor(String name) {
            return new Inputs(name, buildArgs, target, maxRules, outputTimestamp, verify, ferm, version, pluginBuild,
                    classifier);
        }

        Inputs classifier(String name) {
            return new Inputs(descriptorName, buildArgs, target, maxRules, outputTimestamp, verify, ferm, version,
                    pluginBuild, name);
        }

        BuildFingerprint fingerprint(Path project) {
            return BuildFingerprint.of(parameters(project), settings(), identity(project), target(project),
                    pluginBuild, ferm);
        }
    }

    @Test
    void aBuildFromUnchangedInputsFindsItsBundleUpToDate() throws IOException {
        build(Inputs.FIRST);

        assertThat(lastBuild(Inputs.FIRST)).isEqualTo(new UpToDate("ledger"));
        // What only the file system's times would tell is no change.
        Files.setLastModifiedTime(project.resolve("firewall.yaml"), FileTime.fromMillis(0));
        assertThat(lastBuild(Inputs.FIRST)).isEqualTo(new UpToDate("ledger"));
    }

    static Stream<Arguments> changedInputs() {
        return Stream.of(
                change("the plugin version", i -> i.plugin("0.2.0")),
                change("another build of the SNAPSHOT plugin", i -> i.plugin("0.1.0 jar 1234 5678")),
                change("the project version", i -> i.projectVersion("1.1")),
                change("a build arg's value", i -> i.buildArgs(Map.of("PORT", "8081"))),
                change("one more build arg", i -> i.buildArgs(Map.of("PORT", "8080", "DEBUG", "1"))),
                change("the Dockerfile stage", i -> i.stage("0")),
                change("maxRules", i -> i.maxRules(9_999)),
                change("outputTimestamp", i -> i.outputTimestamp("2024-03-01T12:34:57Z")),
                change("the verify mode", i -> i.verify("auto", Optional.empty())),
                change("verify=auto finding a ferm", i -> i.verify("auto", Optional.of(Path.of("/usr/sbin/ferm")))),
                change("the descriptor's path", i -> i.descriptor("copy.yaml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changedInputs")
    void anyChangedInputRebuilds(String change, UnaryOperator<Inputs> changed) throws IOException {
        build(Inputs.FIRST);
        Files.copy(project.resolve("firewall.yaml"), project.resolve("copy.yaml"));

        assertThat(lastBuild(changed.apply(Inputs.FIRST))).isInstanceOf(Stale.class);
    }

    static Stream<Arguments> changedFiles() {
        return Stream.of(
                edit("one byte of the descriptor", "firewall.yaml", "8080]", "8081]"),
                edit("one byte of the Dockerfile", "Dockerfile", "9090", "9091"),
                edit("the archive", "target/ledger-1.0-ferm.tar.gz", null, "x"),
                edit("a file of the exploded bundle", "target/ferm/ferm.d/99-docker.ferm", null, "# more"),
                edit("a file added to the exploded bundle", "target/ferm/ferm.d/50-mine.ferm", null, "# mine"),
                edit("the record", "target/maven-status/ferm-maven-plugin/bundle-ferm.fingerprint", "inputs=",
                        "inputs=0"),
                delete("the archive", "target/ledger-1.0-ferm.tar.gz"),
                delete("the exploded bundle's manifest", "target/ferm/ferm.d/.ledger.bundle.json"),
                delete("the record", "target/maven-status/ferm-maven-plugin/bundle-ferm.fingerprint"),
                delete("the descriptor", "firewall.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changedFiles")
    void anyChangedFileRebuilds(String change, FileChange edit) throws IOException {
        build(Inputs.FIRST);

        edit.apply(project);

        assertThat(lastBuild(Inputs.FIRST)).isInstanceOf(Stale.class);
    }

    @Test
    void forgettingTheBuildLeavesNothingUpToDate() throws IOException {
        build(Inputs.FIRST);

        BuildFingerprint.forget(Inputs.FIRST.target(project));

        assertThat(lastBuild(Inputs.FIRST)).isInstanceOf(Stale.class);
        assertThat(project.resolve("target/maven-status/ferm-maven-plugin/bundle-ferm.fingerprint")).doesNotExist();
    }

    @Test
    void eachClassifierHasItsOwnRecord() throws IOException {
        build(Inputs.FIRST);
        Inputs other = Inputs.FIRST.classifier("other");
        build(other);

        assertThat(lastBuild(Inputs.FIRST)).isEqualTo(new UpToDate("ledger"));
        assertThat(lastBuild(other)).isEqualTo(new UpToDate("ledger"));
    }

    /** The build as {@code ferm:bundle} makes it when nothing is up to date. */
    private void build(Inputs inputs) throws IOException {
        TempFiles.write(project, "firewall.yaml", DESCRIPTOR);
        TempFiles.write(project, "Dockerfile", DOCKERFILE);
        BundleTarget target = inputs.target(project);
        BuildFingerprint fingerprint = inputs.fingerprint(project);
        Analysis analysis = BundlePipeline.analyse(inputs.parameters(project));
        List<BundleFile> files = BundlePipeline.render(analysis, inputs.identity(project));
        BundlePipeline.write(files, target.directory(), target.archive(), inputs.settings().entryTime());
        fingerprint.record(target, analysis, files);
    }

    private LastBuild lastBuild(Inputs inputs) throws IOException {
        return inputs.fingerprint(project).compareWithLastBuild(inputs.target(project));
    }

    interface FileChange {
        void apply(Path project) throws IOException;
    }

    private static Arguments change(String name, UnaryOperator<Inputs> changed) {
        return Arguments.of(name, changed);
    }

    /** Replaces {@code from} by {@code to} in the file, or appends {@code to} when {@code from} is null. */
    private static Arguments edit(String name, String file, String from, String to) {
        FileChange change = project -> {
            Path path = project.resolve(file);
            if (from == null) {
                Files.writeString(path, to, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                String text = Files.readString(path);
                assertThat(text).contains(from);
                Files.writeString(path, text.replace(from, to));
            }
        };
        return Arguments.of(name, change);
    }

    private static Arguments delete(String name, String file) {
        FileChange change = project -> Files.delete(project.resolve(file));
        return Arguments.of(name, change);
    }
}
