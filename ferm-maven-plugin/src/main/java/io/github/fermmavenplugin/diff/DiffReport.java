package io.github.fermmavenplugin.diff;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fermmavenplugin.bundle.Grant;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The report of {@code ferm:diff}, as text for the log and {@code target/ferm-diff.txt}, and as JSON for
 * tools ({@code target/ferm-diff.json}).
 *
 * @param previous the coordinates compared with, empty for a first release
 * @param fileDiff the unified diff of the ferm files
 */
public record DiffReport(String current, Optional<String> previous, PolicyDiff diff, List<String> fileDiff) {

    public DiffReport {
        fileDiff = List.copyOf(fileDiff);
    }

    /** One line of the JSON report. */
    @JsonPropertyOrder({"key", "service", "rule", "chain", "target", "port", "family", "from"})
    record Change(String key, String service, String rule, String chain, String target, String port, String family,
            String from) {

        static Change of(Grant g) {
            return new Change(g.key(), g.service(), g.rule(), g.chain(),
                    g.chain().equals("INPUT") ? "host" : g.published() ? "published host port"
                            : g.routed() ? "container, routed" : "container",
                    g.port().toString(), g.family().toString(), g.source().toString());
        }
    }

    @JsonPropertyOrder({"current", "previous", "opens", "closes", "fileDiff"})
    record Json(String current, String previous, List<Change> opens, List<Change> closes, List<String> fileDiff) {
    }

    public List<String> lines() {
        if (previous.isEmpty()) {
            return List.of("ferm:diff " + current + ": first release, no earlier released bundle to compare with.");
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add("ferm:diff " + current + " against " + previous.get() + ": " + diff.opens().size() + " opening(s), "
                + diff.closes().size() + " closing(s).");
        diff.opens().forEach(g -> lines.add("  opens:  " + describe(g)));
        diff.closes().forEach(g -> lines.add("  closes: " + describe(g)));
        if (!fileDiff.isEmpty()) {
            lines.add("The ferm files change:");
            lines.addAll(fileDiff);
        }
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines()) + "\n";
    }

    public String json() {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(new Json(current,
                    previous.orElse(null), diff.opens().stream().map(Change::of).toList(),
                    diff.closes().stream().map(Change::of).toList(), fileDiff)) + "\n";
        } catch (JsonProcessingException bug) {
            throw new UncheckedIOException("the report records always serialise", bug);
        }
    }

    /** "billing-api DOCKER-USER 9100/tcp from 10.30.0.0/16 (IPv4, container, rule metrics)". */
    private static String describe(Grant g) {
        return g.key() + " (" + g.family() + ", " + Change.of(g).target() + ", rule " + g.rule() + ")";
    }
}
