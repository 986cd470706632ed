package org.mailoutcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The one reading of an enhanced status code in free text (issue 27): {@link EnhancedStatus#find(CharSequence)},
 * shared by the reply parser, the reason classifier and the bounce parser.
 */
class EnhancedStatusFindTest {

    @ParameterizedTest(name = "\"{0}\" holds {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "550 5.1.1 <a@example.com>: user unknown     | 5.1.1",
        "550-5.1.1 The email account does not exist | 5.1.1",
        "5.1.1: Recipient address rejected           | 5.1.1",
        "<mx.example.com #5.1.1>                     | 5.1.1",
        "Sorry, no mailbox here by that name. (#5.1.1) | 5.1.1",
        "status code 4.4.7.                          | 4.4.7",
        "smtp;550 5.2.2 mailbox full                 | 5.2.2",
        "Status=5.7.1,reason                         | 5.7.1",
        "'5.1.1'                                     | 5.1.1",
        "5.1.1                                       | 5.1.1",
        "Release 2.0.12 is out; 550 5.1.1 unknown    | 2.0.12",
        "version v2.0.12 then 4.2.2 over quota       | 4.2.2",
        "5.1.1.2 then 5.7.1                          | 5.7.1"})
    void findsTheFirstCodeStandingAsAWord(String text, String expected) {
        assertThat(EnhancedStatus.find(text)).contains(EnhancedStatus.parse(expected));
    }

    @ParameterizedTest(name = "\"{0}\" holds none")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "5.1.1.2", "2.0.0abc", "v2.0.12", "15.1.1", "5.1.1000", "5.1234.1", "3.1.1", "6.1.1", "5.1.", "x5.1.1",
        "1.5.1.1", "5.1.1_a", "build 4.2.2-rc1.5", "\"\""})
    void findsNothingWhereNoCodeStandsAsAWord(String text) {
        assertThat(EnhancedStatus.find(text)).as(text).isEmpty();
    }

    @Test
    void findFromGivesTheSpanAndWalksEveryCode() {
        String text = "550-5.1.1 first\n550 5.1.1 second 4.4.7.";
        Optional<EnhancedStatus.Found> first = EnhancedStatus.findFrom(text, 0);
        assertThat(first).contains(new EnhancedStatus.Found(EnhancedStatus.of(5, 1, 1), 4, 9));
        Optional<EnhancedStatus.Found> second = EnhancedStatus.findFrom(text, first.get().end());
        assertThat(second.map(EnhancedStatus.Found::start)).contains(20);
        Optional<EnhancedStatus.Found> third = EnhancedStatus.findFrom(text, second.get().end());
        assertThat(third.map(EnhancedStatus.Found::status)).contains(EnhancedStatus.of(4, 4, 7));
        assertThat(EnhancedStatus.findFrom(text, third.get().end())).isEmpty();
        assertThat(EnhancedStatus.findFrom(text, 1000)).isEmpty();
    }

    @Test
    void atReadsOnlyACodeStartingThere() {
        assertThat(EnhancedStatus.at("550 5.1.1 x", 4).map(EnhancedStatus.Found::end)).contains(9);
        assertThat(EnhancedStatus.at("550 5.1.1 x", 3)).isEmpty();
        assertThat(EnhancedStatus.at("a5.1.1", 1)).as("preceded by a letter").isEmpty();
        assertThat(EnhancedStatus.at("5.1.1", -1)).isEmpty();
    }

    @ParameterizedTest(name = "reply \"{0}\" states {1}")
    @CsvSource(delimiter = '|', value = {
        "550 5.1.1: Recipient address rejected | 5.1.1",
        "550 5.1.1. unknown                    | 5.1.1",
        "550 5.1.1 unknown                     | 5.1.1",
        "250 2.0.0abc                          | -",
        "250 5.1.1.1 x                         | -"})
    void aReplyStatesTheCodeTheFinderReadsAtTheStartOfItsText(String reply, String expected) {
        SmtpReply parsed = SmtpReply.parse(reply);
        Optional<EnhancedStatus> atStart = EnhancedStatus.at(parsed.lines().get(0), 0).map(EnhancedStatus.Found::status);
        assertThat(parsed.enhancedStatus()).isEqualTo(atStart);
        assertThat(parsed.enhancedStatus().map(EnhancedStatus::toString).orElse("-")).isEqualTo(expected);
    }
}
