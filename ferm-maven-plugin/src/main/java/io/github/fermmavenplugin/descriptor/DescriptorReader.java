package io.github.fermmavenplugin.descriptor;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.diagnostic.UserFile;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/** Reads {@code firewall.yaml} into a {@link Descriptor}; every mistake of form is an {@link InvalidInputException}. */
public final class DescriptorReader {

    private DescriptorReader() {
    }

    /**
     * The text is parsed once: each event is checked for the YAML features a descriptor may not use and bound to
     * the descriptor's records, whose form {@link DescriptorShape} then checks.
     */
    public static Descriptor read(UserFile file) {
        WrittenDescriptor written;
        try {
            YamlFeatures events = new YamlFeatures(file);
            if (events.peek() == null) {
                throw new InvalidInputException(SourcePosition.wholeFile(file.path()),
                        "the descriptor holds only comments", "Write at least 'version: 1' and the ingress rules.");
            }
            written = bindChecked(file, events);
        } catch (MarkedYAMLException e) {
            throw notYaml(file, e);
        } catch (ReaderException e) {
            throw new InvalidInputException(atCodePoint(file, e.getPosition()), "not valid YAML: the character "
                    + Quoted.codePoint(e.getCodePoint()) + " may not stand in YAML text",
                    "Remove it, or write it as an escape inside double quotes.");
        }
        return DescriptorShape.check(written, file.path());
    }

    /** A mistake of form waits for the rest of the text: YAML that is not valid, or not allowed, is said first. */
    private static WrittenDescriptor bindChecked(UserFile file, YamlFeatures events) {
        try {
            WrittenDescriptor written = DescriptorBinding.bind(file.path(), events);
            events.checkRest();
            return written;
        } catch (InvalidInputException mistake) {
            if (!events.refused()) {
                events.checkRest();
            }
            throw mistake;
        }
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
}
