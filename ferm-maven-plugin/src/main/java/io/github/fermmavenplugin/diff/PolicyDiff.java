package io.github.fermmavenplugin.diff;

import io.github.fermmavenplugin.bundle.Grant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a release changes at policy level, from the grants of two bundles' manifests (a service bundle has
 * one manifest, a host bundle one per service): what traffic the new one lets in that the old did not, and
 * the reverse. A grant counts as already open when one grant of the other side admits all its traffic
 * (same service, chain and port kind, a port range and source network that contain it); a grant split over
 * several narrower ones therefore shows as changed, which errs on the side of telling the reviewer.
 *
 * @param opens grants of the new bundle no old grant covers, sorted
 * @param closes grants of the old bundle no new grant covers, sorted
 */
public record PolicyDiff(List<Grant> opens, List<Grant> closes) {

    public PolicyDiff {
        opens = opens.stream().sorted().toList();
        closes = closes.stream().sorted().toList();
    }

    public static PolicyDiff between(Collection<Grant> previous, Collection<Grant> current) {
        return new PolicyDiff(uncovered(current, previous), uncovered(previous, current));
    }

    /** The openings not named in {@code acknowledged} (by {@link Grant#key()}). */
    public List<Grant> unacknowledgedOpens(Set<String> acknowledged) {
        return opens.stream().filter(g -> !acknowledged.contains(g.key())).toList();
    }

    public boolean isEmpty() {
        return opens.isEmpty() && closes.isEmpty();
    }

    private static List<Grant> uncovered(Collection<Grant> grants, Collection<Grant> others) {
        return grants.stream().filter(g -> others.stream().noneMatch(g::within)).toList();
    }
}
