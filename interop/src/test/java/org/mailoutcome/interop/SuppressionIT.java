package org.mailoutcome.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.Reason;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.testsupport.PostfixServer;
import org.mailoutcome.tracking.InMemoryAddressBook;
import org.mailoutcome.tracking.InMemorySuppressionList;
import org.mailoutcome.tracking.Suppression;

/**
 * The suppression list and the address book against the suite's Postfix: its "User unknown in local recipient
 * table" suppresses the address, and the next send does not ask Postfix about it again (its log shows no second
 * refusal); its 551 forward path is learnt, and without a policy that allows it the next send says it is known.
 */
@ExtendWith(PostfixExtension.class)
class SuppressionIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private final PostfixServer postfix;
    private final Session session;

    SuppressionIT(PostfixServer postfix) {
        this.postfix = postfix;
        this.session = Mails.session(postfix);
    }

    @Test
    void postfixsUserUnknownSuppressesAndTheNextSendLeavesTheAddressOut() {
        InMemorySuppressionList list = new InMemorySuppressionList();
        InMemoryAddressBook book = new InMemoryAddressBook();
        String[] envelope = {"alice@lab.test", "nosuch@lab.test", "moved551@lab.test"};
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).suppressions(list).addressBook(book)
                .forwardPolicy(ForwardPolicy.enabled().build()).build()) {
            long start = postfix.maillog().mark();
            DeliveryReport first = Scenarios.print("suppress", mailer.send(Mails.message(session, envelope)));
            String refusal = first.recipient("nosuch@lab.test").orElseThrow().outcome().reply().orElseThrow()
                    .toString();
            Suppression entry = list.find("nosuch@lab.test").orElseThrow();
            assertThat(entry.kind()).isEqualTo(SuppressionKind.HARD_BOUNCE);
            assertThat(entry.reason()).isEqualTo(Reason.USER_UNKNOWN);
            assertThat(entry.cause().describe()).startsWith("RCPT " + refusal);
            assertThat(book.find("moved551@lab.test")).hasValueSatisfying(m -> assertThat(m.newAddress())
                    .isEqualTo("moved551@new.example"));
            postfix.maillog().await(start, Pattern.compile(Pattern.quote(first.queueId().orElseThrow()) + ": removed"), 1,
                    LOG_WAIT);

            long mark = postfix.maillog().mark();
            DeliveryReport second = Scenarios.print("suppress", mailer.send(Mails.message(session, envelope)));

            RecipientOutcome nosuch = second.recipient("nosuch@lab.test").orElseThrow();
            assertThat(nosuch.outcome()).isInstanceOf(DeliveryOutcome.Suppressed.class);
            RecipientOutcome moved = second.recipient("moved551@lab.test").orElseThrow();
            assertThat(moved.knownForward()).as("learnt, but another domain: the default rule does not follow it")
                    .isPresent();
            assertThat(moved.isRewritten()).isFalse();
            assertThat(moved.movesLearnt()).isEmpty();
            postfix.maillog().await(mark, Pattern.compile(Pattern.quote(second.queueId().orElseThrow()) + ": removed"),
                    1, LOG_WAIT);
            assertThat(postfix.maillog().matching(mark, Pattern.compile("reject: RCPT from .*to=<nosuch@lab\\.test>")))
                    .as("Postfix was not asked about nosuch@lab.test again").isEmpty();
            assertThat(postfix.maillog().matching(mark, Pattern.compile("reject: RCPT from .*to=<moved551@lab\\.test>")))
                    .hasSize(1);
        }
    }
}
