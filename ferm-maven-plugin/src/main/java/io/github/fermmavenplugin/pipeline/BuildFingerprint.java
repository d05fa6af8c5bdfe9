package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.bundle.AtomicFiles;
import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a service's bundle is made from, so that a build whose inputs have not changed keeps the last build's
 * bundle: the sha256 of the descriptor's and the Dockerfile's bytes and of every setting that shapes the bundle
 * (stage, build args, rule cap, entry time, verify mode and the ferm that checks, coordinates, paths, plugin
 * build). A successful build records it with the sha256 of what it wrote, in
 * {@code <build directory>/maven-status/ferm-maven-plugin/bundle-<classifier>.fingerprint}; the next build
 * keeps the bundle only when all of it matches, and the outputs on disk are still the recorded ones.
 */
public final class BuildFingerprint {

    private static final int FORMAT = 1;
    /** Far above any input or archive the plugin accepts or writes: larger is no file of a last build. */
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final String HEADER = "# ferm-maven-plugin " + FORMAT
            + ": what the bundle was built from and what it wrote; delete it to force a rebuild";

    private final String settings;
    private final Path descriptor;
    private final Path dockerfile;

    private BuildFingerprint(String settings, Path descriptor, Path dockerfile) {
        this.settings = settings;
        this.descriptor = descriptor;
        this.dockerfile = dockerfile;
    }

    /**
     * @param pluginBuild the plugin's version, and for a SNAPSHOT what tells one build of its jar from another
     * @param ferm the ferm that checks the bundle, when the verify mode asks for one and it is installed
     */
    public static BuildFingerprint of(AnalysisParameters parameters, BundleSettings settings, BundleIdentity identity,
            BundleTarget target, String pluginBuild, Optional<Path> ferm) {
        Fields fields = new Fields();
        fields.add("plugin", pluginBuild);
        fields.add("project", identity.project().toString());
        fields.add("basedir", identity.projectDirectory().toString());
        fields.add("descriptor", parameters.descriptor().toAbsolutePath().normalize().toString());
        fields.add("dockerfile", parameters.dockerfile().toAbsolutePath().normalize().toString());
        fields.add("target", parameters.build().target().orElse(""));
        new TreeMap<>(parameters.build().buildArgs()).forEach((name, value) -> fields.add("build-arg", name + "=" + value));
        fields.add("fallback-service", parameters.fallbackService());
        fields.add("max-rules", Integer.toString(parameters.maxRules()));
        fields.add("entry-time", settings.entryTime().toString());
        fields.add("verify", settings.verify().name());
        fields.add("ferm", ferm.map(BuildFingerprint::fileIdentity).orElse(""));
        fields.add("archive", target.archive().toString());
        fields.add("directory", target.directory().toString());
        return new BuildFingerprint(fields.text(), parameters.descriptor(), parameters.dockerfile());
    }

    /** What the last build recorded, compared with these inputs and the outputs on disk. */
    public sealed interface LastBuild {
    }

    /** The bundle on disk is the one these inputs make: {@code service} is the name it was built for. */
    public record UpToDate(String service) implements LastBuild {
    }

    /** The bundle must be built, for {@code reason} ("the descriptor or Dockerfile changed"). */
    public record Stale(String reason) implements LastBuild {
    }

    public LastBuild compareWithLastBuild(BundleTarget target) throws IOException {
        Map<String, String> recorded = readRecord(recordFile(target));
        if (recorded.isEmpty()) {
            return new Stale("no successful build recorded in " + recordFile(target));
        }
        Optional<String> descriptorSha = fileSha256(descriptor);
        Optional<String> dockerfileSha = fileSha256(dockerfile);
        if (descriptorSha.isEmpty() || dockerfileSha.isEmpty()) {
            return new Stale("the descriptor or the Dockerfile is not a readable file");
        }
        if (!inputs(descriptorSha.get(), dockerfileSha.get()).equals(recorded.get("inputs"))) {
            return new Stale("the descriptor, the Dockerfile, the configuration or the plugin changed");
        }
        if (!fileSha256(target.archive()).equals(Optional.ofNullable(recorded.get("archive")))) {
            return new Stale(target.archive() + " is missing or not the archive the last build wrote");
        }
        if (!directorySha256(target.directory()).equals(Optional.ofNullable(recorded.get("directory")))) {
            return new Stale(target.directory() + " is missing or not what the last build wrote");
        }
        String service = recorded.get("service");
        return service == null ? new Stale("the record names no service") : new UpToDate(service);
    }

