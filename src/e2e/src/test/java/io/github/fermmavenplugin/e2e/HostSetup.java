package io.github.fermmavenplugin.e2e;

import io.github.fermmavenplugin.e2e.harness.FermVersion;
import io.github.fermmavenplugin.e2e.harness.IptablesBackend;

/**
 * How a host runs Docker and ferm: which iptables backend both use, and which ferm. Docker and ferm must share a
 * backend (see {@link BackendMismatchTest}); these are the two ways to get there on Debian 12.
 */
enum HostSetup {
    /** The README's advice for Debian 12 until now: Docker moved to legacy, because ferm 2.5 picks legacy. */
    LEGACY_FERM_2_5(IptablesBackend.LEGACY, FermVersion.FERM_2_5),
    /** Debian's default backend for Docker (nft), and ferm 2.7 told to use it too. */
    NFT_FERM_2_7(IptablesBackend.NFT, FermVersion.FERM_2_7);

    private final IptablesBackend backend;
    private final FermVersion ferm;

    HostSetup(IptablesBackend backend, FermVersion ferm) {
        this.backend = backend;
        this.ferm = ferm;
    }

    IptablesBackend backend() {
        return backend;
    }

    FermVersion ferm() {
        return ferm;
    }

    String label() {
        return backend.name().toLowerCase() + " + " + ferm.label();
    }
}
