package org.mailoutcome.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.DomainRule;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/** A server that tries to redirect mail, amplify a send or inject headers through a 551 forward path. */
class HostileServerIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private static final AtomicInteger cases = new AtomicInteger();
    private static final AtomicInteger transactionsSeen = new AtomicInteger();

    @AfterAll
    static void printCounts() {
        System.out.println("reliability: hostile server: " + cases + " cases tried, " + transactionsSeen
                + " transactions seen by the server, 0 redirected outside policy");
    }

    private static DeliveryReport send(ForwardPolicy forwardPolicy, RetryPolicy retryPolicy, String... to) {
        cases.incrementAndGet();
        Session session = Session.getInstance(smtp.clientProperties());
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).forwardPolicy(forwardPolicy)
                .retryPolicy(retryPolicy).sleeper(delay -> { }).readTimeout(Duration.ofSeconds(2)).build()) {
            return mailer.send(Messages.message(session, "hostile", List.of(to)));
        }
    }

    private static long transactions() {
        smtp.server().awaitOpenConnections(0, Duration.ofSeconds(5));
        long count = smtp.sessions().stream().flatMap(s -> s.commands().stream())
                .filter(c -> c.startsWith("MAIL FROM")).count();
        transactionsSeen.addAndGet((int) count);
        return count;
    }

    private static List<String> rcptCommands() {
        return smtp.sessions().stream().flatMap(s -> s.commands().stream()).filter(c -> c.startsWith("RCPT"))
                .toList();
    }

    @Test
    void forwardPathToAnotherDomainIsReportedButNotFollowedByDefault() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <moved@evil.test>");
        DeliveryReport report = send(ForwardPolicy.disabled(), RetryPolicy.none(), "moved@example.test");
        assertThat(report.recipients().get(0).outcome()).isInstanceOfSatisfying(NotLocalNoRelay.class,
                o -> assertThat(o.forwardPath()).hasValue("moved@evil.test"));
        assertThat(transactions()).isEqualTo(1);
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void forwardPathToAnotherDomainIsRefusedByTheDefaultDomainRuleWhenForwardingIsOn() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <moved@evil.test>");
        DeliveryReport report = send(ForwardPolicy.enabled().build(), RetryPolicy.none(), "moved@example.test");
        assertThat(report.recipients().get(0).attempts()).hasSize(1);
        assertThat(rcptCommands()).noneMatch(c -> c.contains("evil.test"));
        assertThat(transactions()).isEqualTo(1);
    }

    @Test
    void forwardPathToTheSenderIsNeverFollowed() {
        smtp.on(Verb.RCPT, "moved@example.test")
                .reply("551 5.1.6 User not local; please try <" + Messages.SENDER + ">");
        DeliveryReport report = send(ForwardPolicy.enabled().domainRule(DomainRule.anyDomain()).build(),
                RetryPolicy.none(), "moved@example.test");
        assertThat(report.recipients().get(0).attempts()).hasSize(1);
        assertThat(rcptCommands()).noneMatch(c -> c.contains(Messages.SENDER));
        assertThat(transactions()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "551 5.1.6 User not local; please try <a@example.test>, <b@example.test>",
        "551 5.1.6 User not local; please try <a@example.test> or <b@example.test> or <c@example.test>",
        "551 5.1.6 User not local; please try <a@example.test>\rBcc: victim@example.test",
        "551 5.1.6 User not local; please try <a@example.test\r\nBcc: victim@example.test>",
        "551 5.1.6 User not local; please try <Bcc: victim@example.test>",
        "551 5.1.6 User not local; please try <\"x\r\nSubject: injected\"@example.test>",
        "551 5.1.6 User not local; please try <a@example.test>\nBcc: victim@example.test\n",
    })
    void hostileForwardPathsReachAtMostOneValidMailboxAndInjectNothing(String reply) {
        smtp.on(Verb.RCPT, "moved@example.test").raw((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        DeliveryReport report = send(ForwardPolicy.enabled().build(), RetryPolicy.none(), "moved@example.test");
        RecipientOutcome outcome = report.recipients().get(0);
        assertThat(outcome.attempts()).hasSizeLessThanOrEqualTo(2);
        assertThat(outcome.finalAddress().getAddress()).doesNotContain("\r", "\n", "victim", "Bcc", "Subject");
        assertThat(transactions()).isLessThanOrEqualTo(2);
        assertThat(rcptCommands()).noneMatch(c -> c.contains("victim") || c.contains("b@example.test"));
        for (ReceivedMessage m : smtp.messages()) {
            assertThat(m.envelopeRecipients()).hasSize(1).noneMatch(r -> r.contains("victim"));
            assertThat(m.text()).doesNotContain("victim", "injected");
        }
    }

    @Test
    void forwardPathOfTenThousandCharactersIsRefused() {
        String huge = "a".repeat(10_000) + "@example.test";
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <" + huge + ">");
        DeliveryReport report = send(ForwardPolicy.enabled().domainRule(DomainRule.anyDomain()).build(),
                RetryPolicy.none(), "moved@example.test");
        assertThat(report.recipients().get(0).attempts()).hasSize(1);
        assertThat(report.toString().length()).isLessThan(30_000);
        assertThat(transactions()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void serverAnswering551ForeverGetsAtMostOnePlusMaxHopsTransactionsPerRecipient(int maxHops) {
        for (String who : List.of("a", "b")) {
            for (int hop = 0; hop < 20; hop++) {
                smtp.on(Verb.RCPT, who + hop + "@example.test")
                        .reply("551 5.1.6 User not local; please try <" + who + (hop + 1) + "@example.test>");
            }
        }
        DeliveryReport report = send(ForwardPolicy.enabled().maxHops(maxHops).build(), RetryPolicy.defaults(),
                "a0@example.test", "b0@example.test");
        assertThat(report.recipients()).allSatisfy(r -> {
            assertThat(r.attempts()).hasSizeLessThanOrEqualTo(1 + maxHops);
            assertThat(r.outcome()).isInstanceOf(NotLocalNoRelay.class);
        });
        List<String> rcpts = rcptCommands();
        for (String who : List.of("a", "b")) {
            assertThat(rcpts.stream().filter(c -> c.startsWith("RCPT TO:<" + who)).count())
                    .as("RCPTs for %s's chain: %s", who, rcpts).isEqualTo(1 + maxHops);
        }
        assertThat(transactions()).isLessThanOrEqualTo(2L * (1 + maxHops));
        assertThat(smtp.messages()).isEmpty();
    }
}
