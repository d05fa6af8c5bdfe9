package io.github.fermmavenplugin.policy;

import java.util.List;

/** Lets some sources reach some ports. */
public record AllowRule(RuleName name, List<PortMatch> ports, Sources sources) {

    public AllowRule {
        ports = List.copyOf(ports);
    }
}
