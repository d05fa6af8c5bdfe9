package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.util.List;

/**
 * Lets some sources reach some ports.
 *
 * @param position where the descriptor writes the rule, for messages about what it makes
 */
public record AllowRule(RuleName name, List<PortMatch> ports, Sources sources, SourcePosition position) {

    public AllowRule {
        ports = List.copyOf(ports);
    }
}
