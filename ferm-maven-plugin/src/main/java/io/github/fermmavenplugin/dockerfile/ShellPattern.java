package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The wildcard patterns of {@code ${VAR#pat}}, {@code ${VAR%pat}} and {@code ${VAR/pat/rep}} as BuildKit reads
 * them: {@code *} any run of characters, {@code ?} one character, {@code \*}, {@code \?}, {@code \\} literal,
 * {@code \}} and {@code \/} the plain character; no bracket expressions. Matched by a small state machine, never
 * by a regular expression built from user text.
 */
final class ShellPattern {

    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;

    /** One entry per pattern element: a character, or ANY_RUN / ANY_ONE. */
    private final int[] elements;

    private ShellPattern(int[] elements) {
        this.elements = elements;
    }

    static ShellPattern compile(String pattern) {
        List<Integer> elements = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '*') {
                elements.add(ANY_RUN);
            } else if (ch == '?') {
                elements.add(ANY_ONE);
            } else if (ch == '\\') {
                char following = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
                if (following == '}' || following == '/') {
                    continue; // the escape only kept the character from ending ${...}; it is not in the pattern
                }
                if (following != '*' && following != '?' && following != '\\') {
                    throw new InvalidValueException("invalid escape in pattern '" + pattern
                            + "': only \\*, \\? and \\\\ are allowed");
                }
                elements.add((int) following);
                i++;
            } else {
                elements.add((int) ch);
            }
        }
        return new ShellPattern(elements.stream().mapToInt(Integer::intValue).toArray());
    }

    private static final String TOO_LONG = "the pattern takes too long to match a value this long";

    /** Removes the shortest (or longest) prefix the pattern matches; the value unchanged when none does. */
    String removePrefix(String value, boolean longest, WorkBudget budget) {
        BitSet ends = matchEnds(elements, value, budget);
        if (ends.isEmpty()) {
            return value;
        }
        return value.substring(longest ? ends.length() - 1 : ends.nextSetBit(0));
    }

    /** Removes the shortest (or longest) suffix the pattern matches; the value unchanged when none does. */
    String removeSuffix(String value, boolean longest, WorkBudget budget) {
        budget.spend(value.length(), TOO_LONG);
        String reversed = new StringBuilder(value).reverse().toString();
        int[] reversedElements = new int[elements.length];
        for (int i = 0; i < elements.length; i++) {
            reversedElements[i] = elements[elements.length - 1 - i];
        }
        BitSet ends = matchEnds(reversedElements, reversed, budget);
        if (ends.isEmpty()) {
            return value;
        }
        int removed = longest ? ends.length() - 1 : ends.nextSetBit(0);
        return value.substring(0, value.length() - removed);
    }

    /**
     * Replaces the leftmost match (each match, when {@code all}) by the replacement, taken literally. At a given
     * start the longest match wins, as the greedy wildcards of BuildKit's regular expression do; an empty match
     * right after a previous match is skipped, as Go's ReplaceAll does.
     *
     * @throws InvalidValueException when the value and pattern would take more than the budget to match
     */
    String replace(String value, String replacement, boolean all, WorkBudget budget) {
        StringBuilder result = new StringBuilder();
        int lastMatchEnd = 0;
        int searchFrom = 0;
        while (searchFrom <= value.length()) {
            int[] match = find(value, searchFrom, budget);
            if (match == null) {
                break;
            }
            result.append(value, lastMatchEnd, match[0]);
            if (match[1] > lastMatchEnd || match[0] == 0) {
                result.append(replacement);
                if (result.length() > ShellLexer.MAX_LENGTH) {
                    throw new InvalidValueException("expands to more than " + ShellLexer.MAX_LENGTH + " characters");
                }
            }
            lastMatchEnd = match[1];
            if (!all) {
                break;
            }
            searchFrom = Math.max(searchFrom + 1, match[1]);
        }
        result.append(value, lastMatchEnd, value.length());
        return result.toString();
    }

    /**
     * The leftmost match at or after {@code from}, the longest at that start, in one pass: each state remembers
     * the earliest start that reached it, since from the same state the future is the same.
     */
    private int[] find(String value, int from, WorkBudget budget) {
        int[] startOf = new int[elements.length + 1];
        Arrays.fill(startOf, -1);
        int bestStart = -1;
        int bestEnd = -1;
        for (int i = from; ; i++) {
            if (bestStart < 0 && startOf[0] < 0) {
                startOf[0] = i;
            }
            closeOverRuns(startOf);
            int acceptedStart = startOf[elements.length];
            if (acceptedStart >= 0 && (bestStart < 0 || acceptedStart <= bestStart)) {
                bestStart = acceptedStart;
                bestEnd = i;
            }
            if (i == value.length()) {
                break;
            }
            budget.spend(elements.length + 1, TOO_LONG);
            char ch = value.charAt(i);
            int[] next = new int[elements.length + 1];
            Arrays.fill(next, -1);
            boolean alive = false;
            for (int state = 0; state < elements.length; state++) {
                int start = startOf[state];
                if (start < 0 || (bestStart >= 0 && start > bestStart)) {
                    continue;
                }
                int element = elements[state];
                int target = element == ANY_RUN ? state : (element == ANY_ONE || element == ch) ? state + 1 : -1;
                if (target >= 0 && (next[target] < 0 || start < next[target])) {
                    next[target] = start;
                    alive = true;
                }
            }
            startOf = next;
            if (!alive && bestStart >= 0) {
                break;
            }
        }
        return bestStart < 0 ? null : new int[] {bestStart, bestEnd};
    }

    private void closeOverRuns(int[] startOf) {
        for (int state = 0; state < elements.length; state++) {
            if (elements[state] == ANY_RUN && startOf[state] >= 0
                    && (startOf[state + 1] < 0 || startOf[state] < startOf[state + 1])) {
                startOf[state + 1] = startOf[state];
            }
        }
    }

    /** Every end index e such that value[0, e) matches the whole pattern. */
    private static BitSet matchEnds(int[] elements, String value, WorkBudget budget) {
        BitSet ends = new BitSet();
        BitSet states = closure(elements, single(0));
        for (int i = 0; ; i++) {
            if (states.get(elements.length)) {
                ends.set(i);
            }
            if (i == value.length() || states.isEmpty()) {
                return ends;
            }
            budget.spend(elements.length + 1, TOO_LONG);
            char ch = value.charAt(i);
            BitSet nextStates = new BitSet();
            for (int state = states.nextSetBit(0); state >= 0 && state < elements.length;
                    state = states.nextSetBit(state + 1)) {
                int element = elements[state];
                if (element == ANY_RUN) {
                    nextStates.set(state);
                } else if (element == ANY_ONE || element == ch) {
                    nextStates.set(state + 1);
                }
            }
            states = closure(elements, nextStates);
        }
    }

    private static BitSet single(int state) {
        BitSet set = new BitSet();
        set.set(state);
        return set;
    }

    /** A run wildcard may also match nothing: from its state the next state is reachable at once. */
    private static BitSet closure(int[] elements, BitSet states) {
        for (int state = states.nextSetBit(0); state >= 0 && state < elements.length;
                state = states.nextSetBit(state + 1)) {
            if (elements[state] == ANY_RUN) {
                states.set(state + 1);
            }
        }
        return states;
    }
}
