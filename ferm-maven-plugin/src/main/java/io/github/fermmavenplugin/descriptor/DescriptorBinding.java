package io.github.fermmavenplugin.descriptor;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.diagnostic.Suggestions;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The events of the descriptor's document, as {@link YamlFeatures} checks them, bound to a {@link WrittenDescriptor}:
 * every value with the position of its first character, its type the record component's. The records are the
 * schema: their components are the keys, a {@code Located<X>} component says how its value is read.
 *
 * <p>The values and refusals are those the descriptor had when Jackson read it (the tests pin them): a plain
 * scalar's type is YAML 1.1's ({@code yes} is true, {@code 0x10} a number), numbers and booleans may stand where
 * text is expected and are read as written, a value that is empty or null is a {@link Located} holding null,
 * and an unknown key is refused only when the rest of its mapping has been read, as a record's unknown keys were.
 */
final class DescriptorBinding {

    private static final String SEE_REFERENCE = "See the descriptor reference in the README.";
    /** SnakeYAML's YAML 1.1 resolver, as Jackson used it: only for the few values that are not text. */
    private static final Resolver YAML_1_1 = new Resolver();

    /** Reads one value, at the cursor, of a record component's type. */
    private interface ValueReader {
        Located<?> read(DescriptorBinding binding);
    }

    private static final ValueReader TEXT = DescriptorBinding::text;
    private static final ValueReader WHOLE_NUMBER = DescriptorBinding::wholeNumber;
    private static final ValueReader TRUE_OR_FALSE = DescriptorBinding::trueOrFalse;
    private static final RecordShape DESCRIPTOR = RecordShape.of(WrittenDescriptor.class);

    private final Path file;
    private final YamlFeatures events;
    /** Where the cursor is, as a user names it: key names and list indexes. */
    private final List<Object> path = new ArrayList<>();

    private DescriptorBinding(Path file, YamlFeatures events) {
        this.file = file;
        this.events = events;
    }

    /** @param events at the root node, which is a mapping: {@link YamlFeatures} refuses any other */
    static WrittenDescriptor bind(Path file, YamlFeatures events) {
        return (WrittenDescriptor) new DescriptorBinding(file, events).record(DESCRIPTOR).value();
    }

    private Located<String> text() {
        Event event = events.next();
        if (event instanceof ScalarEvent scalar) {
            return new Located<>(isNull(scalar) ? null : scalar.getValue(), at(scalar.getStartMark()));
        }
        throw mismatch(event, "a single value, not a list or mapping");
    }

    private Located<Integer> wholeNumber() {
        Event event = events.next();
        if (event instanceof ScalarEvent scalar && isNull(scalar)) {
            return new Located<>(null, at(scalar.getStartMark()));
        }
        if (event instanceof ScalarEvent scalar && plainOf(scalar, Tag.INT)) {
            return new Located<>(wholeNumber(scalar), at(scalar.getStartMark()));
        }
        throw mismatch(event, "a whole number");
    }

    private Located<Boolean> trueOrFalse() {
        Event event = events.next();
        if (event instanceof ScalarEvent scalar && isNull(scalar)) {
            return new Located<>(null, at(scalar.getStartMark()));
        }
        if (event instanceof ScalarEvent scalar && plainOf(scalar, Tag.BOOL)) {
            String word = scalar.getValue().toLowerCase(Locale.ROOT);
            return new Located<>(word.equals("true") || word.equals("yes") || word.equals("on"),
                    at(scalar.getStartMark()));
        }
        throw mismatch(event, "true or false");
    }

    private Located<List<Located<?>>> list(ValueReader entry) {
        Event event = events.next();
        if (event instanceof ScalarEvent scalar && isNull(scalar)) {
            return new Located<>(null, at(scalar.getStartMark()));
        }
        if (!(event instanceof SequenceStartEvent)) {
            throw mismatch(event, "a list, like [80, 443]");
        }
        List<Located<?>> entries = new ArrayList<>();
        while (!(events.peek() instanceof CollectionEndEvent)) {
            path.add(entries.size());
            entries.add(entry.read(this));
            path.remove(path.size() - 1);
        }
        events.next();
        return new Located<>(entries, at(event.getStartMark()));
    }

