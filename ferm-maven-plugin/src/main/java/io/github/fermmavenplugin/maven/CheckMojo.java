package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.pipeline.Analysis;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the firewall descriptor against the Dockerfile, and renders the bundle in memory, but writes
 * nothing: fails fast, with file, line and column, on any mistake.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractFermMojo {

    @Override
    void run() {
        Analysis analysis = analyse(analysisParameters());
        render(analysis);
        getLog().info("Firewall of " + analysis.policy().service() + " is valid: "
                + analysis.policy().ingress().size() + " ingress and " + analysis.policy().host().size()
                + " host rule(s).");
    }
}
