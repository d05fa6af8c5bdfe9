package io.github.fermmavenplugin.descriptor;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.io.StringReader;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The YAML a descriptor may use: one document holding a mapping, plain, quoted and flow or block
 * collections. Anchors, aliases, merge keys and tags would make {@code from: [*admin]} mean what only some YAML
 * readers see; YAML 1.1 readers (PyYAML, many editors) read {@code 0120} as octal 80 and {@code 22:22} as
 * base 60. Each of these is refused at its position, wherever it stands in the text, before any mistake of form
 * {@link DescriptorBinding} finds. The events are checked as the binding reads them, one at a time, no
 * recursion: the work is linear in the text, and no event is kept.
 */
final class YamlFeatures {

    /** A descriptor is four levels deep (rules, a rule, its ports); far more is not a descriptor. */
    static final int MAX_DEPTH = 20;

    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+(\\.[0-9_]*)?");
    private static final Pattern BASE_60 = Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
    private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";

    private final UserFile file;
    private final Parser parser;
    private int documents;
    private int depth;
    private boolean atRoot;
    private Mark documentStart;
    private Event peeked;
    private boolean refused;

    /** @throws org.yaml.snakeyaml.error.MarkedYAMLException for text that is not YAML, from every method */
    YamlFeatures(UserFile file) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        this.file = file;
        this.parser = new ParserImpl(new StreamReader(new StringReader(file.text())), options);
    }

    /** The next event of the document's nodes (a value, the start or end of a list or mapping), checked; null after the last. */
    Event next() {
        Event event = peek();
        peeked = null;
        return event;
    }

    Event peek() {
        if (peeked == null) {
            try {
                peeked = checkedEvent();
            } catch (InvalidInputException e) {
                refused = true;
                throw e;
            }
        }
        return peeked;
    }

    /** Whether a feature was refused: the text after it is not read. */
    boolean refused() {
        return refused;
    }

    /** The rest of the text checked: a feature refused anywhere in it is reported before a mistake of form. */
    void checkRest() {
        while (next() != null) {
            // each event is checked as it is read
        }
    }

    private Event checkedEvent() {
        while (parser.peekEvent() != null) {
            Event event = parser.getEvent();
            if (!(event instanceof NodeEvent || event instanceof CollectionEndEvent)) {
                if (event instanceof DocumentStartEvent) {
                    if (++documents > 1) {
                        throw new InvalidInputException(at(file, event.getStartMark()),
                                "a second YAML document in the descriptor", "Keep one document: remove this '---'"
                                        + " and what follows, or merge it into the first.");
                    }
                    atRoot = true;
                    documentStart = event.getStartMark();
                }
                continue;
            }
            check(event);
            return event;
        }
        return null;
    }

    private void check(Event event) {
        if (event instanceof AliasEvent alias) {
            throw new InvalidInputException(at(file, alias.getStartMark()), "the alias *" + printable(alias.getAnchor())
                    + ": anchors and aliases are not supported in a firewall descriptor", "Write the value out.");
        }
        if (event instanceof NodeEvent node && node.getAnchor() != null) {
            throw new InvalidInputException(at(file, node.getStartMark()), "the anchor &" + printable(node.getAnchor())
                    + ": anchors and aliases are not supported in a firewall descriptor",
                    "Remove the anchor and write the value out wherever it is needed.");
        }
        String tag = tagOf(event);
        if (tag != null) {
            throw new InvalidInputException(at(file, event.getStartMark()), "the tag " + shown(tag)
                    + ": explicit tags are not supported in a firewall descriptor",
                    "Remove the tag: a descriptor holds plain values, quoted text, lists and mappings.");
        }
        if (atRoot) {
            atRoot = false;
            if (!(event instanceof CollectionStartEvent start && start.is(Event.ID.MappingStart))) {
                if (event instanceof ScalarEvent scalar && scalar.getValue().isEmpty()
                        && scalar.getScalarStyle() == ScalarStyle.PLAIN) {
                    throw new InvalidInputException(at(file, documentStart), "the descriptor's document"
                            + " is empty", "Write at least 'version: 1' and the ingress rules.");
                }
                throw new InvalidInputException(at(file, event.getStartMark()),
                        "the descriptor must be a mapping of keys to values, not " + describe(event),
                        "Start it with 'version: 1' and the sections below it, each 'key: value'.");
            }
        }
        if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
            throw new InvalidInputException(at(file, event.getStartMark()),
                    "lists and mappings nested deeper than " + MAX_DEPTH + " levels",
                    "A descriptor is four levels deep: write it as the descriptor reference shows.");
        }
        if (event instanceof CollectionEndEvent) {
            depth--;
        }
        if (event instanceof ScalarEvent scalar && scalar.getScalarStyle() == ScalarStyle.PLAIN) {
            plain(file, scalar);
        }
    }

    private static void plain(UserFile file, ScalarEvent scalar) {
        String value = scalar.getValue();
        if (value.isEmpty() || !mayBeNumber(value.charAt(0))) {
            return;
        }
        if (value.equals("<<")) {
            throw new InvalidInputException(at(file, scalar.getStartMark()),
                    "the merge key '<<' is not supported in a firewall descriptor", "Write the keys out.");
        }
        if (startsWithZero(value) && LEADING_ZERO.matcher(value).matches()) {
            throw new InvalidInputException(at(file, scalar.getStartMark()), Quoted.of(value)
                    + " has a leading zero, which YAML 1.1 readers take for an octal number",
                    "Write it without the leading zero, or quote it if it is meant as text.");
        }
        if (value.indexOf(':') > 0 && BASE_60.matcher(value).matches()) {
            throw new InvalidInputException(at(file, scalar.getStartMark()), Quoted.of(value)
                    + " is a base-60 number to YAML 1.1 readers", "Quote it: \"" + value + "\".");
        }
    }

    /** What {@link #LEADING_ZERO} can match starts so: the regex is not run for every port and address. */
    private static boolean startsWithZero(String value) {
        int first = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
        return first < value.length() && value.charAt(first) == '0';
    }

    /** What the checks below can refuse starts so: names and words are passed without a regex. */
    private static boolean mayBeNumber(char first) {
        return first >= '0' && first <= '9' || first == '-' || first == '+' || first == '<';
    }

    private static String tagOf(Event event) {
        if (event instanceof ScalarEvent scalar) {
            return scalar.getTag();
        }
        if (event instanceof CollectionStartEvent start) {
            return start.getTag();
        }
        return null;
    }

    private static String describe(Event event) {
        if (event instanceof ScalarEvent scalar) {
            return scalar.getScalarStyle() == ScalarStyle.PLAIN && isNull(scalar.getValue()) ? "null"
                    : "the single value " + Quoted.of(scalar.getValue());
        }
        return "a list";
    }

    private static boolean isNull(String plain) {
        return plain.equals("~") || plain.equalsIgnoreCase("null");
    }

    private static String shown(String tag) {
        return tag.startsWith(CORE_TAG_PREFIX) ? "'!!" + printable(tag.substring(CORE_TAG_PREFIX.length())) + "'"
                : Quoted.of(tag);
    }

    private static String printable(String text) {
        String quoted = Quoted.of(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static SourcePosition at(UserFile file, Mark mark) {
        return new SourcePosition(file.path(), mark.getLine() + 1, mark.getColumn() + 1);
    }
}
