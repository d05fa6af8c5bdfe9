package io.github.fermmavenplugin.diagnostic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One of the small text files users hand us (descriptor, Dockerfile), read once and checked to be
 * one: present, a regular file, at most 1 MiB, UTF-8, not empty.
 *
 * @param text the content, a leading byte order mark removed
 * @param sha256 lowercase hex digest of the bytes on disk, for the bundle manifest
 */
public record UserFile(Path path, String text, String sha256) {

    /** Far above any real descriptor or Dockerfile, far below what could hurt the build. */
    public static final long MAX_BYTES = 1024 * 1024;

    /**
     * @param role what the file is to the user ("firewall descriptor", "Dockerfile"), for messages
     * @param parameter the build parameter that points at it, for the remedy
     * @throws InvalidInputException when the file is not one we can read
     */
    public static UserFile read(Path path, String role, String parameter) {
        SourcePosition whole = SourcePosition.wholeFile(path);
        byte[] bytes;
        try {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString());
            }
            if (!Files.isRegularFile(path)) {
                throw new InvalidInputException(whole, "the " + role + " is not a regular file",
                        "Point '" + parameter + "' at the " + role + " itself.");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new InvalidInputException(whole, "the " + role + " is larger than 1 MiB",
                        "A " + role + " this size cannot be right; check '" + parameter + "'.");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(whole, "the " + role + " does not exist",
                    "Create it, or point '" + parameter + "' at it.");
        } catch (IOException e) {
            throw new InvalidInputException(whole, "the " + role + " cannot be read (" + e + ")",
                    "Check that the build may read it.");
        }
        String text = decodeUtf8(bytes, whole, role);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InvalidInputException(whole, "the " + role + " is empty",
                    "Fill it in, or point '" + parameter + "' at the right file.");
        }
        return new UserFile(path, text, sha256(bytes));
    }

    private static String decodeUtf8(byte[] bytes, SourcePosition whole, String role) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII); // one copy, where the decoder makes three
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(whole, "the " + role + " is not valid UTF-8", "Save it as UTF-8.");
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Lowercase hex SHA-256, as the bundle manifest records every file. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
