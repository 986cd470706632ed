package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.Disposition;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.RecipientOutcome;

/**
 * Every way the suite's Postfix refuses a recipient at RCPT (local recipient table, relocated_maps, the access
 * map), alone and mixed with an accepted recipient in one message.
 */
@ExtendWith(PostfixExtension.class)
class RecipientRepliesIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    /** What the report must say for each refused recipient; {@code text} is a piece of Postfix's reply. */
    record Refusal(String address, int code, String enhanced, String record, Disposition disposition, Reason reason,
            Optional<String> forwardPath, String text) {
        @Override
        public String toString() {
            return address + " " + code + " " + enhanced;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
            refusal("nosuch@lab.test", 550, "5.1.1", "MailboxUnavailable", Reason.USER_UNKNOWN, null,
                    "User unknown in local recipient table"),
            refusal("moved@lab.test", 550, "5.1.6", "NotLocalNoRelay", Reason.MOVED, "alice@new.example",
                    "User has moved to alice@new.example"),
            refusal("gone@lab.test", 550, "5.1.6", "NotLocalNoRelay", Reason.MOVED, "bob@new.example",
                    "User has moved to Bob Smith <bob@new.example>"),
            refusal("quotedname@lab.test", 550, "5.1.6", "NotLocalNoRelay", Reason.MOVED, "john@new.example",
                    "User has moved to \"Smith, John\" <john@new.example>"),
            refusal("quotedlocal@lab.test", 550, "5.1.6", "NotLocalNoRelay", Reason.MOVED,
                    "\"john smith\"@new.example", "User has moved to <\"john smith\"@new.example>"),
            refusal("oneil@lab.test", 550, "5.1.6", "NotLocalNoRelay", Reason.MOVED, "\"o'neil\"@new.example",
                    "User has moved to \"o'neil\"@new.example"),
            refusal("phone@lab.test", 550, "5.1.6", "NotLocalNoRelay", Reason.MOVED, "jdoe@new.example",
                    "User has moved to jdoe@new.example (phone +1 555 0100)"),
            refusal("company@lab.test", 550, "5.1.6", "NotLocalNoRelay", Reason.MOVED, "jane@newco.example",
                    "User has moved to jane@newco.example This company does not exist anymore"),
            refusal("twoplaces@lab.test", 550, "5.1.6", "NotLocalNoRelay", Reason.MOVED, null,
                    "User has moved to sales@new.example or support@new.example"),
            refusal("moved551@lab.test", 551, "5.1.6", "NotLocalNoRelay", Reason.MOVED, "moved551@new.example",
                    "User not local; please try <moved551@new.example>"),
            refusal("full552@lab.test", 552, "5.2.2", "StorageExceeded", Reason.MAILBOX_FULL, null, "Mailbox full"),
            refusal("bad553@lab.test", 553, "5.1.3", "MailboxNameNotAllowed", Reason.SYNTAX, null,
                    "Mailbox name not allowed"),
            refusal("tmp450@lab.test", 450, "4.2.1", "MailboxBusy", Reason.MAILBOX_DISABLED, null,
                    "Mailbox temporarily unavailable"),
            refusal("grey@lab.test", 451, "4.7.1", "LocalError", Reason.GREYLISTED, null,
                    "Greylisted, please try again later"),
            refusal("full452@lab.test", 452, "4.2.2", "InsufficientStorage", Reason.MAILBOX_FULL, null,
                    "Mailbox full, try again later"),
            refusal("defer@lab.test", 450, "4.7.1", "MailboxBusy", Reason.POLICY, null, "Access denied"),
            refusal("reject@lab.test", 554, "5.7.1", "TransactionFailed", Reason.POLICY, null, "Access denied"),
            refusal("reject2@lab.test", 554, "5.7.1", "TransactionFailed", Reason.POLICY, null, "no mail for you"),
            refusal("deferif@lab.test", 450, "4.7.1", "MailboxBusy", Reason.POLICY, null, "Service unavailable"),
            refusal("okunknown@lab.test", 550, "5.1.1", "MailboxUnavailable", Reason.USER_UNKNOWN, null,
                    "User unknown in local recipient table"));
    }

    private static Refusal refusal(String address, int code, String enhanced, String record, Reason reason,
            String forwardPath, String text) {
        Disposition disposition = code >= 500 ? Disposition.PERMANENT : Disposition.TRANSIENT;
        return new Refusal(address, code, enhanced, record, disposition, reason, Optional.ofNullable(forwardPath),
                text);
    }

    private final PostfixServer postfix;
    private final Session session;
    private final OutcomeMailer mailer;

    RecipientRepliesIT(PostfixServer postfix) {
        this.postfix = postfix;
        this.session = Mails.session(postfix);
        this.mailer = OutcomeMailer.create(session);
    }

    @AfterEach
    void closeMailer() {
        mailer.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedRecipientGetsTheTypedOutcomeOfPostfixsReply(Refusal expected) {
        long mark = postfix.maillog().mark();
        DeliveryReport report = Scenarios.print("refused", mailer.send(Mails.message(session, expected.address())));

        RecipientOutcome only = report.recipients().get(0);
        assertThat(report.recipients()).hasSize(1);
        assertRefusal(only.outcome(), expected);
        assertThat(report.messageOutcome()).as("no recipient accepted: the message is never offered").isEmpty();
        assertThat(report.queueId()).isEmpty();

        String reply = only.outcome().reply().orElseThrow().toString();
        postfix.maillog().await(mark, Pattern.compile("NOQUEUE: reject: RCPT from localhost\\[127\\.0\\.0\\.1\\]:\\d+: "
                + Pattern.quote(reply + "; from=<" + Mails.SENDER + "> to=<" + expected.address() + ">")), 1, LOG_WAIT);
    }

    @Test
    void acceptedRecipientGetsTheMessageWhenEveryOtherRecipientIsRefused() {
        List<Refusal> refused = refusals().toList();
        String[] envelope = Stream.concat(Stream.of("alice@lab.test"), refused.stream().map(Refusal::address))
                .toArray(String[]::new);
        long mark = postfix.maillog().mark();
        DeliveryReport report = Scenarios.print("mixed", mailer.send(Mails.message(session, envelope)));

        assertThat(report.recipients()).extracting(r -> r.address().getAddress()).containsExactly(envelope);
        DeliveryOutcome alice = report.recipients().get(0).outcome();
        assertThat(alice).isInstanceOf(Accepted.class);
        assertThat(alice.stage()).isEqualTo(Stage.RCPT);
        for (int i = 0; i < refused.size(); i++) {
            assertRefusal(report.recipients().get(i + 1).outcome(), refused.get(i));
        }
        assertThat(report.accepted()).hasSize(1);

        String queueId = report.queueId().orElseThrow();
        postfix.maillog().await(mark, Pattern.compile(queueId + ": removed"), 1, LOG_WAIT);
        assertThat(postfix.maillog().matching(mark, Pattern.compile("postfix/qmgr\\[\\d+\\]: " + queueId + ": from=")))
                .singleElement().asString().contains("from=<" + Mails.SENDER + ">").contains("nrcpt=1 (queue active)");
        List<String> deliveries = postfix.maillog().matching(mark, Pattern.compile(queueId + ": to=<"));
        assertThat(deliveries).singleElement().asString().contains("to=<alice@lab.test>").contains("status=sent");
        assertThat(postfix.maillog().matching(mark, Pattern.compile(queueId + ": reject: RCPT from ")))
                .hasSize(refused.size());
        System.out.println("interop: mixed      maillog: " + deliveries.get(0));
    }

    @Test
    void remoteRecipientIsRelayedForATrustedClientAndRelayDeniedForAnUntrustedOne() {
        DeliveryReport trusted = Scenarios.print("relay",
                mailer.send(Mails.message(session, "someone@remote.example")));
        assertThat(trusted.recipients().get(0).outcome()).isInstanceOf(Accepted.class);

        Properties untrusted = Mails.properties(postfix);
        untrusted.setProperty("mail.smtp.port", Integer.toString(postfix.untrustedPort()));
        Session outside = Session.getInstance(untrusted);
        DeliveryReport denied;
        try (OutcomeMailer outsider = OutcomeMailer.create(outside)) {
            denied = Scenarios.print("relay", outsider.send(Mails.message(outside, "someone@remote.example")));
        }
        DeliveryOutcome outcome = denied.recipients().get(0).outcome();
        assertThat(outcome.name()).isEqualTo("TransactionFailed");
        assertThat(outcome.code()).hasValue(554);
        assertThat(outcome.enhancedStatus()).contains(EnhancedStatus.of(5, 7, 1));
        assertThat(outcome.reason()).isEqualTo(Reason.RELAY_DENIED);
        assertThat(outcome.reply().orElseThrow().text()).endsWith("Relay access denied");
    }

    private static void assertRefusal(DeliveryOutcome outcome, Refusal expected) {
        assertThat(outcome.name()).as("record").isEqualTo(expected.record());
        assertThat(outcome.stage()).isEqualTo(Stage.RCPT);
        assertThat(outcome.code()).hasValue(expected.code());
        assertThat(outcome.enhancedStatus()).contains(EnhancedStatus.parse(expected.enhanced()));
        assertThat(outcome.disposition()).isEqualTo(expected.disposition());
        assertThat(outcome.reason()).isEqualTo(expected.reason());
        assertThat(outcome.forwardPath()).isEqualTo(expected.forwardPath());
        assertThat(outcome.reply().orElseThrow().text())
                .contains("<" + expected.address() + ">: Recipient address rejected: " + expected.text());
    }
}
