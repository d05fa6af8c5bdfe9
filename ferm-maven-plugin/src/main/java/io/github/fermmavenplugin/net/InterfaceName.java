package io.github.fermmavenplugin.net;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import java.util.Objects;

/**
 * A network interface name as iptables matches it ({@code -i eth0}): 1 to 15 characters (Linux's
 * IFNAMSIZ less the terminating NUL), or a prefix with a trailing {@code +} that matches every interface
 * starting with it ({@code br-+}).
 *
 * <p>Stricter than Linux on purpose, because the name goes into ferm text: only ASCII letters, digits,
 * '.', '_' and '-'; it must start with a letter or digit (a leading '-' reads as an option, a leading
 * '.' is how "." and ".." start); a bare {@code +} would match every interface, loopback and the
 * containers' bridges included, and is refused. Names like {@code eth0:1} are address labels, not
 * interfaces, and are refused too. Orders by name.
 */
public record InterfaceName(String name) implements Comparable<InterfaceName> {

    /** Linux's IFNAMSIZ (16) less the terminating NUL; the trailing '+' of a wildcard counts. */
    public static final int MAX_LENGTH = 15;

    private static final String WILDCARD = "+";
    private static final String GRAMMAR = "up to " + MAX_LENGTH
            + " letters, digits, '.', '_' and '-', starting with a letter or digit, optionally ending in '+'";

    /**
     * For code that already holds a valid name; users' text goes through {@link #parse(String)}.
     *
     * @throws IllegalArgumentException when the name breaks the grammar
     */
    public InterfaceName {
        Objects.requireNonNull(name, "name");
        try {
            check(name);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException("not an interface name: " + e.getMessage(), e);
        }
    }

    /**
     * @throws InvalidValueException when the text is not a name as described above
     */
    public static InterfaceName parse(String text) {
        check(Objects.requireNonNull(text, "text"));
        return new InterfaceName(text);
    }

    /** Whether this is a prefix ending in '+' that matches several interfaces. */
    public boolean isWildcard() {
        return name.endsWith(WILDCARD);
    }

    /** Whether a concrete interface of that name is matched: equal, or starting with a wildcard's prefix. */
    public boolean matches(InterfaceName concrete) {
        return isWildcard() ? concrete.name.startsWith(prefix()) : equals(concrete);
    }

    private String prefix() {
        return isWildcard() ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * Whether some interface could be matched by both, e.g. {@code eth+} and {@code eth0}, or
     * {@code br-+} and {@code br+}; two plain names only when they are equal.
     */
    public boolean overlaps(InterfaceName other) {
        if (isWildcard() && other.isWildcard()) {
            return prefix().startsWith(other.prefix()) || other.prefix().startsWith(prefix());
        }
        return matches(other) || other.matches(this);
    }

    /** The name as iptables and ferm take it. */
    public String token() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public int compareTo(InterfaceName other) {
        return name.compareTo(other.name);
    }

    private static void check(String text) {
        String remedy = "Write a name of " + GRAMMAR + ", e.g. eth0 or br-+.";
        if (text.isEmpty()) {
            throw new InvalidValueException("the interface name is empty", remedy);
        }
        String unprintable = Quoted.firstUnprintable(text, "the interface name");
        if (unprintable != null) {
            throw new InvalidValueException(unprintable, remedy);
        }
        if (text.equals(".") || text.equals("..")) {
            throw new InvalidValueException(Quoted.of(text) + " is not an interface name (Linux reserves it)",
                    remedy);
        }
        if (text.equals(WILDCARD)) {
            throw new InvalidValueException(
                    "'+' alone would match every interface, loopback and the containers' bridges included",
                    "Name the interfaces, or a prefix with '+', e.g. eth+.");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean last = i == text.length() - 1;
            if (c == '+' && !last) {
                throw new InvalidValueException(
                        Quoted.of(text) + " has '+' before its end; '+' is only a trailing wildcard",
                        "Put '+' last to match every interface starting with what comes before, e.g. br-+.");
            }
            if (c == ':') {
                throw new InvalidValueException(
                        Quoted.of(text) + " is an address label, not an interface; iptables never sees it",
                        "Write the interface itself, the part before ':'.");
            }
            if (c == '/') {
                throw new InvalidValueException(Quoted.of(text) + " contains '/', which Linux forbids in"
                        + " interface names", remedy);
            }
            if (!isNameCharacter(c) && c != '+') {
                throw new InvalidValueException(
                        Quoted.of(text) + " contains " + Quoted.character(c)
                                + ", which is not allowed in an interface name",
                        remedy);
            }
        }
        if (!isLetterOrDigit(text.charAt(0))) {
            throw new InvalidValueException(Quoted.of(text) + " does not start with a letter or digit", remedy);
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidValueException(
                    Quoted.of(text) + " has " + text.length() + " characters; Linux allows at most " + MAX_LENGTH,
                    "Use the interface's real name (see 'ip link'), or a shorter prefix with '+'.");
        }
    }

    private static boolean isNameCharacter(char c) {
        return isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
