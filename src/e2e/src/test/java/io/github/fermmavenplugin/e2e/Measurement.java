package io.github.fermmavenplugin.e2e;

import java.util.List;

/**
 * What a scenario's bundle costs, measured on the live host namespace.
 *
 * @param scenario                 the scenario's name
 * @param dockerUserRules          rules ferm put in DOCKER-USER, IPv4 + IPv6
 * @param inputRules               rules in INPUT, IPv4 + IPv6 (the base ferm.conf's included)
 * @param establishedMatchedAtRule 1-based position in DOCKER-USER of the rule that the established packets of an
 *                                 allowed inbound TCP connection matched
 * @param establishedPackets       how many such packets it counted
 * @param laterRulePackets         packets counted by all later DOCKER-USER rules together (only the SYN: 1)
 */
record Measurement(String scenario, int dockerUserRules, int inputRules, int establishedMatchedAtRule,
                   long establishedPackets, long laterRulePackets) {

    static String markdownTable(List<Measurement> measurements) {
        StringBuilder table = new StringBuilder(
                "| scenario | DOCKER-USER rules (v4+v6) | INPUT rules (v4+v6, base included) | established packets matched at rule | their count | packets on later rules |\n"
                        + "|---|---|---|---|---|---|\n");
        for (Measurement m : measurements) {
            table.append("| ").append(m.scenario()).append(" | ").append(m.dockerUserRules()).append(" | ")
                    .append(m.inputRules()).append(" | ").append(m.establishedMatchedAtRule()).append(" | ")
                    .append(m.establishedPackets()).append(" | ").append(m.laterRulePackets()).append(" |\n");
        }
        return table.toString();
    }
}
