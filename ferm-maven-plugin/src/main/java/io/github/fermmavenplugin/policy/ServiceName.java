package io.github.fermmavenplugin.policy;

import java.util.regex.Pattern;

/**
 * A service's name: it names the bundle's files and every rule's comment. It may not start with
 * "docker.": service docker.x's host rules (20-in.docker.x.ferm) would replace service x's container rules.
 */
public record ServiceName(String value) {

    public static final Pattern GRAMMAR = Pattern.compile("(?!docker\\.)[a-z0-9][a-z0-9._-]{0,39}");

    public ServiceName {
        if (!GRAMMAR.matcher(value).matches()) {
            throw new IllegalArgumentException("not a service name: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
