package io.github.fermmavenplugin.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** User text inside error messages: visible, bounded, never a line break or a look-alike. */
class QuotedTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            eth0                   | 'eth0'
            Billing API            | 'Billing API'
            "e\u0301"              | 'eU+0301'
            "\u0435th0"            | 'U+0435th0'
            "eth0\nDROP"           | 'eth0U+000ADROP'
            it's                   | 'itU+0027s'
            "a\\b"                 | 'aU+005Cb'
            "\uFF18\uFF10"         | 'U+FF18U+FF10'
            """)
    void showsUserTextAsPrintableAscii(String raw, String shown) {
        assertThat(Quoted.of(raw)).isEqualTo(shown);
    }

    @Test
    void showsNulByItsCodePoint() {
        assertThat(Quoted.of("a" + (char) 0 + "b")).isEqualTo("'aU+0000b'");
    }

    @Test
    void cutsLongTextShort() {
        assertThat(Quoted.of("a".repeat(70_000))).isEqualTo("'" + "a".repeat(40) + "...'");
    }

    @Test
    void printableKeepsFreeTextButNotItsControlCharacters() {
        assertThat(Quoted.printable("found character '\t' here\r\n")).isEqualTo("found character 'U+0009' hereU+000DU+000A");
    }

    @Test
    void everyUserErrorIsPrintableEvenWhenItsAuthorForgotToQuote() {
        InvalidInputException error = new InvalidInputException(SourcePosition.line(Path.of("firewall.yaml"), 3),
                "'eth0\nDROP' is wrong", "Use \u0435th0.");
        assertThat(error.problem()).isEqualTo("'eth0U+000ADROP' is wrong");
        assertThat(error.remedy()).isEqualTo("Use U+0435th0.");
        assertThat(error.getMessage()).isEqualTo("firewall.yaml:3: 'eth0U+000ADROP' is wrong. Use U+0435th0.");
    }
}