    /**
     * Records a successful build, after its bundle is written: the digests of the bytes it read (which may
     * differ from what {@link #compareWithLastBuild} saw, if a file changed meanwhile) and of what it wrote.
     */
    public void record(BundleTarget target, Analysis analysis, List<BundleFile> files) throws IOException {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("inputs", inputs(analysis.descriptorFile().sha256(), analysis.dockerfile().sha256()));
        record.put("archive", fileSha256(target.archive()).orElseThrow(
                () -> new IOException(target.archive() + " vanished right after it was written")));
        record.put("directory", directorySha256(files));
        record.put("service", analysis.policy().service().value());
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        record.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Path file = recordFile(target);
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            AtomicFiles.moveReplacing(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Removes the record, before the outputs it describes are removed or replaced. */
    public static void forget(BundleTarget target) throws IOException {
        Files.deleteIfExists(recordFile(target));
    }

    static Path recordFile(BundleTarget target) {
        return target.archive().getParent().resolve("maven-status").resolve("ferm-maven-plugin")
                .resolve("bundle-" + target.classifier() + ".fingerprint");
    }

    private String inputs(String descriptorSha256, String dockerfileSha256) {
        Fields files = new Fields();
        files.add("descriptor-sha256", descriptorSha256);
        files.add("dockerfile-sha256", dockerfileSha256);
        return UserFile.sha256((settings + files.text()).getBytes(StandardCharsets.UTF_8));
    }

    /** The record's keys and values; empty when it is missing or not one this version wrote. */
    private static Map<String, String> readRecord(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return Map.of();
        }
        Map<String, String> record = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                record.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return record;
    }

    /** Size and modification time: a new ferm package replaces the file. */
    private static String fileIdentity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return file + " unreadable";
        }
    }

    private static Optional<String> fileSha256(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_FILE_BYTES) {
            return Optional.empty();
        }
        return Optional.of(UserFile.sha256(Files.readAllBytes(file)));
    }

    /** The digest of a bundle's files as {@code BundleDirectory} writes them, from the files themselves. */
    private static String directorySha256(List<BundleFile> files) {
        Map<String, String> digests = new TreeMap<>();
        files.forEach(file -> digests.put(file.path(), UserFile.sha256(file.content())));
        return digestOf(digests);
    }

    /** The same digest from disk; empty when the directory holds anything but plain files and directories. */
    private static Optional<String> directorySha256(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Map<String, String> digests = new TreeMap<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = new ArrayList<>(walk.toList());
        }
        for (Path path : paths) {
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                String relative = directory.relativize(path).toString().replace('\\', '/');
                digests.put(relative, UserFile.sha256(Files.readAllBytes(path)));
            } else if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
        }
        return Optional.of(digestOf(digests));
    }

    private static String digestOf(Map<String, String> fileDigests) {
        Fields fields = new Fields();
        fileDigests.forEach((path, sha256) -> fields.add(path, sha256));
        return UserFile.sha256(fields.text().getBytes(StandardCharsets.UTF_8));
    }

    /** Settings as text in which no value can pass for another's: each is prefixed by its length. */
    private static final class Fields {
        private final StringBuilder text = new StringBuilder();

        void add(String name, String value) {
            text.append(name).append(' ').append(value.length()).append(':').append(value).append('\n');
        }

        String text() {
            return text.toString();
        }
    }
}
