package io.github.fermmavenplugin.diagnostic;

/**
 * Shows what the user wrote inside an error message without letting it garble the message: quoted,
 * cut short when long, and every character outside printable ASCII written as its code point, so that
 * control characters, line breaks and look-alikes (a Cyrillic U+0435 for the 'e' of "eth0") become visible and no
 * user text can forge further lines of a build log.
 */
public final class Quoted {

    /** Characters of the shown text, code points counted as written: long input is cut after them. */
    private static final int MAX_SHOWN = 40;

    private Quoted() {
    }

    /** 'eth0', or 'U+0435th0' for a Cyrillic look-alike; spaces show as they are. */
    public static String of(String raw) {
        StringBuilder shown = new StringBuilder("'");
        for (int i = 0; i < raw.length(); i++) {
            if (shown.length() > MAX_SHOWN) {
                shown.append("...");
                break;
            }
            char c = raw.charAt(i);
            shown.append(c == ' ' || isPrintableAscii(c) && c != '\'' && c != '\\' ? String.valueOf(c) : codePoint(c));
        }
        return shown.append('\'').toString();
    }

    /**
     * Free text, such as a library's message, with every character outside printable ASCII (spaces aside)
     * written as its code point; unlike {@link #of(String)} neither quoted nor shortened.
     */
    public static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            shown.append(c == ' ' || isPrintableAscii(c) ? String.valueOf(c) : codePoint(c));
        }
        return shown.toString();
    }

    /** One character: 'x' when it shows plainly, else its code point ("U+0027" for a quote). */
    public static String character(char c) {
        return isPrintableAscii(c) && c != '\'' && c != '\\' ? "'" + c + "'" : codePoint(c);
    }

    /** "U+00A0", the way Unicode names a character; look-alikes and invisible ones become visible. */
    public static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    /** Visible ASCII: no space, no control character, nothing beyond ASCII. */
    public static boolean isPrintableAscii(char c) {
        return c > ' ' && c < 0x7F;
    }

    /**
     * The problem with the first character that can never be part of a network value: whitespace,
     * control characters and anything beyond ASCII, or null when there is none.
     */
    public static String firstUnprintable(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPrintableAscii(c)) {
                continue;
            }
            String position = " at position " + (i + 1);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                return what + " " + of(text) + " contains whitespace (" + codePoint(c) + ")" + position;
            }
            if (c < 0x80) {
                return what + " " + of(text) + " contains the control character " + codePoint(c) + position;
            }
            return what + " " + of(text) + " contains the non-ASCII character "
                    + codePoint(text.codePointAt(i)) + position;
        }
        return null;
    }
}
