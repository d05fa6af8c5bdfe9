package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one expanded EXPOSE word as Docker does: {@code port}, {@code first-last}, either followed by
 * {@code /tcp}, {@code /udp} or {@code /sctp} in any case; tcp when no protocol is given. Docker also takes
 * {@code [ip:]hostPort:containerPort} here and exposes the container port, and so do we. Stricter than Docker:
 * port 0, which Docker would accept and no firewall can open, is refused.
 */
final class ExposeParser {

    /** Why a word is not a port, said so that it fits "EXPOSE '...' is not a port: ...". */
    static final class NotAPort extends Exception {
        private static final long serialVersionUID = 1L;

        NotAPort(String reason) {
            super(reason, null, false, false);
        }
    }

    private ExposeParser() {
    }

    static ServicePort parse(String word) throws NotAPort {
        String containerPart = containerPart(word);
        int slash = containerPart.indexOf('/');
        String portText = slash < 0 ? containerPart : containerPart.substring(0, slash);
        String protocolText = slash < 0 ? "" : containerPart.substring(slash + 1);
        if (portText.isEmpty()) {
            throw new NotAPort("no port number");
        }
        Protocol protocol = protocolText.isEmpty()
                ? Protocol.TCP
                : Protocol.parse(protocolText.toLowerCase(Locale.ROOT)).orElseThrow(() -> new NotAPort(
                        Quoted.of(protocolText) + " is not a protocol (use " + Protocol.choices() + ")"));
        return new ServicePort(range(portText), protocol);
    }

    private static String containerPart(String word) throws NotAPort {
        String[] parts = word.split(":", -1);
        if (parts.length == 1) {
            return word;
        }
        String hostPort = parts[parts.length - 2];
        if (!hostPort.isEmpty()) {
            portNumbers(hostPort, "host port");
        }
        if (parts.length > 2) {
            String address = String.join(":", Arrays.copyOf(parts, parts.length - 2));
            if (!address.isEmpty() && !address.matches("\\[?[0-9A-Fa-f.:]+]?")) {
                throw new NotAPort(Quoted.of(address) + " is not an IP address");
            }
        }
        return parts[parts.length - 1];
    }

    private static PortRange range(String text) throws NotAPort {
        long[] numbers = portNumbers(text, "port");
        if (numbers[0] == 0) {
            throw new NotAPort("port 0 cannot be opened in a firewall");
        }
        return new PortRange((int) numbers[0], (int) numbers[1]);
    }

    /** First and last of "80" or "8000-8010", each 0-65535 as Docker reads them. */
    private static long[] portNumbers(String text, String what) throws NotAPort {
        int dash = text.indexOf('-');
        if (dash < 0) {
            long port = number(text, what);
            return new long[] {port, port};
        }
        if (text.indexOf('-', dash + 1) >= 0) {
            throw new NotAPort(Quoted.of(text) + " is not a " + what + " range (write first-last)");
        }
        long first = number(text.substring(0, dash), what);
        long last = number(text.substring(dash + 1), what);
        if (last < first) {
            throw new NotAPort("the " + what + " range " + text + " ends before it starts");
        }
        return new long[] {first, last};
    }

    /** Digits only, as Go's ParseUint reads them: no sign, leading zeros allowed. */
    private static long number(String text, String what) throws NotAPort {
        int firstSignificant = 0;
        while (firstSignificant < text.length() - 1 && text.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        boolean digitsOnly = !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
        long value = digitsOnly && text.length() - firstSignificant <= 5
                ? Long.parseLong(text.substring(firstSignificant)) : -1;
        if (value < 0 || value > PortRange.MAX_PORT) {
            throw new NotAPort(Quoted.of(text) + " is not a " + what + " number from 1 to 65535");
        }
        return value;
    }
}
