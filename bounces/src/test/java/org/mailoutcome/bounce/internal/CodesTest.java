package org.mailoutcome.bounce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.EnhancedStatus;

/** Which enhanced codes of a notice's text count where; each is read by core's one finder. */
class CodesTest {

    @ParameterizedTest(name = "\"{0}\" attaches {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "host said: 550 5.1.1 unknown                      | 5.1.1",
        "550-5.1.1 first line 550 5.1.1 last line           | 5.1.1",
        "#550 5.1.1 RESOLVER.ADR.RecipNotFound               | 5.1.1",
        "550 #5.1.1 not found                                | 5.1.1",
        "4.4.7 queue; last reply 421 4.4.2 timeout           | 4.4.2",
        "5.1.1: no reply code before it                      | -",
        "Subject: release 2.0.12                             | -"})
    void lastAttachedIsACodeRightAfterAReplyCodeOfItsClass(String text, String expected) {
        assertThat(Codes.lastAttached(text).map(EnhancedStatus::toString).orElse("-")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" states {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Sorry, no mailbox here by that name. (#5.1.1)       | 5.1.1",
        "<mx.example.com #5.1.1>                             | 5.1.1",
        "Status: 5.2.2 (mailbox full)                        | 5.2.2",
        "remote server said 550 5.7.1 blocked                | 5.7.1",
        "Your message about version 2.0.12 was not delivered | -",
        "Sent: 5.1.2024                                      | -"})
    void proseStatesACodeOnlyAfterAReplyCodeAHashOrAStatusLabel(String text, String expected) {
        assertThat(Codes.statedInProse(text).map(EnhancedStatus::toString).orElse("-")).isEqualTo(expected);
    }

    @Test
    void aFlattenedMultiLineReplyGetsItsLineBreaksBack() {
        assertThat(Codes.lineBreaksBeforeReplies("550-5.1.1 The email account 550-5.1.1 does not exist 550 5.1.1 x"))
                .isEqualTo("550-5.1.1 The email account\n550-5.1.1 does not exist\n550 5.1.1 x");
        assertThat(Codes.lineBreaksBeforeReplies("550 #5.1.1 kept")).isEqualTo("550 #5.1.1 kept");
    }

    @Test
    void aFailureReplyIsAReplyCodeOfClassFourOrFiveFollowedByText() {
        assertThat(Codes.hasFailureReply("host said: 550 unknown user")).isTrue();
        assertThat(Codes.hasFailureReply("250 ok, 2023 results")).isFalse();
        assertThat(Codes.firstReply("said: 451 try later").map(r -> r[0])).contains(451);
    }
}
