package io.github.fermmavenplugin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A skipped test prints its reason: run through a launcher as surefire makes one (listeners from the service
 * file), tests that skip as a missing ferm makes them skip must each leave one line with their reason.
 */
class SkippedTestReasonsTest {

    private static final String SKIPPING = "SkippedTestReasonsTest$Skipping";

    @Test
    void everySkippedTestPrintsItsReason() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Skipping.class)).build());
        } finally {
            System.setOut(console);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(SkippedTestReasons.PREFIX)))
                .containsExactlyInAnyOrder(
                        "SKIPPED " + SKIPPING + ".needsARealTool: ferm is not installed (apt-get install ferm)",
                        "SKIPPED " + SKIPPING + ".disabled: not on this machine");
    }

    /** Run only by the launcher above: surefire leaves nested classes out. */
    static class Skipping {

        @Test
        void needsARealTool() {
            Assumptions.abort("ferm is not installed (apt-get install ferm)");
        }

        @Test
        @Disabled("not on this machine")
        void disabled() {
        }

        @Test
        void runs() {
        }
    }
}
