package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the heredocs ({@code <<EOF}, {@code <<-EOF}, {@code <<'EOF'}, {@code 3<<"EOF"}) an instruction opens, so
 * that their bodies are skipped and never read as instructions. BuildKit allows them on RUN, COPY and ADD (also
 * behind ONBUILD) and always reads the markers with {@code \} as escape character.
 */
final class HeredocMarkers {

    private static final Set<String> WITH_HEREDOCS = Set.of("run", "copy", "add");
    private static final Pattern MARKER = Pattern.compile("^([0-9]*)<<(-?)([^<]*)$");
    private static final ShellLexer.Mode RAW = new ShellLexer.Mode(true, true, true);
    private static final ShellLexer.Mode UNQUOTE = new ShellLexer.Mode(false, false, true);

    /**
     * @param name the terminator line
     * @param stripTabs {@code <<-}: leading tabs do not count when looking for the terminator
     */
    record Heredoc(String name, boolean stripTabs) {
    }

    private HeredocMarkers() {
    }

    static boolean mayHaveHeredocs(Instruction instruction) {
        if (WITH_HEREDOCS.contains(instruction.keyword())) {
            return true;
        }
        if (instruction.keyword().equals("onbuild")) {
            String inner = instruction.arguments().split("[ \\t]+", 2)[0];
            return WITH_HEREDOCS.contains(inner.toLowerCase(Locale.ROOT));
        }
        return false;
    }

    /** The heredocs the logical line opens, in order; none when its quoting is broken (as BuildKit). */
    static List<Heredoc> find(String logicalLine) {
        if (logicalLine.indexOf('<') == logicalLine.lastIndexOf('<')) {
            return List.of(); // with no variables set, every character of the words is one of the line's
        }
        List<String> words;
        try {
            words = ShellLexer.expand(logicalLine, Map.of(), '\\', RAW, WorkBudget.standard()).words();
        } catch (InvalidValueException e) {
            return List.of();
        }
        List<Heredoc> heredocs = new ArrayList<>();
        for (String word : words) {
            Matcher matcher = MARKER.matcher(word);
            if (!matcher.matches() || matcher.group(3).isEmpty()) {
                continue;
            }
            List<String> name = ShellLexer.expand(matcher.group(3), Map.of(), '\\', UNQUOTE, WorkBudget.standard()).words();
            if (name.size() == 1) {
                heredocs.add(new Heredoc(name.get(0), matcher.group(2).equals("-")));
            }
        }
        return heredocs;
    }
}
