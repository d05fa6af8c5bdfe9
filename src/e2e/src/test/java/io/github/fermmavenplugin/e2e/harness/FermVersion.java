package io.github.fermmavenplugin.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The ferm releases the real-daemon scenarios load bundles with: the machine's 2.5.1 (Debian 12), which always
 * picks the {@code -legacy} tools when they are installed, and sid's 2.7, unpacked beside the daemons, which uses
 * whatever {@code /usr/sbin/iptables} is: nft on Debian 12 unless an admin moved it.
 */
public enum FermVersion {
    FERM_2_5("2.5"),
    FERM_2_7("2.7");

    private final String release;

    FermVersion(String release) {
        this.release = release;
    }

    public String label() {
        return "ferm " + release;
    }

    private Optional<Path> script() {
        return switch (this) {
            case FERM_2_5 -> Environment.locate("ferm");
            case FERM_2_7 -> Optional.of(DockerDistribution.cache().resolve("sid/root/usr/sbin/ferm"))
                    .filter(Files::isExecutable);
        };
    }

    public Optional<String> problem() {
        return script().isPresent() ? Optional.empty()
                : Optional.of(label() + " (" + (this == FERM_2_7
                        ? "run src/e2e/fetch-daemons.sh " + DockerDistribution.cache() : "apt-get install ferm") + ")");
    }

    /** The backend this ferm picks on this machine. */
    public IptablesBackend defaultBackend() {
        if (this == FERM_2_5) {
            return IptablesBackend.LEGACY;
        }
        try {
            Path iptables = Path.of("/usr/sbin/iptables").toRealPath();
            return iptables.getFileName().toString().contains("legacy") ? IptablesBackend.LEGACY : IptablesBackend.NFT;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The command that loads {@code conf} into the kernel's tables of {@code backend}. */
    public List<String> command(IptablesBackend backend, Path conf) {
        List<String> command = new java.util.ArrayList<>(List.of(script().orElseThrow().toString()));
        if (backend != defaultBackend()) {
            throw new IllegalArgumentException(label() + " uses " + defaultBackend() + " on this machine, not " + backend);
        }
        command.add(conf.toString());
        return command;
    }
}
