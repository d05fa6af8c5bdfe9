package io.github.fermmavenplugin.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.fermmavenplugin.ferm.FermCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real binaries some tests need. Missing, they skip such a test with the reason; with
 * {@code -Dferm.tests.required=true} (CI) a missing binary fails it instead.
 */
public final class RealTools {

    public static final String REQUIRED_PROPERTY = "ferm.tests.required";
    /** Another ferm than the one on PATH, e.g. sid's 2.7 unpacked by src/e2e/fetch-daemons.sh. */
    public static final String FERM_PROPERTY = "ferm.tests.ferm";

    private RealTools() {
    }

    public static Path ferm() {
        return fermIfInstalled().orElseGet(() -> {
            String configured = System.getProperty(FERM_PROPERTY, "");
            unavailable(configured.isEmpty() ? "ferm is not installed (apt-get install ferm)"
                    : FERM_PROPERTY + "=" + configured + " is not an executable ferm");
            return null;
        });
    }

    /**
     * The ferm named by {@code -Dferm.tests.ferm=PATH}, else the one on PATH; empty when that is not an executable
     * (so {@code -Dferm.tests.ferm=/nonexistent} shows what a machine without ferm does).
     */
    public static Optional<Path> fermIfInstalled() {
        String configured = System.getProperty(FERM_PROPERTY, "");
        if (!configured.isEmpty()) {
            Path ferm = Path.of(configured);
            return Files.isExecutable(ferm) ? Optional.of(ferm) : Optional.empty();
        }
        return FermCheck.findExecutable(System.getenv("PATH"));
    }

    public static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    public static void unavailable(String reason) {
        if (required()) {
            fail(reason + ", and " + REQUIRED_PROPERTY + " is true");
        }
        Assumptions.abort(reason);
    }
}
