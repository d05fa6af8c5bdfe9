package io.github.fermmavenplugin.net;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The transport protocols Docker can expose and publish. */
public enum Protocol {
    TCP, UDP, SCTP;

    private final String token = name().toLowerCase(Locale.ROOT);

    /** The lowercase name, as Docker, iptables and ferm write it. */
    public String token() {
        return token;
    }

    /** Docker accepts any case ("80/TCP"). */
    public static Optional<Protocol> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.token().equalsIgnoreCase(text)).findFirst();
    }

    /** "tcp, udp or sctp", for messages. */
    public static String choices() {
        String all = Arrays.stream(values()).map(Protocol::token).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    @Override
    public String toString() {
        return token();
    }
}
