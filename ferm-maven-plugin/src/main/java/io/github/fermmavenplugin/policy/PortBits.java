package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.net.PortRange;
import java.util.ArrayList;
import java.util.Arrays;
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
        PortRange[] merged = ranges.toArray(new PortRange[0]);
        Arrays.sort(merged);
        int count = 0;
        for (PortRange range : merged) {
            PortRange last = count == 0 ? null : merged[count - 1];
            if (last != null && range.first() <= last.last() + 1) {
                merged[count - 1] = last.last() >= range.last() ? last : new PortRange(last.first(), range.last());
            } else {
                merged[count++] = range;
            }
        }
        return List.of(Arrays.copyOf(merged, count));
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
