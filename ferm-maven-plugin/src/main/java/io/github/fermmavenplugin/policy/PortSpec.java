package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.descriptor.Located;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.Optional;

/**
 * One entry of a rule's {@code ports}, in the forms {@code docker run -p} knows: {@code 80},
 * {@code 8000-8010/udp}, {@code 8443:443/tcp} (published:container).
 *
 * @param published the host port clients connect to, when written ("443:443" matches host port 443 alone)
 */
record PortSpec(Optional<PortRange> published, ServicePort container) {

    private static final String FORMS = "Write a port (80), a range (8000-8010) or published:container (8443:443),"
            + " optionally followed by /tcp, /udp or /sctp.";
    /** Up to this many digits are read as a number, and refused when outside 1-65535; more are not a port. */
    private static final int MAX_DIGITS = 9;

    static PortSpec parse(Located<String> entry) {
        String text = entry.value();
        String ports = text;
        Protocol protocol = Protocol.TCP;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            String name = text.substring(slash + 1);
            protocol = Protocol.parse(name).orElseThrow(() -> new InvalidInputException(entry.position(),
                    Quoted.of(name) + " in " + Quoted.of(text) + " is not a protocol", "Use " + Protocol.choices() + "."));
            ports = text.substring(0, slash);
        }
        String[] sides = ports.split(":", -1);
        if (sides.length > 2) {
            throw new InvalidInputException(entry.position(), Quoted.of(text) + " names a host address or too many ports",
                    "The descriptor matches ports only: write published:container, like 8443:443.");
        }
        PortRange container = range(sides[sides.length - 1], entry);
        if (sides.length == 1) {
            return new PortSpec(Optional.empty(), new ServicePort(container, protocol));
        }
        PortRange published = range(sides[0], entry);
        if (published.last() - published.first() != container.last() - container.first()) {
            throw new InvalidInputException(entry.position(),
                    "published " + published + " and container " + container + " in " + Quoted.of(text)
                            + " are not ranges of the same length",
                    "Publish each container port on one host port, as docker run -p does.");
        }
        return new PortSpec(Optional.of(published), new ServicePort(container, protocol));
    }

    /** "80" or "8000-8010", each number of 1 to {@link #MAX_DIGITS} decimal digits. */
    private static PortRange range(String text, Located<String> entry) {
        int dash = text.indexOf('-');
        long first = number(text, 0, dash < 0 ? text.length() : dash);
        long last = dash < 0 ? first : number(text, dash + 1, text.length());
        if (first < 0 || last < 0) {
            throw new InvalidInputException(entry.position(), Quoted.of(entry.value()) + " is not a port", FORMS);
        }
        for (long port : new long[] {first, last}) {
            if (!PortRange.isPort(port)) {
                throw new InvalidInputException(entry.position(), "port " + port + " is outside 1-65535",
                        "Use a port from 1 to 65535.");
            }
        }
        if (first > last) {
            throw new InvalidInputException(entry.position(), "the range " + text + " is reversed",
                    "Write it low to high: " + last + "-" + first + ".");
        }
        return new PortRange((int) first, (int) last);
    }

    /** The decimal number between the two indexes, or -1 when that is not 1 to {@link #MAX_DIGITS} digits. */
    private static long number(String text, int start, int end) {
        if (end - start < 1 || end - start > MAX_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
