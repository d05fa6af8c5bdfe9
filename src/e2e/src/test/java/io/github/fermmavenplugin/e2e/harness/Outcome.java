package io.github.fermmavenplugin.e2e.harness;

/**
 * What a client saw when it tried to reach a port.
 */
public enum Outcome {
    /** Connected (TCP) or got an answer (UDP), and the payload came back: traffic flows both ways. */
    OPEN,
    /** Actively refused: a TCP reset or an ICMP port-unreachable, as REJECT sends. */
    REFUSED,
    /** No answer at all within the time limit, as DROP does. */
    TIMEOUT,
    /** An ICMP host/network unreachable or administratively prohibited. */
    UNREACHABLE,
    /** Anything else; the probe's detail says what. */
    ERROR
}
