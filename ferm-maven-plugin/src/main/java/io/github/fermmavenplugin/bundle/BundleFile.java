package io.github.fermmavenplugin.bundle;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One regular file of a bundle: where it goes, relative to the directory the bundle is extracted into
 * ("ferm.d/00-docker.ferm"), and its bytes. The directories a path implies ("ferm.d/") are not listed:
 * the writers create them.
 *
 * <p>Paths are checked strictly because they end up as tar entry names and file names on the operator's
 * host: relative, '/'-separated, no empty, "." or ".." segment, ASCII letters, digits and {@code . _ -} only.
 * The content is copied in and out, so an instance cannot change after it was made.
 */
public record BundleFile(String path, byte[] content) {

    private static final Pattern ALLOWED_CHARACTERS = Pattern.compile("[A-Za-z0-9._/-]+");

    public BundleFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        checkPath(path);
        content = content.clone();
    }

    /** A copy of the file's bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The number of bytes, without copying them. */
    public int size() {
        return content.length;
    }

    /** The content itself, for the writers in this package only: they must not modify it. */
    byte[] sharedContent() {
        return content;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BundleFile that && path.equals(that.path) && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "BundleFile[" + path + ", " + content.length + " bytes]";
    }

    /** @throws IllegalArgumentException if {@code path} is not safe as a bundle path, see the class comment */
    static void checkPath(String path) {
        if (!ALLOWED_CHARACTERS.matcher(path).matches()) {
            throw new IllegalArgumentException("bundle path '" + path
                    + "' must be non-empty and use only ASCII letters, digits, '.', '_', '-' and '/'");
        }
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("bundle path '" + path + "' must be relative");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("bundle path '" + path
                        + "' must not contain an empty, '.' or '..' segment");
            }
        }
    }
}
