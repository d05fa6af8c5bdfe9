package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import java.util.Locale;

/** The values of {@code ferm.verify}: check the bundle with the real ferm when found, always, or never. */
public enum VerifyMode {
    AUTO, TRUE, FALSE;

    /** @throws InvalidInputException for anything but auto, true or false, in any case */
    public static VerifyMode parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("ferm.verify is " + Quoted.of(String.valueOf(value)),
                    "Use auto, true or false.");
        }
    }
}
