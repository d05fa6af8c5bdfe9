package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.net.PortRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/** Port ranges as bit sets, for unions and differences of ranges of one protocol. */
final class PortBits {

    private PortBits() {
    }

    static BitSet of(Collection<PortRange> ranges) {
        BitSet bits = new BitSet();
        ranges.forEach(range -> bits.set(range.first(), range.last() + 1));
        return bits;
    }

    /** The fewest ranges that hold exactly the ports of these, in order: overlapping and adjacent ones joined. */
    static List<PortRange> merged(Collection<PortRange> ranges) {
        List<PortRange> merged = new ArrayList<>();
        for (PortRange range : ranges.stream().sorted().toList()) {
            PortRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && range.first() <= last.last() + 1) {
                merged.set(merged.size() - 1, new PortRange(last.first(), Math.max(last.last(), range.last())));
            } else {
                merged.add(range);
            }
        }
        return List.copyOf(merged);
    }

    /** The fewest ranges that hold exactly the set bits, in order. */
    static List<PortRange> ranges(BitSet bits) {
        List<PortRange> ranges = new ArrayList<>();
        for (int first = bits.nextSetBit(0); first >= 0; first = bits.nextSetBit(first)) {
            int end = bits.nextClearBit(first);
            ranges.add(new PortRange(first, end - 1));
            first = end;
        }
        return ranges;
    }
}
