package io.github.fermmavenplugin.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real Docker daemon from one Debian suite, as {@code src/e2e/fetch-daemons.sh} unpacks it under the cache
 * directory ({@code -Dferm.e2e.daemons=DIR}, by default {@code ~/.cache/ferm-e2e}): {@code SUITE/root/usr/sbin/dockerd}
 * with the suite's containerd, and bookworm's runc for all of them.
 */
public enum DockerDistribution {
    /** Debian 12's docker.io: no DOCKER-USER in ip6tables, ip6tables only with experimental. */
    DOCKER_20_10("bookworm", "20.10.24", DockerVersion.DOCKER_27, true, false),
    /** Debian 13's docker.io: ip6tables still needs experimental before 27. */
    DOCKER_26_1("trixie", "26.1.5", DockerVersion.DOCKER_27, true, true),
    /** sid's docker.io: DOCKER-FORWARD, DOCKER-CT, the raw-table DROP of direct access. */
    DOCKER_28_5("sid", "28.5.2", DockerVersion.DOCKER_28, false, true);

    public static final String CACHE_PROPERTY = "ferm.e2e.daemons";
    /** The suite whose runc (and busybox) every daemon uses. */
    private static final String RUNC_SUITE = "bookworm";

    private final String suite;
    private final String version;
    private final DockerVersion layout;
    private final boolean ip6tablesNeedsExperimental;
    private final boolean ip6DockerUser;

    DockerDistribution(String suite, String version, DockerVersion layout, boolean ip6tablesNeedsExperimental,
            boolean ip6DockerUser) {
        this.ip6DockerUser = ip6DockerUser;
        this.suite = suite;
        this.version = version;
        this.layout = layout;
        this.ip6tablesNeedsExperimental = ip6tablesNeedsExperimental;
    }

    public String suite() {
        return suite;
    }

    /** Docker's version, as {@code docker version} reports it without Debian's suffix. */
    public String version() {
        return version;
    }

    /** Which generation of Docker's iptables layout this daemon writes. */
    public DockerVersion layout() {
        return layout;
    }

    public boolean ip6tablesNeedsExperimental() {
        return ip6tablesNeedsExperimental;
    }

    /** Whether ip6tables gets DOCKER-USER and FORWARD's jump to it (from Docker 23): without, IPv6 is Docker's alone. */
    public boolean ip6DockerUser() {
        return ip6DockerUser;
    }

    public String label() {
        return "docker " + version + " (" + suite + ")";
    }

    public static Path cache() {
        String configured = System.getProperty(CACHE_PROPERTY, "");
        if (!configured.isEmpty()) {
            return Path.of(configured);
        }
        String xdg = System.getenv().getOrDefault("XDG_CACHE_HOME", "");
        Path base = xdg.isEmpty() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("ferm-e2e");
    }

    public Path root() {
        return cache().resolve(suite).resolve("root");
    }

    public Path dockerd() {
        return root().resolve("usr/sbin/dockerd");
    }

    public Path docker() {
        return root().resolve("usr/bin/docker");
    }

    public static Path runc() {
        return cache().resolve(RUNC_SUITE).resolve("root/usr/sbin/runc");
    }

    /** The directories that go on dockerd's PATH before the backend's iptables: containerd, shims, docker-proxy. */
    public List<Path> binaries() {
        return List.of(root().resolve("usr/bin"), root().resolve("usr/sbin"));
    }

    /** What is missing for this daemon to run, if anything. */
    public Optional<String> problem() {
        for (Path needed : List.of(dockerd(), docker(), root().resolve("usr/bin/containerd"), runc())) {
            if (!Files.isExecutable(needed)) {
                return Optional.of(label() + " unpacked under " + cache() + " (missing " + needed
                        + "; run src/e2e/fetch-daemons.sh " + cache() + ")");
            }
        }
        return Optional.empty();
    }
}