    private Located<Map<String, Located<?>>> map(ValueReader value) {
        Event event = events.next();
        if (event instanceof ScalarEvent scalar && isNull(scalar)) {
            return new Located<>(null, at(scalar.getStartMark()));
        }
        if (!(event instanceof MappingStartEvent)) {
            throw mismatch(event, "a mapping of keys to values");
        }
        Map<String, Located<?>> entries = new LinkedHashMap<>();
        while (!(events.peek() instanceof CollectionEndEvent)) {
            ScalarEvent key = key();
            if (entries.containsKey(key.getValue())) {
                throw duplicate(key);
            }
            path.add(key.getValue());
            entries.put(key.getValue(), value.read(this));
            path.remove(path.size() - 1);
        }
        events.next();
        return new Located<>(entries, at(event.getStartMark()));
    }

    /**
     * Unknown keys wait for the end of the mapping, or for the moment every component has its value, as they did
     * in Jackson: a mistake in a known key's value below an unknown key is reported first.
     */
    private Located<Record> record(RecordShape shape) {
        Event event = events.next();
        if (event instanceof ScalarEvent scalar && isNull(scalar)) {
            return new Located<>(null, at(scalar.getStartMark()));
        }
        if (!(event instanceof MappingStartEvent)) {
            throw mismatch(event, "a mapping of keys to values");
        }
        Object[] values = new Object[shape.keys().size()];
        int assigned = 0;
        ScalarEvent firstUnknown = null;
        Set<String> unknown = null;
        while (!(events.peek() instanceof CollectionEndEvent)) {
            ScalarEvent key = key();
            int component = shape.keys().indexOf(key.getValue());
            boolean complete = assigned == values.length;
            if (component < 0) {
                unknown = unknown == null ? new HashSet<>() : unknown;
                if (!unknown.add(key.getValue())) {
                    throw duplicate(key);
                }
                if (complete) {
                    throw unknownKey(key, shape);
                }
                firstUnknown = firstUnknown == null ? key : firstUnknown;
                skip();
                continue;
            }
            if (values[component] != null) {
                throw duplicate(key);
            }
            path.add(key.getValue());
            values[component] = shape.values().get(component).read(this);
            path.remove(path.size() - 1);
            if (++assigned == values.length && firstUnknown != null) {
                throw unknownKey(firstUnknown, shape);
            }
        }
        events.next();
        if (firstUnknown != null) {
            throw unknownKey(firstUnknown, shape);
        }
        return new Located<>(shape.make(values), at(event.getStartMark()));
    }

    /** A mapping key: a plain or quoted value, never a list or mapping. */
    private ScalarEvent key() {
        Event key = events.next();
        if (key instanceof ScalarEvent scalar) {
            return scalar;
        }
        throw new InvalidInputException(at(key.getStartMark()), "not a valid descriptor: a key must be a single"
                + " value, not a list or mapping", "Write the key as a word, like 'name:'.");
    }

    /** The value of an unknown key, read only for its own duplicate keys. */
    private void skip() {
        Event event = events.next();
        if (event instanceof ScalarEvent) {
            return;
        }
        Set<String> keys = new HashSet<>();
        while (!(events.peek() instanceof CollectionEndEvent)) {
            if (event instanceof MappingStartEvent) {
                ScalarEvent key = key();
                if (!keys.add(key.getValue())) {
                    throw duplicate(key);
                }
            }
            skip();
        }
        events.next();
    }

    private static boolean isNull(ScalarEvent scalar) {
        String value = scalar.getValue();
        return value.isEmpty() || scalar.getScalarStyle() == ScalarStyle.PLAIN
                && (value.equals("~") || value.equals("null") || value.equals("Null") || value.equals("NULL"));
    }

