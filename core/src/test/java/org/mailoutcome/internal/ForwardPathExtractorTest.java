package org.mailoutcome.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text lines as the extractor gets them, including what a parsed reply can never hold (CR, LF inside a line). */
class ForwardPathExtractorTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "please try <\"john\r\nsmith\"@example.net>",
        "please try <\"john\rsmith\"@example.net>",
        "please try <john\nsmith@example.net>",
        "please try \"john\nsmith\"@example.net",
        "please try <john@exam\r\nple.net>",
        "please try <john\u0000@example.net>",
        "please try <\"john\u001bsmith\"@example.net>",
        "please try <john@example.net\u0085>",
        "please try <\u00a0john@example.net>",
    })
    void lineBreaksControlsAndOddBlanksAreNeverPartOfAForwardPath(String line) {
        assertThat(ForwardPathExtractor.extract(List.of(line))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "User has moved to a@x.example, b@y.example",
        "User has moved to a@x.example; b@y.example",
        "User has moved to <a@x.example> and <b@y.example>",
        "User has moved to a@x.example / b@y.example",
        "User has moved to a@x.example. New address is <b@y.example>",
    })
    void twoDifferentAddressesAreAmbiguous(String line) {
        assertThat(ForwardPathExtractor.extractMoved(List.of(line))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "User has moved to a@x.example. New address is <A@X.example>|a@x.example",
        "User has moved to a@x.example, thanks|a@x.example",
        "User has moved to J. Smith <js@x.example>|js@x.example",
        "User has moved to \"Smith, J. (Sales)\" <js@x.example>|js@x.example",
        "User has moved to 'js@x.example'|js@x.example",
        "User has moved to \"js@x.example\"|js@x.example",
        "User has moved to js@x.example(Sales)|js@x.example",
    })
    void theSameAddressNamedTwiceOrWithPunctuationIsOneForwardPath(String line, String expected) {
        assertThat(ForwardPathExtractor.extractMoved(List.of(line))).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.1.6 <old@lab.test>: User not local; please try <old@lab.test>",
        "<old@lab.test>: User not local; please try <OLD@lab.test>"})
    void theEchoedRecipientIsNeverItsOwnForwardPathWithOrWithoutAnEnhancedCode(String line) {
        assertThat(ForwardPathExtractor.extract(List.of(line))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"User unknown; please try <postmaster@x.example>", "Mailbox full. Now at 100%",
        "Recipient address rejected: reached at most 100 recipients, new@x.example"})
    void withoutAMovedWordA5yzNamesNoForwardPath(String line) {
        assertThat(ForwardPathExtractor.extractMoved(List.of(line))).isEmpty();
    }
}
