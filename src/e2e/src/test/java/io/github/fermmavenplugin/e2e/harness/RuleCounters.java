package io.github.fermmavenplugin.e2e.harness;

import io.github.fermmavenplugin.net.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packet counters of one chain's rules, read with {@code iptables-save -c}: which rule the packets of a
 * connection actually matched.
 */
public final class RuleCounters {

    private static final Pattern COUNTED_RULE = Pattern.compile("^\\[(\\d+):(\\d+)] -A (\\S+) (.*)$");

    /** One rule and how many packets matched it. */
    public record Counted(String rule, long packets) {
    }

    private RuleCounters() {
    }

    public static void zero(NetworkNamespace host, IpFamily family, String chain) {
        host.exec(IptablesBackend.LEGACY.tool(family, ""), "-t", "filter", "-Z", chain);
    }

    public static List<Counted> read(NetworkNamespace host, IpFamily family, String chain) {
        String save = host.exec(IptablesBackend.LEGACY.tool(family, "-save"), "-c", "-t", "filter").stdout();
        List<Counted> counted = new ArrayList<>();
        for (String line : save.lines().toList()) {
            Matcher matcher = COUNTED_RULE.matcher(line);
            if (matcher.matches() && matcher.group(3).equals(chain)) {
                counted.add(new Counted(matcher.group(4), Long.parseLong(matcher.group(1))));
            }
        }
        return counted;
    }
}
