package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.DomainRule;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/** Following a 551's forward path: the headline feature, and every way it must refuse. */
class ForwardRetryIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private DeliveryReport send(ForwardPolicy policy, String... to) {
        Session session = Mails.session(smtp.server());
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).forwardPolicy(policy).build()) {
            return mailer.send(Mails.message(session, to));
        }
    }

    @Test
    void notLocalWithForwardPathIsResentThereWithTheSameMessageId() throws Exception {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
        DeliveryReport report = send(ForwardPolicy.enabled().build(), "moved@example.test", "other@example.test");
        RecipientOutcome moved = report.recipient("moved@example.test").orElseThrow();
        assertThat(moved.outcome()).isInstanceOf(Accepted.class);
        assertThat(moved.attempts()).extracting(a -> a.address().getAddress(), a -> a.outcome().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("moved@example.test", "NotLocalNoRelay"),
                        org.assertj.core.groups.Tuple.tuple("new@example.test", "Accepted"));
        assertThat(moved.finalAddress().getAddress()).isEqualTo("new@example.test");
        List<ReceivedMessage> received = smtp.awaitMessages(2, Duration.ofSeconds(5));
        assertThat(received).extracting(ReceivedMessage::envelopeRecipients)
                .containsExactly(List.of("other@example.test"), List.of("new@example.test"));
        String firstId = received.get(0).mimeMessage().getMessageID();
        assertThat(received.get(1).mimeMessage().getMessageID()).isEqualTo(firstId);
        assertThat(received.get(1).bytes()).isEqualTo(received.get(0).bytes());
    }

    @Test
    void postfixRelocatedReplyWithDisplayNameIsFollowed() {
        smtp.on(Verb.RCPT, "gone@example.test").reply("550 5.1.6 <gone@example.test>: Recipient address rejected: "
                + "User has moved to Bob Smith <bob@example.test>");
        DeliveryReport report = send(ForwardPolicy.enabled().build(), "gone@example.test");
        assertThat(report.recipients().get(0).finalAddress().getAddress()).isEqualTo("bob@example.test");
        assertThat(report.isFullyAccepted()).isTrue();
    }

    @Test
    void forwardToAnotherDomainIsRefusedByDefaultAndAllowedByPolicy() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <x@elsewhere.test>");
        DeliveryReport refused = send(ForwardPolicy.enabled().build(), "moved@example.test");
        assertThat(refused.recipients().get(0).outcome()).isInstanceOf(NotLocalNoRelay.class);
        assertThat(refused.recipients().get(0).attempts()).hasSize(1);
        assertThat(smtp.messages()).isEmpty();

        DeliveryReport allowed = send(ForwardPolicy.enabled()
                .domainRule(DomainRule.allowList(Set.of("elsewhere.test"))).build(), "moved@example.test");
        assertThat(allowed.recipients().get(0).finalAddress().getAddress()).isEqualTo("x@elsewhere.test");
        assertThat(allowed.isFullyAccepted()).isTrue();
    }

    @Test
    void forwardingIsOffByDefault() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
        Session session = Mails.session(smtp.server());
        try (OutcomeMailer mailer = OutcomeMailer.create(session)) {
            DeliveryReport report = mailer.send(Mails.message(session, "moved@example.test"));
            assertThat(report.recipients().get(0).attempts()).hasSize(1);
        }
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void loopBackToAnEarlierAddressIsStopped() {
        smtp.on(Verb.RCPT, "a@example.test").reply("551 5.1.6 User not local; please try <b@example.test>");
        smtp.on(Verb.RCPT, "b@example.test").reply("551 5.1.6 User not local; please try <a@example.test>");
        DeliveryReport report = send(ForwardPolicy.enabled().maxHops(5).build(), "a@example.test");
        assertThat(report.recipients().get(0).attempts()).extracting(a -> a.address().getAddress())
                .containsExactly("a@example.test", "b@example.test");
        assertThat(report.recipients().get(0).outcome()).isInstanceOf(NotLocalNoRelay.class);
    }

    @Test
    void serverThatForwardsForeverIsStoppedByTheHopLimit() {
        for (int i = 0; i < 10; i++) {
            smtp.on(Verb.RCPT, "hop" + i + "@example.test")
                    .reply("551 5.1.6 User not local; please try <hop" + (i + 1) + "@example.test>");
        }
        DeliveryReport report = send(ForwardPolicy.enabled().maxHops(2).build(), "hop0@example.test");
        assertThat(report.recipients().get(0).attempts()).hasSize(3);
        long rcptCommands = smtp.sessions().stream().flatMap(s -> s.commands().stream())
                .filter(c -> c.startsWith("RCPT")).count();
        assertThat(rcptCommands).isEqualTo(3);
    }

    @Test
    void forwardPathWithControlCharacterIsNeverFollowed() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 please try <ev\u0007il@example.test>");
        DeliveryReport report = send(ForwardPolicy.enabled().domainRule(DomainRule.anyDomain()).build(),
                "moved@example.test");
        assertThat(report.recipients().get(0).outcome().forwardPath()).isEmpty();
        assertThat(report.recipients().get(0).attempts()).hasSize(1);
    }

    @Test
    void forwardPathAlreadyInTheEnvelopeOrTheSenderIsNotResent() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 please try <other@example.test>");
        smtp.on(Verb.RCPT, "moved2@client.test").reply("551 5.1.6 please try <sender@client.test>");
        DeliveryReport report = send(ForwardPolicy.enabled().domainRule(DomainRule.anyDomain()).build(),
                "moved@example.test", "other@example.test", "moved2@client.test");
        assertThat(report.recipients().get(0).attempts()).hasSize(1);
        assertThat(report.recipients().get(2).attempts()).hasSize(1);
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).envelopeRecipients())
                .containsExactly("other@example.test");
    }

    @Test
    void approvalHookDecidesPerAddress() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 please try <new@example.test>");
        List<String> asked = new ArrayList<>();
        DeliveryReport report = send(ForwardPolicy.enabled().approval((from, to) -> {
            asked.add(from + "->" + to);
            return false;
        }).build(), "moved@example.test");
        assertThat(asked).containsExactly("moved@example.test->new@example.test");
        assertThat(report.recipients().get(0).attempts()).hasSize(1);
    }

    @Test
    void willForwardNeverResendsButBothMovesReachTheAddressBook() {
        smtp.on(Verb.RCPT, "fwd@example.test").reply("251 2.1.5 User not local; will forward to <f2@example.test>");
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <m2@example.test>");
        List<String> moves = new ArrayList<>();
        Session session = Mails.session(smtp.server());
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).forwardPolicy(ForwardPolicy.enabled().build())
                .build()) {
            mailer.send(Mails.message(session, "fwd@example.test", "moved@example.test"), new OutcomeHandler() {
                @Override
                public void onAddressMoved(InternetAddress oldAddress, InternetAddress newAddress) {
                    moves.add(oldAddress.getAddress() + "->" + newAddress.getAddress());
                }
            });
        }
        assertThat(moves).containsExactly("fwd@example.test->f2@example.test", "moved@example.test->m2@example.test");
        assertThat(smtp.awaitMessages(2, Duration.ofSeconds(5))).extracting(ReceivedMessage::envelopeRecipients)
                .containsExactly(List.of("fwd@example.test"), List.of("m2@example.test"));
    }

    @Test
    void resentHeadersAreAddedOnRequestWithoutTouchingTheMessageId() throws Exception {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 please try <new@example.test>");
        Session session = Mails.session(smtp.server());
        var message = Mails.message(session, "moved@example.test");
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).forwardPolicy(ForwardPolicy.enabled().build())
                .forwardHeaders(ForwardHeaders.RESENT).build()) {
            mailer.send(message);
        }
        var received = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).mimeMessage();
        assertThat(received.getHeader("Resent-To", ",")).contains("new@example.test");
        assertThat(received.getMessageID()).isEqualTo(message.getMessageID());
        assertThat(received.getHeader("To", ",")).isEqualTo("moved@example.test");
    }

    @Test
    void routerSendsTheForwardThroughAnotherServer() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 please try <new@other.test>");
        try (SmtpServer other = SmtpServer.start()) {
            Session session = Mails.session(smtp.server());
            Session otherSession = Mails.session(other);
            ForwardPolicy any = ForwardPolicy.enabled().domainRule(DomainRule.anyDomain()).build();
            try (OutcomeMailer mailer = OutcomeMailer.builder(session).forwardPolicy(any)
                    .forwardRouter(address -> address.endsWith("@other.test") ? Optional.of(otherSession)
                            : Optional.empty()).build()) {
                assertThat(mailer.send(Mails.message(session, "moved@example.test")).isFullyAccepted()).isTrue();
            }
            assertThat(other.awaitMessages(1, Duration.ofSeconds(5)).get(0).envelopeRecipients())
                    .containsExactly("new@other.test");
            assertThat(smtp.messages()).isEmpty();
        }
    }
}
