package io.github.fermmavenplugin.policy;

import java.util.regex.Pattern;

/**
 * A service's name: it names the bundle's files and every rule's comment. It may not start with
 * "docker.": service docker.x's host rules (20-in.docker.x.ferm) would replace service x's container rules.
 */
public record ServiceName(String value) {

    static final NameGrammar GRAMMAR = new NameGrammar(Pattern.compile("(?!docker\\.)[a-z0-9][a-z0-9._-]{0,39}"),
            "service name", "Set 'service:' to 1-40 characters: lowercase letters and digits first, then also '.',"
                    + " '_' or '-', not starting with 'docker.', which names the container rules' files.");

    public ServiceName {
        GRAMMAR.require(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
