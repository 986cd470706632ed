package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.DeliveryOutcome.Suppressed;
import org.mailoutcome.Disposition;
import org.mailoutcome.Reason;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.InMemorySuppressionList;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.Tracking;

/** The mailer with a suppression list, against the testkit's server: what goes on the wire and what is learnt. */
class SuppressionIT {
    private static final String UNKNOWN = "550 5.1.1 <nosuch@example.test>: Recipient address rejected: User unknown "
            + "in local recipient table";

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private static DeliveryReport send(SuppressionList list, String... to) {
        return send(list, SendOptions.defaults(), OutcomeHandler.NONE, to);
    }

    private static DeliveryReport send(SuppressionList list, SendOptions options, OutcomeHandler handler,
            String... to) {
        Session session = Mails.session(smtp.server());
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).suppressions(list).handler(handler)
                .readTimeout(Duration.ofSeconds(5)).build()) {
            return mailer.send(Mails.message(session, to), options);
        }
    }

    @Test
    void aHardBounceAtRcptSuppressesTheAddressAndTheNextSendLeavesItOffTheWire() {
        smtp.on(Verb.RCPT, "nosuch@example.test").reply(UNKNOWN);
        InMemorySuppressionList list = new InMemorySuppressionList();

        DeliveryReport first = send(list, "ok@example.test", "nosuch@example.test");
        assertThat(first.recipient("nosuch@example.test").orElseThrow().outcome().name()).isEqualTo("MailboxUnavailable");
        Suppression entry = list.find("nosuch@example.test").orElseThrow();
        assertThat(entry.kind()).isEqualTo(SuppressionKind.HARD_BOUNCE);
        assertThat(entry.reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(entry.cause().describe()).startsWith("RCPT " + UNKNOWN).contains(first.messageId().orElseThrow());
        assertThat(list.find("ok@example.test")).isEmpty();

        smtp.server().reset();
        DeliveryReport second = send(list, "ok@example.test", "NoSuch@Example.test");

        assertThat(Mails.rcpts(smtp.server())).containsExactly("RCPT TO:<ok@example.test>");
        RecipientOutcome suppressed = second.recipient("nosuch@example.test").orElseThrow();
        assertThat(suppressed.outcome()).isInstanceOfSatisfying(Suppressed.class, s -> {
            assertThat(s.kind()).isEqualTo(SuppressionKind.HARD_BOUNCE);
            assertThat(s.reason()).isEqualTo(Reason.USER_UNKNOWN);
            assertThat(s.since()).isEqualTo(entry.since());
            assertThat(s.until()).isEmpty();
            assertThat(s.evidence()).startsWith("RCPT 550 5.1.1");
        });
        assertThat(suppressed.disposition()).isEqualTo(Disposition.PERMANENT);
        assertThat(second.recipients()).extracting(r -> r.address().getAddress())
                .containsExactly("ok@example.test", "NoSuch@Example.test");
        assertThat(second.accepted()).singleElement().satisfies(r -> assertThat(r.address().getAddress())
                .isEqualTo("ok@example.test"));
        assertThat(smtp.messages()).singleElement().satisfies(m -> assertThat(m.envelopeRecipients())
                .containsExactly("ok@example.test"));
    }

    @Test
    void aMessageWhoseEveryRecipientIsSuppressedOpensNoConnection() {
        InMemorySuppressionList list = new InMemorySuppressionList();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        list.put(Suppression.manual("a@example.test", "unsubscribed", now, Optional.empty()));
        list.put(Suppression.manual("b@example.test", "", now, Optional.of(now.plus(Duration.ofDays(1)))));
        List<String> called = new ArrayList<>();

        DeliveryReport report = send(list, SendOptions.defaults(), new OutcomeHandler() {
            @Override
            public void onSuppressed(InternetAddress recipient, Suppressed outcome) {
                called.add(recipient.getAddress() + " " + outcome.kind() + " " + outcome.evidence());
            }
        }, "a@example.test", "b@example.test");

        assertThat(smtp.server().connectionsAccepted()).isZero();
        assertThat(report.recipients()).allSatisfy(r -> assertThat(r.outcome()).isInstanceOf(Suppressed.class));
        assertThat(report.messageOutcome()).isEmpty();
        assertThat(report.messageId()).isPresent();
        assertThat(((Suppressed) report.recipients().get(1).outcome()).until()).contains(now.plus(Duration.ofDays(1)));
        assertThat(called).containsExactly("a@example.test MANUAL manual: unsubscribed", "b@example.test MANUAL manual");
    }

    @Test
    void theSendersOwnProblemsSuppressNobody() {
        smtp.on(Verb.RCPT, "relay@remote.example").reply("554 5.7.1 <relay@remote.example>: Relay access denied");
        smtp.on(Verb.RCPT, "grey@example.test").reply("451 4.7.1 <grey@example.test>: Recipient address rejected: "
                + "Greylisted, please try again later");
        smtp.on(Verb.RCPT, "spam@example.test").reply("550-5.7.1 [192.0.2.22 18] Our system has detected that this "
                + "message is", "550 5.7.1 likely suspicious due to the very low reputation of the sending IP address.");
        smtp.on(Verb.RCPT, "rate@example.test").reply("452 4.3.2 Connection rate limit exceeded.");
        InMemorySuppressionList list = new InMemorySuppressionList();

        send(list, "relay@remote.example", "grey@example.test", "spam@example.test", "rate@example.test");

        smtp.on(Verb.MAIL).reply("553 5.1.8 <sender@client.test>: Sender address rejected: Domain not found");
        send(list, "a@example.test");
        assertThat(list.list(Instant.now(), Optional.empty(), 10)).isEmpty();
        for (String a : List.of("relay@remote.example", "grey@example.test", "rate@example.test", "a@example.test")) {
            assertThat(list.softBounces(a)).as(a).isEmpty();
        }
    }

    @Test
    void aMailboxFullAtRcptIsASoftBounceCountedNotASuppression() {
        smtp.on(Verb.RCPT, "full@example.test").reply("452 4.2.2 <full@example.test>: Recipient address rejected: "
                + "Mailbox full, try again later");
        InMemorySuppressionList list = new InMemorySuppressionList();

        send(list, "full@example.test");

        assertThat(list.find("full@example.test")).isEmpty();
        assertThat(list.softBounces("full@example.test")).singleElement()
                .satisfies(b -> assertThat(b.reason()).isEqualTo(Reason.MAILBOX_FULL));
    }

    @Test
    void aSendCanBypassTheListExplicitly() {
        InMemorySuppressionList list = new InMemorySuppressionList();
        list.put(Suppression.manual("reset@example.test", "bounced last year", Instant.now(), Optional.empty()));

        DeliveryReport report = send(list, SendOptions.bypassingSuppressions(), OutcomeHandler.NONE,
                "reset@example.test");

        assertThat(report.isFullyAccepted()).isTrue();
        assertThat(smtp.messages()).hasSize(1);
        assertThat(list.find("reset@example.test")).isPresent();
    }

    @Test
    void anExpiredEntryNoLongerSuppresses() {
        InMemorySuppressionList list = new InMemorySuppressionList();
        Instant past = Instant.now().minus(Duration.ofDays(40));
        list.put(Suppression.manual("back@example.test", "", past, Optional.of(past.plus(Duration.ofDays(30)))));

        assertThat(send(list, "back@example.test").isFullyAccepted()).isTrue();
    }

    @Test
    void aListThatFailsIsLoggedAndTheSendGoesOn() {
        smtp.on(Verb.RCPT, "nosuch@example.test").reply(UNKNOWN);

        DeliveryReport report = send(new FailingList(), "a@example.test", "nosuch@example.test");

        assertThat(report.recipients()).extracting(r -> r.outcome().name())
                .containsExactly("Accepted", "MailboxUnavailable");
        assertThat(smtp.messages()).singleElement().satisfies(m -> assertThat(m.envelopeRecipients())
                .containsExactly("a@example.test"));
    }

    @Test
    void aTrackedSendRecordsItsSuppressedRecipients() {
        InMemorySuppressionList list = new InMemorySuppressionList();
        list.put(Suppression.manual("x@example.test", "", Instant.now(), Optional.empty()));
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        Session session = Mails.session(smtp.server());
        DeliveryReport report;
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).suppressions(list)
                .tracking(Tracking.builder(store).build()).build()) {
            report = mailer.send(Mails.message(session, "x@example.test", "y@example.test"));
        }
        SentMessage sent = store.findByMessageId(report.messageId().orElseThrow()).get(0);
        assertThat(sent.recipients()).extracting(r -> r.address() + " " + r.outcome().name() + " " + r.fate().name())
                .containsExactly("x@example.test Suppressed NotAccepted", "y@example.test Accepted Pending");
    }

    /** A list whose store is down. */
    private static final class FailingList implements SuppressionList {
        private final InMemorySuppressionList policySource = new InMemorySuppressionList();

        @Override
        public org.mailoutcome.tracking.SuppressionPolicy policy() {
            return policySource.policy();
        }

        @Override
        public Map<String, Suppression> check(Collection<String> addresses, Instant now) {
            throw new DeliveryStoreException("connection refused");
        }

        @Override
        public Optional<Suppression> find(String address) {
            throw new DeliveryStoreException("connection refused");
        }

        @Override
        public org.mailoutcome.tracking.SuppressionChange keep(Suppression proposed, Instant now) {
            throw new DeliveryStoreException("connection refused");
        }

        @Override
        public List<org.mailoutcome.tracking.SoftBounce> count(org.mailoutcome.tracking.SoftBounce bounce) {
            throw new DeliveryStoreException("connection refused");
        }

        @Override
        public org.mailoutcome.tracking.SuppressionChange.Cleared clearSoftBounces(String address) {
            throw new DeliveryStoreException("connection refused");
        }

        @Override
        public void put(Suppression entry) {
            throw new DeliveryStoreException("connection refused");
        }

        @Override
        public boolean remove(String address) {
            throw new DeliveryStoreException("connection refused");
        }

        @Override
        public List<Suppression> list(Instant now, Optional<String> after, int limit) {
            throw new DeliveryStoreException("connection refused");
        }

        @Override
        public void export(java.util.function.Consumer<Suppression> each) {
            throw new DeliveryStoreException("connection refused");
        }

        @Override
        public List<org.mailoutcome.tracking.SoftBounce> softBounces(String address) {
            throw new DeliveryStoreException("connection refused");
        }
    }
}
