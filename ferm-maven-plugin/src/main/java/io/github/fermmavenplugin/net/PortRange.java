package io.github.fermmavenplugin.net;

/**
 * A non-empty range of port numbers, both ends included; a single port has {@code first == last}.
 * Orders by first port, then last.
 */
public record PortRange(int first, int last) implements Comparable<PortRange> {

    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;

    public PortRange {
        if (first < MIN_PORT || last > MAX_PORT || first > last) {
            throw new IllegalArgumentException("not a port range: " + first + "-" + last);
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    public static boolean isPort(long value) {
        return value >= MIN_PORT && value <= MAX_PORT;
    }

    public boolean isSingle() {
        return first == last;
    }

    public boolean contains(PortRange other) {
        return first <= other.first && other.last <= last;
    }

    public boolean overlaps(PortRange other) {
        return first <= other.last && other.first <= last;
    }

    /** "80" or "8000-8010", as Docker writes it. */
    @Override
    public String toString() {
        return isSingle() ? Integer.toString(first) : first + "-" + last;
    }

    @Override
    public int compareTo(PortRange other) {
        int byFirst = Integer.compare(first, other.first);
        return byFirst != 0 ? byFirst : Integer.compare(last, other.last);
    }
}
