package io.github.fermmavenplugin.net;

/**
 * Shows what the user wrote inside an error message without letting it garble the message: quoted,
 * cut short when long, and every character outside printable ASCII written as its code point.
 */
final class Quoted {

    /** Characters of the shown text, code points counted as written: long input is cut after them. */
    private static final int MAX_SHOWN = 40;

    private Quoted() {
    }

    static String of(String raw) {
        StringBuilder shown = new StringBuilder("'");
        for (int i = 0; i < raw.length(); i++) {
            if (shown.length() > MAX_SHOWN) {
                shown.append("...");
                break;
            }
            char c = raw.charAt(i);
            shown.append(isPrintableAscii(c) && c != '\'' && c != '\\' ? String.valueOf(c) : codePoint(c));
        }
        return shown.append('\'').toString();
    }

    /** One character: 'x' when it shows plainly, else its code point ("U+0027" for a quote). */
    static String character(char c) {
        return isPrintableAscii(c) && c != '\'' && c != '\\' ? "'" + c + "'" : codePoint(c);
    }

    /** "U+00A0", the way Unicode names a character; look-alikes and invisible ones become visible. */
    static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    static boolean isPrintableAscii(char c) {
        return c > ' ' && c < 0x7F;
    }

    /**
     * The problem with the first character that can never be part of a network value: whitespace,
     * control characters and anything beyond ASCII, or null when there is none.
     */
    static String firstUnprintable(String text, String what) {
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
