package org.mailoutcome.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;

class RepliesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "smtp; 550 5.1.1 user unknown                 | 550 | 5.1.1",
        "smtp;550 5.1.1 The email account does not exist | 550 | 5.1.1",
        "552 5.2.2 Mailbox full                       | 552 | 5.2.2",
        "X-Postfix; unknown user                      | 550 | 5.0.0",
        "unable to get mx info                        | 550 | 5.0.0",
        "250 2.0.0 OK                                 | 550 | 5.0.0",
    })
    void aFailureIsTheQuotedReplyElseAnImpliedOneWithTheStatus(String text, int code, String status) {
        DeliveryOutcome o = Replies.failure(Optional.of(text), Optional.of("5.0.0"), OptionalInt.empty(), true);
        assertThat(o.code()).hasValue(code);
        assertThat(o.enhancedStatus()).hasValueSatisfying(s -> assertThat(s).hasToString(status));
    }

    @Test
    void theProvidersCodeTakesTheTextWhenNoReplyIsQuoted() {
        DeliveryOutcome o = Replies.failure(Optional.of("5.1.1 The email account does not exist."), Optional.empty(),
                OptionalInt.of(550), true);
        assertThat(o.code()).hasValue(550);
        assertThat(o.enhancedStatus()).hasValueSatisfying(s -> assertThat(s).hasToString("5.1.1"));
        DeliveryOutcome notSmtp = Replies.failure(Optional.of("Not delivering to previously bounced address"),
                Optional.empty(), OptionalInt.of(605), true);
        assertThat(notSmtp.code()).hasValue(550);
    }

    @Test
    void theStatusClassDecidesTheImpliedCodeAndNothingGivenIsStill550Or450() {
        assertThat(Replies.failure(Optional.empty(), Optional.of("4.4.7"), OptionalInt.empty(), true).code())
                .hasValue(450);
        assertThat(Replies.failure(Optional.empty(), Optional.empty(), OptionalInt.empty(), true).code()).hasValue(550);
        assertThat(Replies.failure(Optional.empty(), Optional.empty(), OptionalInt.empty(), false).code())
                .hasValue(450);
        assertThat(Replies.failure(Optional.empty(), Optional.of("bogus"), OptionalInt.empty(), false).code())
                .hasValue(450);
    }

    @Test
    void aReplyToTheEndOfDataIsClassifiedAtThatStage() {
        DeliveryOutcome o = Replies.failure(Optional.of("550 5.7.1 Message rejected (in reply to end of DATA command)"),
                Optional.empty(), OptionalInt.empty(), true);
        assertThat(o.stage()).isEqualTo(Stage.MESSAGE);
    }

    @Test
    void aQuotedReplyIsFoundBehindMailjetsWordAndAMegabyteOfTextIsReadOnlyInPart() {
        assertThat(Replies.quoted(Optional.of("sent (250 2.0.0 OK 1717408803 a67bc12345def.22 - gsmtp)")))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(250));
        assertThat(Replies.quoted(Optional.of("Test delivery webhook details"))).isEmpty();
        String huge = "550 5.1.1 " + "x".repeat(1 << 20);
        DeliveryOutcome o = Replies.failure(Optional.of(huge), Optional.empty(), OptionalInt.empty(), true);
        assertThat(o.reply()).hasValueSatisfying(r -> assertThat(r.text().length()).isLessThanOrEqualTo(
                Replies.MAX_TEXT));
    }
}
