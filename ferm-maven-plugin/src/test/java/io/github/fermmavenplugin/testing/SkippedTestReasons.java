package io.github.fermmavenplugin.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test was skipped ("SKIPPED FermCheckTest.fermAcceptsTheBundle: ferm is not installed ..."), as the
 * README promises: surefire and failsafe count skipped tests but show no reason. Registered for every test run
 * through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}. A skip is a warning: under
 * {@code mvn -q}, which shows errors only, nothing is printed (the poms pass Maven's logging level in).
 */
public final class SkippedTestReasons implements TestExecutionListener {

    public static final String PREFIX = "SKIPPED ";
    /** "level N", N Maven's logging level as {@code MavenExecutionRequest} numbers them: 0 debug to 3 error, 5 off. */
    public static final String MAVEN_LOGGING_LEVEL = "ferm.tests.mavenLoggingLevel";
    private static final int MAVEN_WARN = 2;

    /** A test or class disabled before it ran (@Disabled, a condition). */
    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    /** A test that gave up on an assumption, as {@link RealTools#unavailable} makes it. */
    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private void print(TestIdentifier test, String reason) {
        if (mavenLoggingLevel() <= MAVEN_WARN) {
            System.out.println(PREFIX + name(test) + ": " + reason);
        }
    }

    /** Warnings when run by anything but the poms (an IDE). */
    private static int mavenLoggingLevel() {
        String level = System.getProperty(MAVEN_LOGGING_LEVEL, "").replace("level", "").strip();
        return level.matches("\\d") ? Integer.parseInt(level) : MAVEN_WARN;
    }

    private static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            String className = method.getClassName();
            return className.substring(className.lastIndexOf('.') + 1) + "." + method.getMethodName()
                    + (test.getDisplayName().startsWith(method.getMethodName()) ? "" : " " + test.getDisplayName());
        }
        if (source instanceof ClassSource type) {
            return type.getJavaClass().getSimpleName();
        }
        return test.getDisplayName();
    }
}