    private static boolean plainOf(ScalarEvent scalar, Tag tag) {
        return scalar.getScalarStyle() == ScalarStyle.PLAIN
                && YAML_1_1.resolve(NodeId.scalar, scalar.getValue(), true).equals(tag);
    }

    /** A YAML 1.1 integer: underscores between digits, a sign, hexadecimal or binary (octal is refused before). */
    private Integer wholeNumber(ScalarEvent scalar) {
        String digits = scalar.getValue().replace("_", "");
        boolean negative = digits.startsWith("-");
        String unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        int radix = unsigned.startsWith("0x") ? 16 : unsigned.startsWith("0b") ? 2 : 10;
        String magnitude = radix == 10 ? unsigned : unsigned.substring(2);
        try {
            return Integer.valueOf((negative ? "-" : "") + magnitude, radix);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(at(scalar.getEndMark()), "not a valid descriptor: Numeric value ("
                    + scalar.getValue() + ") out of range of int (" + Integer.MIN_VALUE + " - " + Integer.MAX_VALUE
                    + ")", "Fix the YAML syntax here.");
        }
    }

    private InvalidInputException mismatch(Event event, String expected) {
        String where = where();
        return new InvalidInputException(at(event.getStartMark()),
                (where.isEmpty() ? "the descriptor" : "'" + where + "'") + " must be " + expected, SEE_REFERENCE);
    }

    private InvalidInputException unknownKey(ScalarEvent key, RecordShape shape) {
        String name = key.getValue();
        String where = where();
        return new InvalidInputException(at(key.getStartMark()),
                "unknown key " + Quoted.of(name) + (where.isEmpty() ? "" : " in " + where),
                "Use one of: " + String.join(", ", shape.sortedKeys()) + "."
                        + Suggestions.didYouMean(name, shape.sortedKeys()));
    }

    private InvalidInputException duplicate(ScalarEvent key) {
        return new InvalidInputException(at(key.getEndMark()),
                "not a valid descriptor: Duplicate field '" + key.getValue() + "'", "Write each key once.");
    }

    /** "ingress[0].ports", as a user would name the place. */
    private String where() {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(step);
            }
        }
        return Quoted.printable(text.toString());
    }

    /** The YAML key of a record component: its name in snake case, {@code gateway_mode_ipv4} for {@code gatewayModeIpv4}. */
    static String yamlKey(RecordComponent component) {
        return component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private SourcePosition at(Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** A record of {@link WrittenDescriptor}: its keys in component order, how each value is read, its constructor. */
    private record RecordShape(List<String> keys, List<String> sortedKeys, List<ValueReader> values,
            Constructor<?> constructor) {

        static RecordShape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            List<String> keys = Arrays.stream(components).map(DescriptorBinding::yamlKey).toList();
            List<ValueReader> values = Arrays.stream(components).map(c -> reader(c.getGenericType())).toList();
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                return new RecordShape(keys, keys.stream().sorted().toList(), values, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, e);
            }
        }

        /** @param located {@code Located<X>}, X a text, number, boolean, record, list or map of these */
        private static ValueReader reader(Type located) {
            Type value = ((ParameterizedType) located).getActualTypeArguments()[0];
            if (value == String.class) {
                return TEXT;
            }
            if (value == Integer.class) {
                return WHOLE_NUMBER;
            }
            if (value == Boolean.class) {
                return TRUE_OR_FALSE;
            }
            if (value instanceof Class<?> type && type.isRecord()) {
                RecordShape shape = of(type);
                return binding -> binding.record(shape);
            }
            ParameterizedType generic = (ParameterizedType) value;
            Type[] arguments = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class) {
                ValueReader entry = reader(arguments[0]);
                return binding -> binding.list(entry);
            }
            if (generic.getRawType() == Map.class && arguments[0] == String.class) {
                ValueReader entry = reader(arguments[1]);
                return binding -> binding.map(entry);
            }
            throw new IllegalStateException("no reader for a descriptor value of type " + value);
        }

        Record make(Object[] values) {
            try {
                return (Record) constructor.newInstance(values);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot make " + constructor.getDeclaringClass(), e);
            }
        }
    }
}
