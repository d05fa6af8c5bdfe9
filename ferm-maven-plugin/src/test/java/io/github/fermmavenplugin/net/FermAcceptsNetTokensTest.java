package io.github.fermmavenplugin.net;

import io.github.fermmavenplugin.ferm.FermDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ferm takes every normal form we produce as one token and hands it to iptables unchanged:
 * nothing is dropped, split or interpreted. Needs {@code ferm} on the PATH (no root: {@code --remote});
 * skipped without it, unless {@code -Dferm.tests.required=true}.
 */
@Tag("ferm")
class FermAcceptsNetTokensTest {

    private static final Pattern SOURCE = Pattern.compile("--source (\\S+)");
    private static final Pattern IN_INTERFACE = Pattern.compile("--in-interface (\\S+)");

    @TempDir
    Path directory;

    @Test
    void passesEveryNetworkAndInterfaceNameThroughVerbatim() throws IOException, InterruptedException {
        Path ferm = fermExecutable();
        List<Cidr> networks = networks();
        List<InterfaceName> interfaces = interfaceNames();
        StringBuilder config = new StringBuilder();
        for (Cidr network : networks) {
            config.append("domain ").append(FermDomain.of(network.family())).append(" table filter chain INPUT saddr ")
                    .append(network.token()).append(" ACCEPT;\n");
        }
        for (InterfaceName name : interfaces) {
            config.append("domain ip table filter chain INPUT interface ").append(name.token()).append(" ACCEPT;\n");
        }
        Path file = Files.writeString(directory.resolve("net.ferm"), config);

        String output = run(ferm, file);

        assertThat(matches(SOURCE, output)).containsExactlyInAnyOrderElementsOf(
                networks.stream().map(Cidr::token).toList());
        assertThat(matches(IN_INTERFACE, output)).containsExactlyInAnyOrderElementsOf(
                interfaces.stream().map(InterfaceName::token).toList());
    }

    private static List<Cidr> networks() {
        List<Cidr> networks = new ArrayList<>(Stream.of("0.0.0.0/0", "::/0", "::/128", "::1", "10.0.0.0/8",
                "255.255.255.255", "2001:db8::/32", "fe80::/10", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
                "64:ff9b::192.0.2.1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").map(Cidr::parse).toList());
        Random random = new Random(20261125);
        while (networks.size() < 300) {
            byte[] address = new byte[random.nextBoolean() ? 4 : 16];
            for (int i = 0; i < address.length; i++) {
                address[i] = random.nextInt(3) == 0 ? 0 : (byte) random.nextInt(256);
            }
            int prefixLength = address.length * 8 - random.nextInt(address.length * 8 + 1) / 2;
            randomNetwork(address, prefixLength).ifPresent(networks::add);
        }
        return networks;
    }

    /** The network around the address, unless that is IPv4-mapped, which Cidr refuses. */
    private static Optional<Cidr> randomNetwork(byte[] address, int prefixLength) {
        for (int bit = prefixLength; bit < address.length * 8; bit++) {
            address[bit / 8] &= (byte) ~(0x80 >>> bit % 8);
        }
        try {
            return Optional.of(Cidr.of(address, prefixLength));
        } catch (IllegalArgumentException mapped) {
            return Optional.empty();
        }
    }

    private static List<InterfaceName> interfaceNames() {
        List<InterfaceName> names = new ArrayList<>(Stream.of("eth0", "eth+", "br-+", "docker0", "docker_gwbridge",
                "bond0.100", "a.b_c-d", "E-1", "0", "123456789012345", "12345678901234+").map(InterfaceName::parse)
                .toList());
        String first = "abcxyzABCXYZ0189";
        String rest = first + "._-";
        Random random = new Random(4);
        while (names.size() < 100) {
            StringBuilder name = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
            int length = 1 + random.nextInt(InterfaceName.MAX_LENGTH);
            while (name.length() < length) {
                name.append(rest.charAt(random.nextInt(rest.length())));
            }
            if (random.nextBoolean()) {
                name.setCharAt(name.length() - 1, '+');
            }
            if (!name.toString().equals("+")) {
                names.add(InterfaceName.parse(name.toString()));
            }
        }
        return names;
    }

    private static List<String> matches(Pattern pattern, String output) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(output);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private String run(Path ferm, Path file) throws IOException, InterruptedException {
        Path log = directory.resolve("ferm.out");
        Process process = new ProcessBuilder(ferm.toString(), "--remote", "--noexec", "--lines", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ferm finished within a minute").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("ferm's exit code; it said:%n%s", output).isZero();
        return output;
    }

    private static Path fermExecutable() {
        String path = System.getenv().getOrDefault("PATH", "");
        List<String> directories = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        directories.addAll(List.of("/usr/sbin", "/sbin"));
        Optional<Path> ferm = directories.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "ferm"))
                .filter(Files::isExecutable).findFirst();
        if (ferm.isEmpty() && !Boolean.getBoolean("ferm.tests.required")) {
            assumeTrue(false, "ferm is not installed; .ci/run installs it and makes this test mandatory");
        }
        assertThat(ferm).as("ferm on the PATH (required by -Dferm.tests.required=true)").isPresent();
        return ferm.get();
    }
}
