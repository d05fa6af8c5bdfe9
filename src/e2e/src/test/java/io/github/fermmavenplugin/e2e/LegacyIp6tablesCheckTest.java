package io.github.fermmavenplugin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.e2e.harness.Environment;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;
import io.github.fermmavenplugin.e2e.harness.NetworkNamespace;
import io.github.fermmavenplugin.e2e.harness.ProcessRunner;
import io.github.fermmavenplugin.net.IpFamily;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hole 6: Debian 12's {@code ip6tables-legacy} (iptables 1.8.9) answers {@code -C} for a DNAT rule while ignoring
 * its port, so Docker, which checks before it adds, believes the rule for a second published port exists and skips
 * it (see {@link RealTruth#assertV6DnatAsExpected}). The nft tools and the IPv4 legacy tool answer right.
 */
@Tag("e2e")
class LegacyIp6tablesCheckTest {

    @BeforeEach
    void requireRootAndTools() {
        Environment.assumeReady();
    }

    @ParameterizedTest(name = "{0} {1} -C finds a port-7300 rule when only port 7100 exists: {2}")
    @CsvSource({
            "IPV6, LEGACY, true",
            "IPV6, NFT,    false",
            "IPV4, LEGACY, false",
            "IPV4, NFT,    false"})
    void checkOfAnotherPort(IpFamily family, IptablesBackend backend, boolean wronglyFound) {
        String target = family == IpFamily.IPV6 ? "[fd00:17::2]:80" : "172.17.0.2:80";
        try (NetworkNamespace namespace = NetworkNamespace.create("docker-c6-" + ProcessHandle.current().pid())) {
            String tool = backend.tool(family, "");
            namespace.exec(tool, "-t", "nat", "-N", "DOCKER");
            namespace.exec(tool, "-t", "nat", "-A", "DOCKER", "!", "-i", "docker0", "-p", "tcp", "-m", "tcp",
                    "--dport", "7100", "-j", "DNAT", "--to-destination", target);
            ProcessRunner.Result check = namespace.tryExec(tool, "-t", "nat", "-C", "DOCKER", "!", "-i", "docker0",
                    "-p", "tcp", "-m", "tcp", "--dport", "7300", "-j", "DNAT", "--to-destination", target);
            assertThat(check.succeeded()).as("%s -C of the port-7300 rule succeeded", tool).isEqualTo(wronglyFound);
        }
    }
}
