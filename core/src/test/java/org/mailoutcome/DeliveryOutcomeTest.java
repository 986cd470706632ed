package org.mailoutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.DeliveryOutcome.AcceptedUnverified;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.DeliveryOutcome.Suppressed;
import org.mailoutcome.DeliveryOutcome.Unexpected;

class DeliveryOutcomeTest {

    static Stream<Arguments> table() {
        return Transcripts.rows("outcomes.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2], r[3], r[4], r[5], r[6]));
    }

    @ParameterizedTest(name = "{6}: {1}")
    @MethodSource("table")
    void replyClassifiesAsTheTableSays(String stage, String reply, String record, String disposition, String reason,
            String forwardPath, String source) {
        DeliveryOutcome outcome = DeliveryOutcome.classify(Stage.valueOf(stage), SmtpReply.parse(reply));
        assertThat(outcome.name()).as("record").isEqualTo(record);
        assertThat(outcome.disposition()).as("disposition").isEqualTo(Disposition.valueOf(disposition));
        if (!reason.equals("*")) assertThat(outcome.reason()).as("reason").isEqualTo(Reason.valueOf(reason));
        assertThat(outcome.forwardPath()).as("forward path")
                .isEqualTo(forwardPath.equals("-") ? Optional.empty() : Optional.of(forwardPath));
        assertThat(outcome.stage()).isEqualTo(Stage.valueOf(stage));
        assertThat(outcome.reply()).contains(SmtpReply.parse(reply));
    }

    @Test
    void everyPostfixReplyGetsTheDispositionOfItsFirstDigit() {
        for (String[] row : Transcripts.rows("postfix-3.7.tsv")) {
            SmtpReply reply = SmtpReply.parse(row[2]);
            Stage stage = row[1].startsWith("RCPT") ? Stage.RCPT : row[1].startsWith("VRFY") ? Stage.VRFY : Stage.MAIL;
            Disposition expected = switch (reply.codeClass()) {
                case 2 -> Disposition.SUCCESS;
                case 4 -> Disposition.TRANSIENT;
                default -> Disposition.PERMANENT;
            };
            assertThat(DeliveryOutcome.classify(stage, reply).disposition()).as(row[2]).isEqualTo(expected);
        }
    }

    @Test
    void rawGarbageIsUnexpectedWithoutReply() {
        DeliveryOutcome outcome = DeliveryOutcome.classify(Stage.RCPT, "hello?");
        assertThat(outcome).isInstanceOf(Unexpected.class);
        assertThat(outcome.reply()).isEmpty();
        assertThat(outcome.code()).isEmpty();
        assertThat(outcome.disposition()).isEqualTo(Disposition.PERMANENT);
    }

    @Test
    void rawReplyIsParsedThenClassified() {
        DeliveryOutcome outcome = DeliveryOutcome.classify(Stage.RCPT, "252 2.1.5 Cannot VRFY user");
        assertThat(outcome).isInstanceOf(AcceptedUnverified.class);
        assertThat(outcome.code()).hasValue(252);
        assertThat(outcome.enhancedStatus()).contains(EnhancedStatus.of(2, 1, 5));
    }

    @Test
    void connectionLostAfterEndOfDataIsMaybeDelivered() {
        ConnectionLost lost = new ConnectionLost(Stage.MESSAGE, true, "[EOF]");
        assertThat(lost.isMaybeDelivered()).isTrue();
        assertThat(lost.disposition()).isEqualTo(Disposition.TRANSIENT);
        assertThat(lost.reason()).isEqualTo(Reason.NETWORK);
        assertThat(lost.reply()).isEmpty();
        assertThat(new ConnectionLost(Stage.RCPT, false, "Read timed out").isMaybeDelivered()).isFalse();
    }

    @Test
    void suppressedIsAPermanentOutcomeWithoutReplyAtRcpt() {
        Instant since = Instant.parse("2025-03-01T10:00:00Z");
        Suppressed suppressed = new Suppressed(SuppressionKind.HARD_BOUNCE, Reason.USER_UNKNOWN, since,
                Optional.empty(), "RCPT 550 5.1.1 <bob@lab.test>: User unknown (send abc)");
        assertThat(suppressed.disposition()).isEqualTo(Disposition.PERMANENT);
        assertThat(suppressed.stage()).isEqualTo(Stage.RCPT);
        assertThat(suppressed.reply()).isEmpty();
        assertThat(suppressed.code()).isEmpty();
        assertThat(suppressed.reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(RetryPolicy.defaults().decide(suppressed, 1)).isInstanceOf(RetryDecision.GiveUp.class);
        assertThat(Explanation.of(suppressed).notes()).anyMatch(n -> n.contains("Suppressed since " + since)
                && n.contains("until removed") && n.contains("550 5.1.1"));
    }

    @Test
    void recordsWithAReplyCodeRefuseAnEmptyReply() {
        assertThatThrownBy(() -> new NotLocalNoRelay(Stage.RCPT, Optional.empty(), Reason.MOVED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryOutcome.classify(null, SmtpReply.parse("250 ok")))
                .isInstanceOf(NullPointerException.class).hasMessage("stage");
    }

    @Test
    void everyRecordIsReachableFromTheSealedHierarchy() {
        List<String> names = new ArrayList<>();
        collect(DeliveryOutcome.class, names);
        assertThat(names).containsExactlyInAnyOrder("Accepted", "WillForward", "AcceptedUnverified",
                "ServiceUnavailable", "MailboxBusy", "LocalError", "InsufficientStorage", "TransientFailure",
                "MailboxUnavailable", "NotLocalNoRelay", "StorageExceeded", "MailboxNameNotAllowed",
                "TransactionFailed", "ProtocolError", "PermanentFailure", "Unexpected", "ConnectionLost", "Suppressed");
    }

    private static void collect(Class<?> type, List<String> names) {
        if (type.isRecord()) {
            names.add(type.getSimpleName());
            return;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) collect(sub, names);
    }
}
