package io.github.fermmavenplugin.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.fermmavenplugin.ferm.FermCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real binaries some tests need. Missing, they skip such a test with the reason; with
 * {@code -Dferm.tests.required=true} (CI) a missing binary fails it instead.
 */
public final class RealTools {

    public static final String REQUIRED_PROPERTY = "ferm.tests.required";

    private RealTools() {
    }

    public static Path ferm() {
        return FermCheck.findExecutable(System.getenv("PATH")).orElseGet(() -> {
            unavailable("ferm is not installed (apt-get install ferm)");
            return null;
        });
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
