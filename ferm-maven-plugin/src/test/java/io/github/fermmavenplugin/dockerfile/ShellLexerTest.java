package io.github.fermmavenplugin.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shell lexer on its own: one word in, the expanded word (and its split) out. */
class ShellLexerTest {

    /** PORT=8080, EMPTY set to "", TWO="80 443", PATHLIKE=/usr/local/bin; UNSET is not set. */
    private static final Map<String, String> VARIABLES =
            Map.of("PORT", "8080", "EMPTY", "", "TWO", "80 443", "PATHLIKE", "/usr/local/bin");

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // plain references
        "$PORT|8080",
        "${PORT}|8080",
        "x${PORT}x|x8080x",
        "$PORT.x|8080.x",
        "$UNSET|~~",
        "${UNSET}|~~",
        // $ not followed by a name stays
        "$|$",
        "a$|a$",
        "$/x|$/x",
        "$ x|$ x",
        // positional and special parameters are names that are never set
        "$1x|x",
        "$12x|x",
        "$@x|x",
        // defaults and alternatives
        "${UNSET:-d}|d",
        "${EMPTY:-d}|d",
        "${PORT:-d}|8080",
        "${UNSET-d}|d",
        "${EMPTY-d}|~~",
        "${UNSET:+a}|~~",
        "${EMPTY:+a}|~~",
        "${PORT:+a}|a",
        "${EMPTY+a}|a",
        "${UNSET+a}|~~",
        "${UNSET:-${PORT}}|8080",
        "${UNSET:-\"a b\"}|a b",
        "${UNSET:-'$PORT'}|$PORT",
        "${UNSET:-a\\}b}|a}b",
        // patterns
        "${PATHLIKE#*/}|usr/local/bin",
        "${PATHLIKE##*/}|bin",
        "${PATHLIKE%/*}|/usr/local",
        "${PATHLIKE%%/l*}|/usr",
        "${PATHLIKE#nomatch}|/usr/local/bin",
        "${PORT/0/9}|8980",
        "${PORT//0/9}|8989",
        "${PORT/8*/x}|x",
        "${PORT/?0/x}|x80",
        "${PATHLIKE//\\//:}|:usr:local:bin",
        "${UNSET/a/b}|~~",
        "${PORT#\\*}|8080",
        // quotes and escapes
        "'$PORT'|$PORT",
        "\"$PORT\"|8080",
        "\"a\\\"b\"|a\"b",
        "\"a\\xb\"|a\\xb",
        "\"a\\$PORT\"|a$PORT",
        "\\$PORT|$PORT",
        "a\\ b|a b",
        "a\\|a",
        "''|~~",
    })
    void expandsAsBuildKit(String text, String expected) {
        assertThat(ShellLexer.expand(text, VARIABLES, '\\').word()).isEqualTo(expected);
    }

    /** Patterns whose text comes from variables, and regex-special characters that must stay literal. */
    @ParameterizedTest(name = "FOO={1}: [{0}] -> [{2}]")
    @CsvSource(delimiterString = " ; ", quoteCharacter = '~', value = {
        "${FOO#*x*y} ; xxyy ; y",
        "${FOO#*} ; xxyy ; xxyy",
        "${FOO##*x} ; xxyy ; yy",
        "${FOO#} ; xxyy ; xxyy",
        "${FOO%} ; xxyy ; xxyy",
        "${FOO%%\\**\\*} ; a***yy* ; a",
        "${FOO#?\\?} ; ???y ; ?y",
        "${FOO#()[]{\\}^$.\\*\\?|\\\\} ; ()[]{}^$.*?|\\x ; x",
        "${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.} ; /foo*/*/*.txt ; /foo.*/*.txt - /foo..*.txt",
        "${FOO/$SLASH_TMP/} - ${FOO//$SLASH_TMP/} ; /tmp/tmp/bar.txt ; /tmp/bar.txt - /bar.txt",
        "${FOO//\\//\\/} ; /tmp/foo.txt ; \\/tmp\\/foo.txt",
        "${FOO///} ; xxyy ; xxyy",
        "${FOO/$EMPTY/ww} ; xxyy ; wwxxyy",
        "${FOO:?must be set $BAR} ; value ; value",
    })
    void patternsWithVariablesAndSpecialCharacters(String text, String foo, String expected) {
        Map<String, String> variables = Map.of("FOO", foo, "NEEDLE", "\\*/", "SLASH_TMP", "/tmp", "EMPTY", "",
                "BAR", "x");
        assertThat(ShellLexer.expand(text, variables, '\\').word()).isEqualTo(expected);
    }

    @Test
    void theQuestionMarkMessageIsExpandedToo() {
        assertThatThrownBy(() -> ShellLexer.expand("${FOO:?must be set $BAR}", Map.of("BAR", "x"), '\\'))
                .hasMessageContaining("FOO: must be set x");
    }

    @Test
    void splitsExpandedValuesButNotQuotedOnes() {
        assertThat(ShellLexer.expand("$TWO", VARIABLES, '\\').words()).containsExactly("80", "443");
        assertThat(ShellLexer.expand("\"$TWO\"", VARIABLES, '\\').words()).containsExactly("80 443");
        assertThat(ShellLexer.expand("a\\ b c", VARIABLES, '\\').words()).containsExactly("a b", "c");
        assertThat(ShellLexer.expand("$UNSET", VARIABLES, '\\').words()).isEmpty();
        assertThat(ShellLexer.expand("\"\"", VARIABLES, '\\').words()).isEmpty();
    }

    @Test
    void theBacktickEscapesWhenChosen() {
        assertThat(ShellLexer.expand("`$PORT", VARIABLES, '`').word()).isEqualTo("$PORT");
        assertThat(ShellLexer.expand("C:\\dir", VARIABLES, '`').word()).isEqualTo("C:\\dir");
    }

    @Test
    void reportsUnsetAndEmptyVariables() {
        ShellLexer.Expansion expansion = ShellLexer.expand("$UNSET$EMPTY$PORT", VARIABLES, '\\');
        assertThat(expansion.unsetVariables()).containsExactly("UNSET");
        assertThat(expansion.emptyVariables()).containsExactly("EMPTY");
        assertThat(expansion.conditional()).isFalse();
        assertThat(ShellLexer.expand("${UNSET:+x}", VARIABLES, '\\').conditional()).isTrue();
    }

    @ParameterizedTest(name = "[{0}] fails: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "${UNSET:?needed}|UNSET: needed",
        "${UNSET?}|UNSET: is not allowed to be unset",
        "${EMPTY:?}|EMPTY: is not allowed to be empty",
        "${}|bad substitution",
        "${:x}|bad substitution",
        "${{x}|bad substitution",
        "${PORT|missing '}'",
        "${PORT:-x|missing '}'",
        "${PORT/x|missing '/'",
        "${PORT:=x}|unsupported modifier (:=)",
        "${PORT:#8}|unsupported modifier (:#)",
        "${PORT:##*0}|unsupported modifier (:#)",
        "${PORT:%0}|unsupported modifier (:%)",
        "${PORT:%%0*}|unsupported modifier (:%)",
        "${UNSET:#x}|unsupported modifier (:#)",
        "${PORT^^}|unsupported modifier (^)",
        "${PORT x}|unsupported modifier",
        "'open|single quote",
        "\"open|double quote",
        "${PORT#\\x}|invalid escape",
    })
    void refusesAsBuildKit(String text, String message) {
        assertThatThrownBy(() -> ShellLexer.expand(text, VARIABLES, '\\'))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(message);
    }

    @Test
    void namesTheVariableOfAQuestionMarkError() {
        assertThatThrownBy(() -> ShellLexer.expand("${UNSET:?}", VARIABLES, '\\'))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.remedy()).startsWith("Give UNSET a value"));
    }

    @Test
    void boundsNestingAndGrowth() {
        String deep = "${A:-".repeat(ShellLexer.MAX_NESTING + 1) + "x" + "}".repeat(ShellLexer.MAX_NESTING + 1);
        assertThatThrownBy(() -> ShellLexer.expand(deep, Map.of(), '\\')).hasMessageContaining("nested");
        String big = "x".repeat(ShellLexer.MAX_LENGTH / 2 + 1);
        assertThatThrownBy(() -> ShellLexer.expand("$A$A", Map.of("A", big), '\\'))
                .hasMessageContaining("more than");
    }

    @Test
    void keepsRawTextForHeredocDetection() {
        ShellLexer.Mode raw = new ShellLexer.Mode(true, true, true);
        assertThat(ShellLexer.expand("RUN <<'EOF' $X ${Y:-z}", Map.of(), '\\', raw, WorkBudget.standard()).words())
                .isEqualTo(List.of("RUN", "<<'EOF'", "$X", "${Y:-z}"));
    }
}
