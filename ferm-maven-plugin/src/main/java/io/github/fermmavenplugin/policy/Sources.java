package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.IpFamily;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Who a rule lets in: anyone, or the listed networks.
 *
 * @param networks empty exactly when {@code any}
 */
public record Sources(boolean any, List<Cidr> networks) {

    public static final Sources ANY = new Sources(true, List.of());

    public Sources {
        // one network is distinct already: no set for the common rule
        networks = networks.size() < 2 ? List.copyOf(networks) : List.copyOf(new LinkedHashSet<>(networks));
        if (any != networks.isEmpty()) {
            throw new IllegalArgumentException("either any source or some networks");
        }
    }

    /** The networks, merged: none inside another, no two halves of one network side by side. */
    public static Sources of(List<Cidr> networks) {
        return new Sources(false, Networks.merged(networks));
    }

    /**
     * The networks of one address family: empty list for "any source", nothing at all when the rule
     * names networks of the other family only (it then opens nothing in this family).
     */
    public Optional<List<Cidr>> in(IpFamily family) {
        if (any) {
            return Optional.of(List.of());
        }
        int ofFamily = 0;
        for (Cidr network : networks) {
            ofFamily += network.family() == family ? 1 : 0;
        }
        if (ofFamily == 0) {
            return Optional.empty();
        }
        // most rules name one family only: their list as it is
        return Optional.of(ofFamily == networks.size() ? networks
                : networks.stream().filter(network -> network.family() == family).toList());
    }
}
