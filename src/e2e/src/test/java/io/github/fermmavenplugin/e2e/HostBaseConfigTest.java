package io.github.fermmavenplugin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fermmavenplugin.e2e.harness.Bundle;
import io.github.fermmavenplugin.e2e.harness.Environment;
import io.github.fermmavenplugin.e2e.harness.FermConfig;
import io.github.fermmavenplugin.e2e.harness.FermVersion;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.IptablesSnapshot;
import io.github.fermmavenplugin.e2e.harness.NetworkNamespace;
import io.github.fermmavenplugin.e2e.harness.ProcessRunner;
import io.github.fermmavenplugin.net.IpFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the host's base {@code ferm.conf} must do for a bundle to load, with both ferm releases (holes 3 and 4):
 * Debian's stock ferm.conf gives FORWARD rules of its own, and another tool's chain that Docker's preserved
 * FORWARD jumps to must be preserved too, or ferm loads nothing at all.
 */
@Tag("e2e")
class HostBaseConfigTest {

    private static final Path DEBIAN_FERM_CONF = Path.of("/etc/ferm/ferm.conf");

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    @ParameterizedTest(name = "{0}: Debian's stock ferm.conf refuses the bundle and loads nothing")
    @EnumSource(FermVersion.class)
    void debiansStockFermConfRefusesTheBundle(FermVersion ferm) throws IOException {
        Environment.assume(ferm.problem());
        assumeTrue(Files.isRegularFile(DEBIAN_FERM_CONF), "Debian's ferm package installs " + DEBIAN_FERM_CONF);
        String stock = Files.readString(DEBIAN_FERM_CONF);
        try (NetworkNamespace host = NetworkNamespace.create("docker-base-" + ProcessHandle.current().pid());
             FermConfig config = FermConfig.write(RealDocker.webAndApiBundles(), stock + "\n@include ferm.d/;\n")) {
            ProcessRunner.Result load = ProcessRunner.run(host.command(ferm.command(ferm.defaultBackend(), config.conf())));

            assertThat(load.succeeded()).as("ferm loads the stock config with the bundle").isFalse();
            assertThat(load.stderr()).contains("Cannot @preserve chain FORWARD because it is not empty");
            assertThat(IptablesSnapshot.take(host, IpFamily.IPV4, ferm.defaultBackend()).table("filter").rulesOf("DOCKER-USER"))
                    .as("DOCKER-USER after the failed load").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: a foreign chain FORWARD jumps to fails the load unless the base config preserves it")
    @EnumSource(FermVersion.class)
    void anotherToolsChainMustBePreservedByTheBaseConfig(FermVersion ferm) {
        Environment.assume(ferm.problem());
        IptablesBackend backend = ferm.defaultBackend();
        String base = Bundle.resource("ferm.conf");
        String preserving = base.replace("@include ferm.d/;",
                "domain ip table filter chain ts-forward @preserve;\n@include ferm.d/;");
        try (NetworkNamespace host = NetworkNamespace.create("docker-ts-" + ProcessHandle.current().pid());
             FermConfig plain = FermConfig.write(RealDocker.webAndApiBundles(), base);
             FermConfig fixed = FermConfig.write(RealDocker.webAndApiBundles(), preserving)) {
            String iptables = backend.tool(IpFamily.IPV4, "");
            host.exec(iptables, "-N", "ts-forward");
            host.exec(iptables, "-A", "ts-forward", "-i", "tailscale0", "-j", "ACCEPT");
            host.exec(iptables, "-A", "FORWARD", "-j", "ts-forward");

            ProcessRunner.Result load = ProcessRunner.run(host.command(ferm.command(backend, plain.conf())));
            assertThat(load.succeeded()).as("ferm load with ts-forward unknown to it").isFalse();
            assertThat(IptablesSnapshot.take(host, IpFamily.IPV4, backend).table("filter").rulesOf("DOCKER-USER"))
                    .as("DOCKER-USER after the failed load").isEmpty();

            fixed.apply(host, ferm, backend);
            IptablesSnapshot after = IptablesSnapshot.take(host, IpFamily.IPV4, backend);
            assertThat(after.table("filter").rulesOf("ts-forward")).containsExactly("-A ts-forward -i tailscale0 -j ACCEPT");
            assertThat(after.table("filter").rulesOf("FORWARD")).containsExactly("-A FORWARD -j ts-forward");
            assertThat(after.table("filter").rulesOf("DOCKER-USER")).isNotEmpty();
        }
    }
}
