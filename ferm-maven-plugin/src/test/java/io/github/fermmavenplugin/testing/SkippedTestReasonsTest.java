package io.github.fermmavenplugin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A skipped test prints its reason: run through a launcher as surefire makes one (listeners from the service
 * file), tests that skip as a missing ferm makes them skip each leave one line with their reason, unless Maven
 * shows errors only ({@code -q}).
 */
class SkippedTestReasonsTest {

    private static final String SKIPPING = "SkippedTestReasonsTest$Skipping";

    @Test
    void everySkippedTestPrintsItsReasonWhereMavenShowsWarnings() {
        assertThat(skipLinesPrintedAt("level 1")).containsExactlyInAnyOrder(
                "SKIPPED " + SKIPPING + ".needsARealTool: ferm is not installed (apt-get install ferm)",
                "SKIPPED " + SKIPPING + ".disabled: not on this machine");
    }

    @Test
    void mavenQuietPrintsNoReason() {
        assertThat(skipLinesPrintedAt("level 3")).isEmpty();
    }

    /** Runs {@link Skipping} through a launcher made as surefire makes one, at that Maven logging level. */
    private static List<String> skipLinesPrintedAt(String mavenLoggingLevel) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        String level = System.getProperty(SkippedTestReasons.MAVEN_LOGGING_LEVEL);
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setProperty(SkippedTestReasons.MAVEN_LOGGING_LEVEL, mavenLoggingLevel);
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Skipping.class)).build());
        } finally {
            System.setOut(console);
            if (level == null) {
                System.clearProperty(SkippedTestReasons.MAVEN_LOGGING_LEVEL);
            } else {
                System.setProperty(SkippedTestReasons.MAVEN_LOGGING_LEVEL, level);
            }
        }
        return printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(SkippedTestReasons.PREFIX))
                .toList();
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
