package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.net.IpAddressText;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one expanded EXPOSE word as BuildKit does: {@code port}, {@code first-last}, either followed by
 * {@code /tcp}, {@code /udp} or {@code /sctp} in any case; tcp when no protocol is given. BuildKit also takes
 * {@code [ip:]hostPort:containerPort} here and exposes the container port, and so do we, with its checks: the address
 * must be an IP address ({@link IpAddressText#isLiteral}, IPv6 also in brackets), and a host port range must be as long as
 * the container port range unless the container side is a single port. Stricter than BuildKit: port 0, which
 * BuildKit would accept and no firewall can open, is refused.
 */
final class ExposeParser {

    /** The parts of "[ip:]hostPort:containerPort[/protocol]", split at colons as BuildKit splits them. */
    private record Parts(String address, String hostPorts, String containerPart) {

        static Parts of(String word) {
            String[] parts = word.split(":", -1);
            int count = parts.length;
            return switch (count) {
                case 1 -> new Parts("", "", word);
                case 2 -> new Parts("", parts[0], parts[1]);
                default -> new Parts(String.join(":", Arrays.copyOf(parts, count - 2)), parts[count - 2],
                        parts[count - 1]);
            };
        }
    }

    private ExposeParser() {
    }

    static ServicePort parse(String word) {
        Parts parts = Parts.of(word);
        int slash = parts.containerPart().indexOf('/');
        String portText = slash < 0 ? parts.containerPart() : parts.containerPart().substring(0, slash);
        String protocolText = slash < 0 ? "" : parts.containerPart().substring(slash + 1);
        if (portText.isEmpty()) {
            throw new InvalidValueException("no port number");
        }
        Protocol protocol = protocolText.isEmpty()
                ? Protocol.TCP
                : Protocol.parse(protocolText.toLowerCase(Locale.ROOT)).orElseThrow(() -> new InvalidValueException(
                        Quoted.of(protocolText) + " is not a protocol (use " + Protocol.choices() + ")"));
        checkAddress(parts.address(), parts.containerPart());
        PortRange container = range(portText);
        if (!parts.hostPorts().isEmpty()) {
            checkHostPorts(parts.hostPorts(), container, parts.containerPart());
        }
        return new ServicePort(container, protocol);
    }

    /**
     * BuildKit strips the brackets of "[address]" (then an empty "[]" counts as no address at all) and otherwise
     * takes the text as it is; what is left must be an IP address.
     */
    private static void checkAddress(String address, String containerPart) {
        String unbracketed = address;
        if (address.startsWith("[")) {
            boolean onePairAroundAll = address.endsWith("]") && address.indexOf(']') == address.length() - 1
                    && address.indexOf('[', 1) < 0;
            if (!onePairAroundAll) {
                throw badAddress(address, "its brackets do not enclose it", containerPart);
            }
            unbracketed = address.substring(1, address.length() - 1);
        }
        if (!unbracketed.isEmpty() && !IpAddressText.isLiteral(unbracketed)) {
            throw badAddress(address, "it is not an IP address", containerPart);
        }
    }

    private static InvalidValueException badAddress(String address, String why, String containerPart) {
        return new InvalidValueException(Quoted.of(address) + " cannot be the host address: " + why,
                "EXPOSE only declares the container port: write 'EXPOSE " + containerPart + "'; if you keep an"
                        + " address, write it as IPv4 (127.0.0.1) or IPv6 in brackets ([::1]).");
    }

    /** A host range must match the container range in length, unless the container side is one port. */
    private static void checkHostPorts(String hostPorts, PortRange container, String containerPart) {
        long[] host = portNumbers(hostPorts, "host port");
        long hostLength = host[1] - host[0] + 1;
        long containerLength = (long) container.last() - container.first() + 1;
        if (containerLength > 1 && hostLength != containerLength) {
            throw new InvalidValueException("the host side " + hostPorts + " has " + portCount(hostLength)
                    + ", the container range " + container.first() + "-" + container.last() + " has "
                    + portCount(containerLength) + " (BuildKit refuses ranges of different lengths)",
                    "EXPOSE only declares the container ports: write 'EXPOSE " + containerPart + "' and publish"
                            + " host ports when the container is run.");
        }
    }

    private static String portCount(long count) {
        return count == 1 ? "1 port" : count + " ports";
    }

    private static PortRange range(String text) {
        long[] numbers = portNumbers(text, "port");
        if (numbers[0] == 0) {
            throw new InvalidValueException("port 0 cannot be opened in a firewall");
        }
        return new PortRange((int) numbers[0], (int) numbers[1]);
    }

    /** First and last of "80" or "8000-8010", each 0-65535 as Docker reads them. */
    private static long[] portNumbers(String text, String what) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            long port = number(text, what);
            return new long[] {port, port};
        }
        if (text.indexOf('-', dash + 1) >= 0) {
            throw new InvalidValueException(Quoted.of(text) + " is not a " + what + " range (write first-last)");
        }
        long first = number(text.substring(0, dash), what);
        long last = number(text.substring(dash + 1), what);
        if (last < first) {
            throw new InvalidValueException("the " + what + " range " + text + " ends before it starts");
        }
        return new long[] {first, last};
    }

    /** Digits only, as Go's ParseUint reads them: no sign, leading zeros allowed. */
    private static long number(String text, String what) {
        int firstSignificant = 0;
        while (firstSignificant < text.length() - 1 && text.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        boolean digitsOnly = !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
        long value = digitsOnly && text.length() - firstSignificant <= 5
                ? Long.parseLong(text.substring(firstSignificant)) : -1;
        if (value < 0 || value > PortRange.MAX_PORT) {
            throw new InvalidValueException(Quoted.of(text) + " is not a " + what + " number from 1 to 65535");
        }
        return value;
    }
}
