package io.github.fermmavenplugin.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u}) of two texts, for the ferm files a release changes: longest common
 * subsequence of lines, hunks with {@value #CONTEXT} lines of context. Bundle files are small; past
 * {@value #MAX_CELLS} line pairs the whole file is shown as replaced rather than searched.
 */
public final class UnifiedDiff {

    static final int CONTEXT = 3;
    static final long MAX_CELLS = 4_000_000;

    private UnifiedDiff() {
    }

    /** One line of the edit script: ' ' kept, '-' removed, '+' added. */
    private record Edit(char kind, String line, int oldLine, int newLine) {
    }

    /** The diff of {@code before} and {@code after}, labelled {@code a/<path>} and {@code b/<path>}; empty when equal. */
    public static List<String> of(String path, String before, String after) {
        if (before.equals(after)) {
            return List.of();
        }
        List<String> a = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> b = after.isEmpty() ? List.of() : after.lines().toList();
        List<Edit> edits = edits(a, b);
        List<String> out = new ArrayList<>();
        out.add("--- " + (before.isEmpty() ? "/dev/null" : "a/" + path));
        out.add("+++ " + (after.isEmpty() ? "/dev/null" : "b/" + path));
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < edits.size() && end - lastChange <= 2 * CONTEXT) {
                if (edits.get(end).kind() != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            out.add(header(edits.subList(start, end)));
            for (Edit edit : edits.subList(start, end)) {
                out.add(edit.kind() + edit.line());
            }
            i = end;
        }
        return List.copyOf(out);
    }

    private static String header(List<Edit> hunk) {
        int oldStart = hunk.get(0).oldLine();
        int newStart = hunk.get(0).newLine();
        long oldCount = hunk.stream().filter(e -> e.kind() != '+').count();
        long newCount = hunk.stream().filter(e -> e.kind() != '-').count();
        return "@@ -" + (oldCount == 0 ? oldStart - 1 : oldStart) + "," + oldCount + " +"
                + (newCount == 0 ? newStart - 1 : newStart) + "," + newCount + " @@";
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<Edit> edits = new ArrayList<>();
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                edits.add(new Edit('-', a.get(i), i + 1, 1));
            }
            for (int j = 0; j < m; j++) {
                edits.add(new Edit('+', b.get(j), n + 1, j + 1));
            }
            return edits;
        }
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), ++i, ++j));
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                edits.add(new Edit('-', a.get(i), ++i, j + 1));
            } else {
                edits.add(new Edit('+', b.get(j), i + 1, ++j));
            }
        }
        return edits;
    }
}
