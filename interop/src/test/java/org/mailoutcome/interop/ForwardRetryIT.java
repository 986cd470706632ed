package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.RecipientOutcome;

/** Forward retry end to end: Postfix's relocated_maps names a local user, the mailer follows it (same domain). */
@ExtendWith(PostfixExtension.class)
class ForwardRetryIT {
    private final PostfixServer postfix;

    ForwardRetryIT(PostfixServer postfix) {
        this.postfix = postfix;
    }

    private DeliveryReport send(Session session, String... to) {
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).forwardPolicy(ForwardPolicy.enabled().build())
                .build()) {
            return Scenarios.print("forward", mailer.send(Mails.message(session, to)));
        }
    }

    @Test
    void relocatedUserIsFollowedToItsLocalAddressAndQueued() {
        long mark = postfix.maillog().mark();
        DeliveryReport report = send(Mails.session(postfix), "relocated@lab.test");
        RecipientOutcome relocated = report.recipients().get(0);
        assertThat(relocated.attempts()).hasSize(2);
        assertThat(relocated.attempts().get(0).outcome()).isInstanceOf(NotLocalNoRelay.class);
        assertThat(relocated.attempts().get(0).outcome().forwardPath()).contains("alice@lab.test");
        assertThat(relocated.attempts().get(0).outcome().reply().orElseThrow().toString())
                .isEqualTo("550 5.1.6 <relocated@lab.test>: Recipient address rejected: User has moved to "
                        + "Alice Example <alice@lab.test>");
        assertThat(relocated.outcome()).isInstanceOf(Accepted.class);
        assertThat(relocated.finalAddress().getAddress()).isEqualTo("alice@lab.test");
        String queueId = report.queueId().orElseThrow();
        List<String> delivered = postfix.maillog().await(mark,
                Pattern.compile(queueId + ": to=<alice@lab.test>.*status=sent"), 1, Duration.ofSeconds(10));
        assertThat(delivered).hasSize(1);
    }

    @Test
    void relocatedToAnotherDomainIsNotFollowedByTheDefaultRule() {
        DeliveryReport report = send(Mails.session(postfix), "moved@lab.test");
        assertThat(report.recipients().get(0).attempts()).hasSize(1);
        assertThat(report.recipients().get(0).outcome().forwardPath()).contains("alice@new.example");
    }

    @Test
    void forwardWorksOverStartTls() {
        DeliveryReport report = send(Mails.startTlsSession(postfix), "relocated@lab.test", "bob@lab.test");
        assertThat(report.isFullyAccepted()).isTrue();
        assertThat(report.recipient("relocated@lab.test").orElseThrow().finalAddress().getAddress())
                .isEqualTo("alice@lab.test");
    }
}
