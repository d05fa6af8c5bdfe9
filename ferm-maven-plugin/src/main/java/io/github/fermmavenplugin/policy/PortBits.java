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
