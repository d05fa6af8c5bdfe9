package io.github.fermmavenplugin.ferm;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written checks accept exactly what the grammars say: a word {@link FermWriter#WORD}, the text of a
 * quoted string {@link FermWriter#QUOTED}.
 */
class FermWriterWordTest {

    @Property(tries = 2000)
    void agreesWithTheGrammar(@ForAll("tokens") String token) {
        assertThat(FermWriter.Statement.isWord(token)).isEqualTo(FermWriter.WORD.matcher(token).matches());
    }

    @Property(tries = 2000)
    void quotableAgreesWithTheGrammar(@ForAll("tokens") String text) {
        assertThat(FermWriter.Statement.isQuotable(text)).isEqualTo(FermWriter.QUOTED.matcher(text).matches());
    }

    @Example
    void quotesAndRefusesAsTheGrammarSays() {
        assertThat(FermWriter.Statement.isQuotable("web r1")).isTrue();
        assertThat(FermWriter.Statement.isQuotable("swarm-ipsec")).isTrue();
        assertThat(FermWriter.Statement.isQuotable("")).isFalse();
        assertThat(FermWriter.Statement.isQuotable(" web")).isFalse();
        assertThat(FermWriter.Statement.isQuotable("a\"b")).isFalse();
        assertThat(FermWriter.Statement.isQuotable("a$b")).isFalse();
        assertThat(FermWriter.Statement.isQuotable("a@b")).isFalse();
    }

    @Example
    void acceptsAndRefusesAsTheGrammarSays() {
        assertThat(FermWriter.Statement.isWord("10.0.0.0/8")).isTrue();
        assertThat(FermWriter.Statement.isWord("::/0")).isTrue();
        assertThat(FermWriter.Statement.isWord("::")).isTrue();
        assertThat(FermWriter.Statement.isWord("DOCKER-USER")).isTrue();
        assertThat(FermWriter.Statement.isWord("")).isFalse();
        assertThat(FermWriter.Statement.isWord(":1")).isFalse();
        assertThat(FermWriter.Statement.isWord("-x")).isFalse();
        assertThat(FermWriter.Statement.isWord("a$b")).isFalse();
        assertThat(FermWriter.Statement.isWord("a b")).isFalse();
        assertThat(FermWriter.Statement.isWord("`id`")).isFalse();
    }

    /** Short strings over the grammar's characters and its near misses. */
    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("aZ09._:/+-:: $@`\"'();\n\u00e9").ofMinLength(0).ofMaxLength(8);
    }
}
