package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits Dockerfile text into instructions the way BuildKit's parser does: parser directives at the top, the
 * escape character at the end of a line continuing it, comment and blank lines skipped (also inside a continued
 * instruction), heredoc bodies of RUN, COPY and ADD skipped, keywords case-insensitive.
 */
final class DockerfileParser {

    static final Set<String> KNOWN_INSTRUCTIONS = Set.of("add", "arg", "cmd", "copy", "entrypoint", "env", "expose",
            "from", "healthcheck", "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume",
            "workdir");

    private final Path file;
    private final List<String> lines;
    private final ParserDirectives directives;
    private final WorkBudget budget;
    private int next;

    private DockerfileParser(Path file, String text, WorkBudget budget) {
        this.file = file;
        this.lines = physicalLines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        this.directives = new ParserDirectives(file);
        this.budget = budget;
    }

    /** Charges each physical line's characters to the budget once: the parser reads every line once. */
    static ParsedDockerfile parse(Path file, String text, WorkBudget budget) {
        return new DockerfileParser(file, text, budget).parseAll();
    }

    private String nextLine() {
        String line = lines.get(next++);
        try {
            budget.spend(line.length() + 1L, "reading the Dockerfile takes too long");
        } catch (InvalidValueException e) {
            throw e.at(SourcePosition.line(file, next));
        }
        return line;
    }

