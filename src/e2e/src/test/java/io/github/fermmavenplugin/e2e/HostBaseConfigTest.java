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
import io.github.fermmavenplugin.policy.Policy.FallbackAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the host's base {@code ferm.conf} must do for a bundle to load, with both ferm releases (holes 3 and 4):
 * Debian's stock ferm.conf gives FORWARD rules of its own, and another tool's chain that Docker's preserved
 * FORWARD jumps to must be preserved too (the descriptor's docker.preserve), or ferm loads nothing at all.
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

    /**
     * Tailscale's chains in both domains, jumped to from Docker's preserved FORWARD and nat POSTROUTING: ferm
     * deletes them and fails unless the descriptors' docker.preserve names them; then it keeps them byte for byte.
     */
    @ParameterizedTest(name = "{0}: another tool's chains fail the load unless docker.preserve names them")
    @EnumSource(FermVersion.class)
    void anotherToolsChainsLoadWhenTheDescriptorPreservesThem(FermVersion ferm) {
        Environment.assume(ferm.problem());
        IptablesBackend backend = ferm.defaultBackend();
        String base = Bundle.resource("ferm.conf");
        String preserve = "  preserve:\n    filter: [ts-forward]\n    nat: [ts-postrouting]\n";
        try (NetworkNamespace host = NetworkNamespace.create("docker-ts-" + ProcessHandle.current().pid());
             FermConfig plain = FermConfig.write(RealDocker.webAndApiBundles(), base);
             FermConfig preserving = FermConfig.write(RealDocker.webAndApiBundles(FallbackAction.DROP, preserve), base)) {
            for (IpFamily family : IpFamily.values()) {
                String iptables = backend.tool(family, "");
                host.exec(iptables, "-N", "ts-forward");
                host.exec(iptables, "-A", "ts-forward", "-i", "tailscale0", "-j", "ACCEPT");
                host.exec(iptables, "-A", "ts-forward", "-o", "tailscale0", "-m", "comment", "--comment", "ts out",
                        "-j", "ACCEPT");
                host.exec(iptables, "-A", "FORWARD", "-j", "ts-forward");
                host.exec(iptables, "-t", "nat", "-N", "ts-postrouting");
                host.exec(iptables, "-t", "nat", "-A", "ts-postrouting", "-o", "tailscale0", "-j", "MASQUERADE");
                host.exec(iptables, "-t", "nat", "-A", "POSTROUTING", "-j", "ts-postrouting");
            }
            Map<IpFamily, IptablesSnapshot> before = snapshots(host, backend);

            ProcessRunner.Result load = ProcessRunner.run(host.command(ferm.command(backend, plain.conf())));
            assertThat(load.succeeded()).as("ferm load with ts-forward unknown to it").isFalse();
            assertThat(IptablesSnapshot.take(host, IpFamily.IPV4, backend).table("filter").rulesOf("DOCKER-USER"))
                    .as("DOCKER-USER after the failed load").isEmpty();

            preserving.apply(host, ferm, backend);
            for (IpFamily family : IpFamily.values()) {
                IptablesSnapshot after = IptablesSnapshot.take(host, family, backend);
                for (String[] chain : new String[][] {{"filter", "ts-forward"}, {"filter", "FORWARD"},
                    {"nat", "ts-postrouting"}, {"nat", "POSTROUTING"}}) {
                    assertThat(after.table(chain[0]).rulesOf(chain[1])).as("%s %s %s", family, chain[0], chain[1])
                            .isNotEmpty()
                            .isEqualTo(before.get(family).table(chain[0]).rulesOf(chain[1]));
                }
                assertThat(after.table("filter").rulesOf("DOCKER-USER")).as("%s DOCKER-USER", family).isNotEmpty();
            }
        }
    }

    private static Map<IpFamily, IptablesSnapshot> snapshots(NetworkNamespace host, IptablesBackend backend) {
        Map<IpFamily, IptablesSnapshot> snapshots = new EnumMap<>(IpFamily.class);
        for (IpFamily family : IpFamily.values()) {
            snapshots.put(family, IptablesSnapshot.take(host, family, backend));
        }
        return snapshots;
    }
}
