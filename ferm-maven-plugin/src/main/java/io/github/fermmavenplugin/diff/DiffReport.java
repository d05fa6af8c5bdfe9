package io.github.fermmavenplugin.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.fermmavenplugin.bundle.Grant;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The report of {@code ferm:diff}, as text for the log and {@code target/ferm-diff.txt}, and as JSON for
 * tools ({@code target/ferm-diff.json}).
 *
 * @param previous the coordinates compared with, empty for a first release
 * @param sharedFileChanges see {@link ComparedBundle#sharedFileChangesFrom}: each may widen every rule
 * @param fileDiff the unified diff of the ferm files
 */
public record DiffReport(String current, Optional<String> previous, PolicyDiff diff, List<String> sharedFileChanges,
        List<String> fileDiff) {

    public DiffReport {
        sharedFileChanges = List.copyOf(sharedFileChanges);
        fileDiff = List.copyOf(fileDiff);
    }

    /** Nothing released before {@code current}: nothing to compare with. */
    public static DiffReport firstRelease(String current) {
        return new DiffReport(current, Optional.empty(), PolicyDiff.between(List.of(), List.of()), List.of(), List.of());
    }

    public static DiffReport between(String current, ComparedBundle now, String previous, ComparedBundle before) {
        return new DiffReport(current, Optional.of(previous), PolicyDiff.between(before.grants(), now.grants()),
                now.sharedFileChangesFrom(before), now.fileDiffFrom(before));
    }

    /**
     * What this release may let in that the previous did not and {@code acknowledged} does not name: the
     * openings' keys, then the shared file changes.
     */
    public List<String> unacknowledged(Set<String> acknowledged) {
        List<String> keys = new ArrayList<>(diff.unacknowledgedOpens(acknowledged).stream().map(Grant::key).toList());
        sharedFileChanges.stream().filter(change -> !acknowledged.contains(change)).forEach(keys::add);
        return List.copyOf(keys);
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** One change of the JSON report, its members in this order. */
    record Change(String key, String service, String rule, String chain, String target, String port, String family,
            String from) {

        static Change of(Grant g) {
            return new Change(g.key(), g.service(), g.rule(), g.chain(),
                    g.chain().equals("INPUT") ? "host" : g.published() ? "published host port"
                            : g.routed() ? "container, routed" : "container",
                    g.port().toString(), g.family().toString(), g.source().toString());
        }
    }

    public List<String> lines() {
        if (previous.isEmpty()) {
            return List.of("ferm:diff " + current + ": first release, no earlier released bundle to compare with.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("ferm:diff " + current + " against " + previous.get() + ": " + diff.opens().size() + " opening(s), "
                + diff.closes().size() + " closing(s)" + (sharedFileChanges.isEmpty() ? ""
                        : ", " + sharedFileChanges.size() + " change(s) of the shared files") + ".");
        diff.opens().forEach(g -> lines.add("  opens:  " + describe(g)));
        diff.closes().forEach(g -> lines.add("  closes: " + describe(g)));
        sharedFileChanges.forEach(change -> lines.add("  changes: " + change + " (docker.external or defaults: from"
                + " which interfaces every rule admits traffic, and what happens to the rest; see its diff)"));
        if (!fileDiff.isEmpty()) {
            lines.add("The ferm files change:");
            lines.addAll(fileDiff);
        }
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines()) + "\n";
    }

    /** The report as JSON in Jackson's default layout, as it has always been written. */
    public String json() {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("current", current);
            json.writeStringField("previous", previous.orElse(null));
            writeChanges(json, "opens", diff.opens());
            writeChanges(json, "closes", diff.closes());
            writeStrings(json, "sharedFileChanges", sharedFileChanges);
            writeStrings(json, "fileDiff", fileDiff);
            json.writeEndObject();
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("a StringWriter does not fail", cannotHappen);
        }
        return text + "\n";
    }

    private static void writeChanges(JsonGenerator json, String name, List<Grant> grants) throws IOException {
        json.writeArrayFieldStart(name);
        for (Grant grant : grants) {
            Change change = Change.of(grant);
            json.writeStartObject();
            json.writeStringField("key", change.key());
            json.writeStringField("service", change.service());
            json.writeStringField("rule", change.rule());
            json.writeStringField("chain", change.chain());
            json.writeStringField("target", change.target());
            json.writeStringField("port", change.port());
            json.writeStringField("family", change.family());
            json.writeStringField("from", change.from());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> strings) throws IOException {
        json.writeArrayFieldStart(name);
        for (String string : strings) {
            json.writeString(string);
        }
        json.writeEndArray();
    }

    /** "billing-api DOCKER-USER 9100/tcp from 10.30.0.0/16 (IPv4, container, rule metrics)". */
    private static String describe(Grant g) {
        return g.key() + " (" + g.family() + ", " + Change.of(g).target() + ", rule " + g.rule() + ")";
    }
}