    /** Lines split at LF only, as BuildKit does; the CR of a CRLF (and any trailing CR or LF) dropped. */
    private static List<String> physicalLines(String text) {
        List<String> result = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            int trimmed = stop;
            while (trimmed > start && text.charAt(trimmed - 1) == '\r') {
                trimmed--;
            }
            result.add(text.substring(start, trimmed));
            start = end < 0 ? text.length() : end + 1;
        }
        return result;
    }

    private ParsedDockerfile parseAll() {
        List<Instruction> instructions = new ArrayList<>();
        while (next < lines.size()) {
            int lineNumber = next + 1;
            String raw = nextLine();
            String token = trimLeadingSpace(raw);
            directives.consider(token, lineNumber);
            String content = token.startsWith("#") ? "" : token;
            Continuation first = continuation(content);
            if (!first.continues() && first.text().isEmpty()) {
                continue;
            }
            int column = raw.length() - token.length() + 1;
            List<Instruction.LineSegment> origin = new ArrayList<>();
            origin.add(new Instruction.LineSegment(0, lineNumber, column));
            StringBuilder logical = new StringBuilder(first.text());
            boolean continues = first.continues();
            while (continues && next < lines.size()) {
                String continued = nextLine();
                directives.consider(continued, next);
                String trimmed = trimLeadingSpace(continued);
                if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                    continue; // comment and blank lines inside a continued instruction are skipped, not ending it
                }
                Continuation part = continuation(continued);
                origin.add(new Instruction.LineSegment(logical.length(), next, 1));
                logical.append(part.text());
                continues = part.continues();
            }
            Instruction instruction = split(file, logical.toString(), lineNumber, column, origin, 0);
            if (instruction.keyword().equals("onbuild")) {
                JsonForm.check(onBuildTrigger(instruction));
            } else {
                JsonForm.check(instruction);
            }
            instructions.add(instruction);
            skipHeredocBodies(instruction, logical.toString());
        }
        if (instructions.isEmpty()) {
            throw new InvalidInputException(SourcePosition.wholeFile(file), "the Dockerfile has no instructions",
                    "Point 'dockerfile' at the service's Dockerfile.");
        }
        return new ParsedDockerfile(file, directives.escape(), instructions);
    }

    private record Continuation(String text, boolean continues) {
    }

    /**
     * The escape character as the last non-blank character continues the line, unless it is itself escaped;
     * BuildKit checks only the one character before it.
     */
    private Continuation continuation(String line) {
        char escape = directives.escape();
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end == 0 || line.charAt(end - 1) != escape) {
            return new Continuation(line, false);
        }
        if (end >= 2 && line.charAt(end - 2) == escape) {
            return new Continuation(line, false);
        }
        return new Continuation(line.substring(0, end - 1), true);
    }

    /**
     * The instruction an ONBUILD holds, positioned at the ONBUILD. BuildKit runs it at the start of a stage built
     * FROM this one.
     */
    static Instruction onBuildTrigger(Instruction onBuild) {
        SourcePosition position = onBuild.position();
        if (onBuild.arguments().isEmpty()) {
            throw new InvalidInputException(position, "ONBUILD names no instruction",
                    "Write 'ONBUILD <instruction>', for example 'ONBUILD COPY . /app'.");
        }
        Instruction trigger = split(onBuild.file(), onBuild.arguments(), onBuild.line(), onBuild.column(), onBuild.origin(),
                onBuild.argumentsOffset());
        if (Set.of("onbuild", "from", "maintainer").contains(trigger.keyword())) {
            throw new InvalidInputException(position, trigger.name() + " is not allowed as an ONBUILD trigger",
                    "Use another instruction after ONBUILD.");
        }
        return trigger;
    }

    /**
     * @param origin where the pieces of {@code logical} came from
     * @param offset where {@code logical} itself starts in the text {@code origin} describes
     */
    private static Instruction split(Path file, String logical, int line, int column,
            List<Instruction.LineSegment> origin, int offset) {
        String trimmed = logical.strip();
        int leading = logical.length() - logical.stripLeading().length();
        int keywordEnd = 0;
        while (keywordEnd < trimmed.length() && !isInstructionSpace(trimmed.charAt(keywordEnd))) {
            keywordEnd++;
        }
        String keyword = trimmed.substring(0, keywordEnd).toLowerCase(Locale.ROOT);
        if (!KNOWN_INSTRUCTIONS.contains(keyword)) {
            throw new InvalidInputException(new SourcePosition(file, line, column),
                    "unknown instruction '" + trimmed.substring(0, keywordEnd) + "'",
                    "Use a Dockerfile instruction (FROM, ARG, ENV, LABEL, EXPOSE, RUN, COPY, ...), or make the line"
                            + " a comment with '#'.");
        }
        String afterKeyword = trimmed.substring(keywordEnd);
        BuilderFlags flags = BuilderFlags.extract(afterKeyword);
        String rest = flags.rest();
        int argumentsOffset = offset + leading + keywordEnd + (afterKeyword.length() - rest.length())
                + (rest.length() - rest.stripLeading().length());
        return new Instruction(file, keyword, flags.flags(), rest.strip(), line, column, origin, argumentsOffset);
    }

    private static boolean isInstructionSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\u000B' || ch == '\f' || ch == '\r';
    }

    private void skipHeredocBodies(Instruction instruction, String logical) {
        if (!HeredocMarkers.mayHaveHeredocs(instruction)) {
            return;
        }
        List<HeredocMarkers.Heredoc> heredocs;
        try {
            heredocs = HeredocMarkers.find(logical);
        } catch (InvalidValueException e) {
            throw new InvalidInputException(position(instruction),
                    "the heredoc marker cannot be read: " + e.problem(),
                    "Write the marker as <<NAME, <<-NAME, <<'NAME' or <<\"NAME\".");
        }
        for (HeredocMarkers.Heredoc heredoc : heredocs) {
            boolean terminated = false;
            while (next < lines.size()) {
                String body = nextLine();
                int start = 0;
                while (heredoc.stripTabs() && start < body.length() && body.charAt(start) == '\t') {
                    start++;
                }
                if (body.length() - start == heredoc.name().length() && body.startsWith(heredoc.name(), start)) {
                    terminated = true;
                    break;
                }
            }
            if (!terminated) {
                throw new InvalidInputException(position(instruction),
                        "the heredoc <<" + heredoc.name() + " is never terminated",
                        "End the heredoc with a line that holds only '" + heredoc.name() + "'.");
            }
        }
    }

    private SourcePosition position(Instruction instruction) {
        return instruction.position();
    }

    static String trimLeadingSpace(String text) {
        int start = 0;
        while (start < text.length() && ShellLexer.isSpace(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }
}
