package io.github.fermmavenplugin.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.diagnostic.Suggestions;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/** Reads {@code firewall.yaml} into a {@link Descriptor}; every mistake of form is an {@link InvalidInputException}. */
public final class DescriptorReader {

    private static final ObjectReader READER = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(locatedValues())
            .build()
            .readerFor(WrittenDescriptor.class);

    private DescriptorReader() {
    }

    private static SimpleModule locatedValues() {
        SimpleModule module = new SimpleModule("located-values");
        module.setDeserializers(new LocatedDeserializers());
        return module;
    }

    /**
     * First the YAML features a descriptor may not use are refused, at their position, then Jackson reads the
     * text, then {@link DescriptorShape} checks its form.
     */
    public static Descriptor read(UserFile file) {
        WrittenDescriptor written;
        try {
            if (!YamlFeatures.check(file)) {
                throw new InvalidInputException(SourcePosition.wholeFile(file.path()),
                        "the descriptor holds only comments", "Write at least 'version: 1' and the ingress rules.");
            }
            written = READER.withAttribute(LocatedDeserializers.FILE_ATTRIBUTE, file.path()).readValue(file.text());
        } catch (MarkedYAMLException e) {
            throw notYaml(file, e);
        } catch (ReaderException e) {
            throw new InvalidInputException(atCodePoint(file, e.getPosition()), "not valid YAML: the character "
                    + Quoted.codePoint(e.getCodePoint()) + " may not stand in YAML text",
                    "Remove it, or write it as an escape inside double quotes.");
        } catch (UnrecognizedPropertyException e) {
            throw unknownKey(file, e);
        } catch (MismatchedInputException e) {
            throw wrongType(file, e);
        } catch (JsonProcessingException e) {
            throw notYaml(file, e);
        }
        return DescriptorShape.check(written, file.path());
    }

    private static InvalidInputException unknownKey(UserFile file, UnrecognizedPropertyException e) {
        List<String> known = e.getKnownPropertyIds().stream().map(Objects::toString).sorted().toList();
        String where = describe(e.getPath().subList(0, e.getPath().size() - 1));
        return new InvalidInputException(keyPosition(file, e.getLocation(), e.getPropertyName()),
                "unknown key " + Quoted.of(e.getPropertyName()) + (where.isEmpty() ? "" : " in " + where),
                "Use one of: " + String.join(", ", known) + "." + Suggestions.didYouMean(e.getPropertyName(), known));
    }

    private static InvalidInputException wrongType(UserFile file, MismatchedInputException e) {
        String where = describe(e.getPath());
        return new InvalidInputException(at(file, e.getLocation()),
                (where.isEmpty() ? "the descriptor" : "'" + where + "'") + " must be " + expected(e.getTargetType()),
                "See the descriptor reference in the README.");
    }

    /** Where the code point at this index stands: SnakeYAML's reader counts code points, not lines. */
    private static SourcePosition atCodePoint(UserFile file, int index) {
        String text = file.text();
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int seen = 0; seen < index && offset < text.length(); seen++) {
            int c = text.codePointAt(offset);
            offset += Character.charCount(c);
            boolean lineBreak = c == '\n' || c == '\r' && (offset >= text.length() || text.charAt(offset) != '\n');
            line += lineBreak ? 1 : 0;
            column = lineBreak ? 1 : column + 1;
        }
        return new SourcePosition(file.path(), line, column);
    }

    private static InvalidInputException notYaml(UserFile file, MarkedYAMLException marked) {
        Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        if (mark == null) {
            return new InvalidInputException(SourcePosition.wholeFile(file.path()),
                    "not valid YAML: " + marked.getProblem(), "Fix the YAML syntax.");
        }
        return new InvalidInputException(new SourcePosition(file.path(), mark.getLine() + 1, mark.getColumn() + 1),
                "not valid YAML: " + marked.getProblem(), "Fix the YAML syntax here.");
    }

    private static InvalidInputException notYaml(UserFile file, JsonProcessingException e) {
        Optional<MarkedYAMLException> cause = causes(e).filter(MarkedYAMLException.class::isInstance)
                .map(MarkedYAMLException.class::cast).filter(marked -> marked.getProblemMark() != null).findFirst();
        if (cause.isPresent()) {
            return notYaml(file, cause.get());
        }
        String message = e.getOriginalMessage();
        String remedy = message.startsWith("Duplicate field") ? "Write each key once." : "Fix the YAML syntax here.";
        return new InvalidInputException(at(file, e.getLocation()), "not a valid descriptor: " + message, remedy);
    }

    private static Stream<Throwable> causes(Throwable top) {
        return Stream.iterate(top, Objects::nonNull, Throwable::getCause).limit(10);
    }

    /**
     * Jackson notices an unknown key of a record only when the record's mapping has been read, so it
     * reports the end of that mapping, often lines below the key. The key is the nearest line at or
     * above that place that has it as a mapping key.
     */
    private static SourcePosition keyPosition(UserFile file, JsonLocation reported, String key) {
        SourcePosition fallback = at(file, reported);
        String[] lines = file.text().split("\\R", -1);
        Pattern keyOnLine = Pattern.compile("(?:^|[{,])\\s*(?:-\\s+)?[\"']?(" + Pattern.quote(key) + ")[\"']?\\s*:");
        int last = fallback.line() < 1 ? lines.length : Math.min(fallback.line(), lines.length);
        for (int line = last; line >= 1; line--) {
            Matcher match = keyOnLine.matcher(lines[line - 1]);
            if (match.find()) {
                return new SourcePosition(file.path(), line, match.start(1) + 1);
            }
        }
        return fallback;
    }

    private static SourcePosition at(UserFile file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourcePosition.wholeFile(file.path());
        }
        return new SourcePosition(file.path(), location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }

    /** "ingress[0].ports", as a user would name the place. */
    static String describe(Collection<JsonMappingException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                text.append(text.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                text.append('[').append(step.getIndex()).append(']');
            }
        }
        return Quoted.printable(text.toString());
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "something else";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list, like [80, 443]";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys to values";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a single value, not a list or mapping";
    }
}
