package io.github.fermmavenplugin.dockerfile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ARGs BuildKit predefines in the global scope. They describe the platform of the build, which a Maven build
 * does not know; we read the Dockerfile as a build for linux/amd64 on linux/amd64, the most common case. As in
 * BuildKit, a stage sees them only after {@code ARG TARGETARCH} (etc.) redeclares them, and build args override them.
 */
final class PlatformArgs {

    static final String OS = "linux";
    static final String ARCHITECTURE = "amd64";

    private PlatformArgs() {
    }

    static Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String prefix : new String[] {"TARGET", "BUILD"}) {
            values.put(prefix + "PLATFORM", OS + "/" + ARCHITECTURE);
            values.put(prefix + "OS", OS);
            values.put(prefix + "ARCH", ARCHITECTURE);
            values.put(prefix + "VARIANT", "");
        }
        return values;
    }
}
