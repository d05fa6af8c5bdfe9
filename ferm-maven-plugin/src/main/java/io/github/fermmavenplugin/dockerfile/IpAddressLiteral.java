package io.github.fermmavenplugin.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a text is an IP address as Go's {@code net.ParseIP} reads it, which is what BuildKit checks the address
 * of an {@code ip:hostPort:containerPort} EXPOSE word with: IPv4 as four decimal fields 0-255 without leading zeros,
 * or IPv6 with at most one {@code ::} (standing for at least one group) and an optional dotted IPv4 tail; no zone,
 * no host names. Nothing is looked up.
 */
final class IpAddressLiteral {

    private static final Pattern IPV4_FIELD = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final int IPV6_GROUPS = 8;

    private IpAddressLiteral() {
    }

    static boolean isIpAddress(String text) {
        return text.indexOf(':') < 0 ? isIpv4(text) : isIpv6(text);
    }

    static boolean isIpv4(String text) {
        String[] fields = text.split("\\.", -1);
        if (fields.length != 4) {
            return false;
        }
        for (String field : fields) {
            if (!IPV4_FIELD.matcher(field).matches() || Integer.parseInt(field) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String text) {
        int ellipsis = text.indexOf("::");
        if (ellipsis >= 0 && text.indexOf("::", ellipsis + 1) >= 0) {
            return false;
        }
        List<String> head = groups(ellipsis < 0 ? text : text.substring(0, ellipsis));
        List<String> tail = ellipsis < 0 ? List.of() : groups(text.substring(ellipsis + 2));
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        // a dotted IPv4 tail, counting as two groups, may only end the address: not stand before a trailing "::"
        boolean lastEndsAddress = ellipsis < 0 || !tail.isEmpty();
        int count = 0;
        for (int i = 0; i < all.size(); i++) {
            String group = all.get(i);
            if (IPV6_GROUP.matcher(group).matches()) {
                count++;
            } else if (lastEndsAddress && i == all.size() - 1 && isIpv4(group)) {
                count += 2;
            } else {
                return false;
            }
        }
        return ellipsis < 0 ? count == IPV6_GROUPS : count < IPV6_GROUPS;
    }

    /** "" has no groups; otherwise every group between colons, empty ones included so that they are refused. */
    private static List<String> groups(String colonSeparated) {
        return colonSeparated.isEmpty() ? List.of() : List.of(colonSeparated.split(":", -1));
    }
}
