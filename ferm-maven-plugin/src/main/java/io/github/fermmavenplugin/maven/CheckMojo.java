package io.github.fermmavenplugin.maven;

import io.github.fermmavenplugin.bundle.BundleFile;
import io.github.fermmavenplugin.pipeline.Analysis;
import io.github.fermmavenplugin.pipeline.BundlePipeline;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the firewall descriptor against the Dockerfile, and renders the bundle in memory, but writes
 * nothing: fails fast, with file, line and column, on any mistake. With {@code baseConfig}, the real ferm also
 * reads the bundle inside that host's own ferm.conf.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractFermMojo {

    /**
     * A host's own /etc/ferm/ferm.conf: when set, ferm --remote reads the bundle inside it, and a base config
     * that would make ferm refuse the bundle on that host (Debian's stock one fills FORWARD) fails the check.
     * ferm runs its backticks, as on the host.
     */
    @Parameter(property = "ferm.baseConfig")
    File baseConfig;

    @Override
    void run() {
        Analysis analysis = analyse(analysisParameters());
        List<BundleFile> files = render(analysis);
        if (baseConfig != null) {
            BundlePipeline.checkWithBaseConfig(files, baseConfig.toPath(), System.getenv("PATH"));
            getLog().info("ferm reads the bundle inside " + baseConfig + " without error.");
        }
        getLog().info("Firewall of " + analysis.policy().service() + " is valid: "
                + analysis.policy().ingress().size() + " ingress and " + analysis.policy().host().size()
                + " host rule(s).");
    }
}
