package io.github.fermmavenplugin.e2e;

import io.github.fermmavenplugin.e2e.harness.Outcome;
import io.github.fermmavenplugin.e2e.harness.Probe;

/**
 * What must happen to one probe once the bundle is applied, and why.
 */
record Expectation(String why, Probe probe, Outcome outcome) {

    @Override
    public String toString() {
        return why + ": " + probe + " must be " + outcome;
    }
}
