package org.mailoutcome.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.OutcomeMailerBuilder;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.Rule;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;

/**
 * Random reply scripts for random recipient lists, with and without transient retries and forward retries: the
 * report always has one true outcome per recipient, and no recipient ever receives the message twice; against a
 * server without PIPELINING and against one that advertises it (the mailer then pipelines every transaction).
 */
class ReplyScriptPropertiesIT {
    private static SmtpServer plainServer;
    private static SmtpServer pipeliningServer;
    private static final AtomicInteger tries = new AtomicInteger();
    private static final AtomicInteger faults = new AtomicInteger();
    private static final AtomicInteger sends = new AtomicInteger();
    private static final AtomicInteger transactions = new AtomicInteger();

    /** One scripted server action: a reply, or a fault. */
    record Step(String reply, String kind) {
        static Step reply(String line) {
            return new Step(line, "reply");
        }

        static Step fault(String kind) {
            return new Step("", kind);
        }

        boolean isFault() {
            return !kind.equals("reply");
        }

        void install(Rule rule) {
            switch (kind) {
                case "reply" -> rule.reply(reply);
                case "close" -> rule.closeBeforeReply();
                case "421" -> rule.serviceUnavailable();
                case "garbage" -> rule.garbage();
                case "truncated" -> rule.truncated();
                default -> throw new IllegalStateException(kind);
            }
        }

        @Override
        public String toString() {
            return isFault() ? "<" + kind + ">" : reply;
        }
    }

    /** What the server does: per recipient, then per transaction stage, first use first. */
    record Script(List<String> recipients, List<List<Step>> rcpt, List<Step> mail, List<Step> data,
            List<Step> endOfData, int policy) {
    }

    @BeforeContainer
    static void startServer() {
        plainServer = SmtpServer.start();
        pipeliningServer = SmtpServer.builder().pipelining(true).start();
    }

    @AfterContainer
    static void stopServer() {
        plainServer.close();
        pipeliningServer.close();
        System.out.println("reliability: reply-script properties: " + tries + " cases tried, " + sends
                + " sends, " + faults + " faults injected, " + transactions + " transactions seen by the server");
    }

    @Property(tries = 150, seed = "20250109")
    void everyRecipientGetsOneTrueOutcomeAndNoOneReceivesTheMessageTwice(@ForAll("scripts") Script script) {
        check(plainServer, script);
    }

    @Property(tries = 150, seed = "20250109")
    void pipelinedEveryRecipientGetsOneTrueOutcomeAndNoOneReceivesTheMessageTwice(
            @ForAll("scripts") Script script) {
        check(pipeliningServer, script);
    }

    private static void check(SmtpServer server, Script script) {
        tries.incrementAndGet();
        server.reset();
        install(server, script);
        Session session = Session.getInstance(server.clientProperties());
        String subject = "property " + tries.get();
        DeliveryReport report;
        try (OutcomeMailer mailer = mailer(session, script.policy())) {
            report = mailer.send(Messages.message(session, subject, script.recipients()));
            sends.incrementAndGet();
        }
        server.awaitOpenConnections(0, Duration.ofSeconds(5));
        List<ReceivedMessage> received = server.messages();
        transactions.addAndGet((int) server.sessions().stream().flatMap(s -> s.commands().stream())
                .filter(c -> c.startsWith("MAIL FROM")).count());
        Invariants.check(report, script.recipients(), received);
        Map<String, Integer> copies = new HashMap<>();
        received.forEach(m -> m.envelopeRecipients().forEach(r -> copies.merge(r, 1, Integer::sum)));
        assertThat(copies).as("no address receives the message twice: " + received)
                .allSatisfy((address, count) -> assertThat(count).isEqualTo(1));
    }

    private static OutcomeMailer mailer(Session session, int policy) {
        OutcomeMailerBuilder builder = OutcomeMailer.builder(session).readTimeout(Duration.ofMillis(700))
                .sleeper(delay -> { });
        if (policy >= 1) builder.retryPolicy(RetryPolicy.builder().maxAttempts(policy + 1).build());
        if (policy >= 2) builder.forwardPolicy(ForwardPolicy.enabled().maxHops(policy - 1).build());
        return builder.build();
    }

    private static void install(SmtpServer server, Script script) {
        for (int i = 0; i < script.recipients().size(); i++) {
            for (Step step : script.rcpt().get(i)) {
                count(step);
                step.install(server.on(Verb.RCPT, script.recipients().get(i)).times(1));
            }
        }
        installAll(server, Verb.MAIL, script.mail());
        installAll(server, Verb.DATA, script.data());
        installAll(server, Verb.END_OF_DATA, script.endOfData());
    }

    private static void installAll(SmtpServer server, Verb verb, List<Step> steps) {
        for (Step step : steps) {
            count(step);
            step.install(server.on(verb).times(1));
        }
    }

    private static void count(Step step) {
        if (step.isFault()) faults.incrementAndGet();
    }

    @Provide
    Arbitrary<Script> scripts() {
        Arbitrary<List<String>> recipients = Arbitraries.integers().between(1, 6).map(n -> {
            List<String> list = new ArrayList<>();
            for (int i = 1; i <= n; i++) list.add("p" + i + "@example.test");
            return list;
        });
        return recipients.flatMap(list -> Combinators.combine(
                rcptStep().list().ofMaxSize(3).list().ofSize(list.size()),
                stageSteps("250 2.1.0 Ok", "451 4.3.0 Try again later", "553 5.1.8 Sender rejected"),
                stageSteps("354 Go ahead", "451 4.3.0 Try again later", "554 5.5.1 No valid recipients"),
                stageSteps("250 2.0.0 Ok: queued as PROP1", "451 4.3.0 Queue write error", "554 5.7.1 Spam"),
                Arbitraries.integers().between(0, 3))
                .as((rcpt, mail, data, end, policy) -> new Script(list, rcpt, mail, data, end, policy)));
    }

    private static Arbitrary<Step> rcptStep() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("250 2.1.5 Ok", "251 2.1.5 User not local; will forward to <f1@example.test>",
                        "252 2.1.5 Cannot VRFY user, but will accept message", "450 4.2.1 Mailbox busy",
                        "451 4.7.1 Greylisted, please try again later", "452 4.5.3 Too many recipients",
                        "550 5.1.1 User unknown", "551 5.1.6 User not local; please try <f1@example.test>",
                        "551 5.1.6 User not local; please try <f2@example.test>",
                        "551 5.1.6 User not local; please try <p1@example.test>", "553 5.1.3 Bad address syntax",
                        "554 5.7.1 Relay access denied").map(Step::reply)),
                net.jqwik.api.Tuple.of(1, faultStep()));
    }

    private static Arbitrary<Step> faultStep() {
        return Arbitraries.of("close", "421", "garbage", "truncated").map(Step::fault);
    }

    private static Arbitrary<List<Step>> stageSteps(String ok, String transientFailure, String permanentFailure) {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Step.reply(ok))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(transientFailure, permanentFailure).map(Step::reply)),
                net.jqwik.api.Tuple.of(1, faultStep()));
        return step.list().ofMaxSize(2);
    }
}
