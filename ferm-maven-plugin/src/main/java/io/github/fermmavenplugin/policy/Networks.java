package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.net.Cidr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The fewest networks that hold exactly the addresses of some networks: those inside another are
 * dropped, two halves of one network become that network. Each family on its own, after one sort.
 */
final class Networks {

    private Networks() {
    }

    private record Network(Cidr cidr, byte[] address) {
        int prefix() {
            return cidr.prefixLength();
        }
    }

    static List<Cidr> merged(Collection<Cidr> networks) {
        if (networks.size() == 1) {
            return List.copyOf(networks); // most rules: one network is merged already
        }
        Cidr[] sorted = networks.toArray(new Cidr[0]);
        Arrays.sort(sorted);
        List<Network> stack = new ArrayList<>();
        for (Cidr cidr : sorted) {
            // a network equal to the last one is inside it too
            if (!stack.isEmpty() && stack.get(stack.size() - 1).cidr().contains(cidr)) {
                continue;
            }
            stack.add(new Network(cidr, cidr.addressBytes()));
            while (stack.size() >= 2 && halves(stack.get(stack.size() - 2), stack.get(stack.size() - 1))) {
                Network lower = stack.remove(stack.size() - 2);
                stack.remove(stack.size() - 1);
                byte[] whole = lower.address();
                stack.add(new Network(Cidr.of(whole, lower.prefix() - 1), whole));
            }
        }
        return stack.stream().map(Network::cidr).toList();
    }

    /** Whether the two are the lower and the upper half of one network. */
    private static boolean halves(Network lower, Network upper) {
        int prefix = lower.prefix();
        if (lower.cidr().family() != upper.cidr().family() || prefix != upper.prefix() || prefix == 0) {
            return false;
        }
        int bit = prefix - 1;
        byte[] flipped = lower.address().clone();
        if ((flipped[bit / Byte.SIZE] & (0x80 >>> (bit % Byte.SIZE))) != 0) {
            return false;
        }
        flipped[bit / Byte.SIZE] ^= (byte) (0x80 >>> (bit % Byte.SIZE));
        return Arrays.equals(flipped, upper.address());
    }
}
