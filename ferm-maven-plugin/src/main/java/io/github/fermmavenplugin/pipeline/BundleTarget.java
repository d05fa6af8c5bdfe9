package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Where {@code ferm:bundle} writes: the exploded bundle {@code <build directory>/ferm/} and the archive
 * {@code <build directory>/<finalName>-<classifier>.tar.gz}, both always inside the build directory.
 */
public record BundleTarget(Path directory, Path archive, String classifier) {

    public static final String TYPE = "tar.gz";

    /** Maven's grammar for an artifact's ids and classifier: letters, digits, '_', '-' and '.'. */
    private static final Pattern CLASSIFIER = Pattern.compile("[A-Za-z0-9_.-]+");

    /**
     * @throws InvalidInputException if the classifier is not one Maven takes, or {@code finalName} would
     *     put the archive anywhere but directly in the build directory
     */
    public static BundleTarget of(Path buildDirectory, String finalName, String classifier) {
        if (classifier == null || !CLASSIFIER.matcher(classifier).matches() || classifier.chars().allMatch(c -> c == '.')) {
            throw new InvalidInputException("ferm.classifier " + Quoted.of(String.valueOf(classifier))
                    + " is not a Maven classifier", "Use letters, digits, '_', '-' and '.' only, like ferm.");
        }
        Path directory = buildDirectory.toAbsolutePath().normalize();
        String fileName = finalName + "-" + classifier + "." + TYPE;
        Path archive = directory.resolve(fileName).normalize();
        if (finalName.isEmpty() || finalName.contains("/") || finalName.contains("\\")
                || !directory.equals(archive.getParent())) {
            throw new InvalidInputException("finalName " + Quoted.of(finalName)
                    + " would put the archive outside the build directory " + directory,
                    "Give a finalName that is a file name, without '/', '\\' or '..'.");
        }
        return new BundleTarget(directory.resolve("ferm"), archive, classifier);
    }

    /**
     * Maven only warns when a classifier is attached twice, and the second execution would overwrite
     * the archive the first one attached: fail before writing anything.
     *
     * @param attachedClassifiers the classifiers of the project's attached artifacts of type {@value #TYPE}
     */
    public void requireNotAttached(Collection<String> attachedClassifiers, String projectId) {
        if (attachedClassifiers.contains(classifier)) {
            throw new InvalidInputException("An artifact with classifier '" + classifier + "' and type " + TYPE
                    + " is already attached to " + projectId, "Give this execution another 'classifier'.");
        }
    }
}
