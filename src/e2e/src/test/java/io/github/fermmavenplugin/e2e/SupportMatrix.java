package io.github.fermmavenplugin.e2e;

import io.github.fermmavenplugin.e2e.harness.DockerDistribution;
import io.github.fermmavenplugin.e2e.harness.Topology;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The README's support matrix, from the expectations a real-daemon run has just held: per daemon and host setup,
 * what the bundle guarantees for published ports over IPv4 and IPv6, and against direct routing, and which holes
 * the measured outcomes followed instead.
 */
final class SupportMatrix {

    private SupportMatrix() {
    }

    record Row(DockerDistribution distribution, HostSetup setup, String publishedV4, String publishedV6,
               String directV4, String directV6) {

        static Row of(DockerDistribution distribution, HostSetup setup, List<Expectation> held) {
            return new Row(distribution, setup,
                    verdict(held, false, false), verdict(held, true, false),
                    verdict(held, false, true), verdict(held, true, true));
        }

        private static String verdict(List<Expectation> held, boolean v6, boolean direct) {
            List<Expectation> cell = held.stream()
                    .filter(e -> e.probe().source().contains(":") == v6)
                    .filter(e -> e.why().contains("routed") == direct)
                    .filter(e -> direct || e.probe().port() != Topology.HOST_SSH_PORT && e.probe().port() != Topology.HOST_CLOSED_PORT)
                    .toList();
            TreeSet<String> holes = cell.stream().map(Expectation::why).filter(why -> why.contains("[hole "))
                    .map(why -> why.substring(why.indexOf("[hole ") + 1, why.indexOf(':', why.indexOf("[hole "))))
                    .collect(Collectors.toCollection(TreeSet::new));
            long deviating = cell.stream().filter(e -> e.why().contains("[hole ")).count();
            return holes.isEmpty() ? "as the descriptor says"
                    : deviating + " of " + cell.size() + " probes differ (" + String.join(", ", holes) + ")";
        }
    }

    static String markdown(List<Row> rows) {
        StringBuilder table = new StringBuilder(
                "| Docker | host setup | published, IPv4 | published, IPv6 | direct routing, IPv4 | direct routing, IPv6 |\n"
                        + "|---|---|---|---|---|---|\n");
        rows.stream().sorted(Comparator.comparing(Row::setup).thenComparing(Row::distribution)).forEach(row ->
                table.append("| ").append(row.distribution().version()).append(" (").append(row.distribution().suite())
                        .append(") | ").append(row.setup().label()).append(" | ").append(row.publishedV4())
                        .append(" | ").append(row.publishedV6()).append(" | ").append(row.directV4())
                        .append(" | ").append(row.directV6()).append(" |\n"));
        return table.toString();
    }
}
