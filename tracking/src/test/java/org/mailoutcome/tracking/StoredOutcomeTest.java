package org.mailoutcome.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;

class StoredOutcomeTest {

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of(Stage.RCPT, "250 2.1.5 Ok"),
                Arguments.of(Stage.RCPT, "251 2.1.5 User not local; will forward to <bob@new.example>"),
                Arguments.of(Stage.RCPT, "252 2.1.5 Cannot VRFY user, but will accept message and attempt delivery"),
                Arguments.of(Stage.RCPT, "551 5.1.6 User not local; please try <moved551@new.example>"),
                Arguments.of(Stage.RCPT, "550 5.1.1 <nobody@lab.test>: Recipient address rejected: User unknown"),
                Arguments.of(Stage.RCPT, "452 4.5.3 Error: too many recipients"),
                Arguments.of(Stage.RCPT, "451 4.7.1 Greylisted, please try again later"),
                Arguments.of(Stage.MESSAGE, "250 2.0.0 Ok: queued as 4Xyz"),
                Arguments.of(Stage.MESSAGE, "554-5.7.1 Message rejected\n554-because of its content\n554 5.7.1 see URL"),
                Arguments.of(Stage.MESSAGE, "552 5.3.4 Message size exceeds fixed limit"),
                Arguments.of(Stage.RCPT, "this is no reply"));
    }

    @ParameterizedTest
    @MethodSource("replies")
    void anOutcomeComesBackEqualFromItsStageAndReplyText(Stage stage, String reply) {
        DeliveryOutcome outcome = DeliveryOutcome.classify(stage, reply);

        StoredOutcome stored = StoredOutcome.of(outcome);

        assertThat(stored.stage()).isEqualTo(stage);
        assertThat(stored.outcome()).isEqualTo(outcome);
        assertThat(new StoredOutcome(stored.stage(), stored.text()).outcome().forwardPath())
                .isEqualTo(outcome.forwardPath());
    }

    @Test
    void aLostConnectionKeepsItsDetailAndWhetherItWasAfterTheEndOfData() {
        for (boolean afterData : new boolean[] {false, true}) {
            DeliveryOutcome lost = new DeliveryOutcome.ConnectionLost(Stage.MESSAGE, afterData, "Read timed out");

            StoredOutcome stored = StoredOutcome.of(lost);

            assertThat(stored.text()).startsWith("lost");
            assertThat(stored.outcome()).isEqualTo(lost);
        }
    }

    @Test
    void theTextOfAReplyIsItsWireForm() {
        StoredOutcome stored = StoredOutcome.of(DeliveryOutcome.classify(Stage.RCPT, "250-first\r\n250 second"));

        assertThat(stored.text()).isEqualTo("250-first\n250 second");
    }
}
