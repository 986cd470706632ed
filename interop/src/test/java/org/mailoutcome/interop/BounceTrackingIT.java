package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailoutcome.Reason;
import org.mailoutcome.bounce.Bounce;
import org.mailoutcome.bounce.BounceParser;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.ParsedMail;
import org.mailoutcome.bounce.tracking.BounceMailbox;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.bounce.tracking.IngestResult;
import org.mailoutcome.bounce.tracking.IngestResult.MatchedBy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.tracking.Verp;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.SmtpServer;

/**
 * Bounce tracking end to end: the mailer sends with tracking to Postfix, which accepts, then writes real notices
 * (a bounce from {@code error:}, a delay then an expiry from {@code retry:}, a success notice from a local
 * delivery) to the sender's domain {@code sender.test}, routed over SMTP to the {@link NoticeServer}; each notice
 * is put as it arrives into the GreenMail mailbox {@code tracker@sender.test} (GreenMail's own SMTP server refuses
 * the null sender), which the bounce mailbox reads over IMAP; the tracker turns each accepted recipient's fate
 * into what Postfix said.
 */
@ExtendWith(PostfixExtension.class)
class BounceTrackingIT {
    private static final String TRACKER = "tracker@sender.test";
    private static final String PASSWORD = "secret";
    /** Postfix bounces at once; a deferred message expires after 15 s (main.cf), its delay notice after 1 s. */
    private static final Duration NOTICE_WAIT = Duration.ofSeconds(90);

    private static final InMemoryDeliveryStore STORE = new InMemoryDeliveryStore();
    private static final FateEvents EVENTS = new FateEvents();
    private static final Map<MatchedBy, Integer> CORRELATED = new EnumMap<>(MatchedBy.class);
    private static final Set<String> COUNTED = new HashSet<>();
    private static GreenMail notices;
    private static BounceMailbox mailbox;
    private static Thread relay;
    private static volatile boolean stopping;

    private final PostfixServer postfix;

    BounceTrackingIT(PostfixServer postfix) {
        this.postfix = postfix;
    }

    @BeforeAll
    static void startNoticeMailbox(NoticeServer server) {
        notices = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        notices.start();
        GreenMailUser user = notices.setUser(TRACKER, TRACKER, PASSWORD);
        relay = new Thread(() -> relay(server.smtp(), user), "notice-relay");
        relay.setDaemon(true);
        relay.start();
        Properties props = new Properties();
        props.setProperty("mail.imap.host", PostfixServer.HOST);
        props.setProperty("mail.imap.port", Integer.toString(notices.getImap().getPort()));
        props.setProperty("mail.imap.connectiontimeout", "10000");
        props.setProperty("mail.imap.timeout", "60000");
        DeliveryTracker tracker = DeliveryTracker.builder(Tracking.builder(STORE).build()).listener(EVENTS).build();
        mailbox = BounceMailbox.builder(Session.getInstance(props), tracker).credentials(TRACKER, PASSWORD)
                .pollInterval(Duration.ofSeconds(5)).build();
        mailbox.start();
    }

    /** Puts every message the notice server receives into the IMAP mailbox, as soon as it is recorded. */
    private static void relay(SmtpServer server, GreenMailUser user) {
        int relayed = 0;
        while (!stopping) {
            List<ReceivedMessage> received;
            try {
                received = server.awaitMessages(relayed + 1, Duration.ofMillis(500));
            } catch (AssertionError none) {
                continue; // nothing new within the wait: look at stopping, wait again
            }
            for (ReceivedMessage m : received.subList(relayed, received.size())) user.deliver(m.mimeMessage());
            relayed = received.size();
        }
    }

    @AfterAll
    static void everyNoticeWasCorrelated() throws InterruptedException {
        stopping = true;
        relay.join(5_000);
        mailbox.close();
        int received = notices.getReceivedMessages().length;
        notices.stop();
        int correlated = CORRELATED.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("interop: bounce-tracking every notice correlated: %d of %d notices Postfix sent (%s), "
                + "%d unmatched%n", correlated, received, CORRELATED, EVENTS.unmatched().size());
        assertThat(EVENTS.unmatched()).isEmpty();
        assertThat(correlated).isEqualTo(received);
    }

    @Test
    void aRecipientRoutedToTheErrorTransportBouncesAsUserUnknownMatchedByEnvid() throws Exception {
        SentMessage sent = send(postfix.trackingPort(), Tracking.builder(STORE), "gone@far.test",
                "ok@lab.test");
        assertThat(sent.envelopeId()).contains(sent.id());

        Fate.Bounced bounced = EVENTS.await(sent.id(), "gone@far.test", Fate.Bounced.class, NOTICE_WAIT);

        assertThat(bounced.outcome().reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(correlate("bounce", sent)).containsOnly(MatchedBy.ENVELOPE_ID);
        assertThat(fate(sent, "ok@lab.test")).isEqualTo(new Fate.Pending()); // NOTIFY=FAILURE only by default
    }

    @Test
    void aDeferredRecipientGetsADelayNoticeThenBouncesWhenItExpires() throws Exception {
        SentMessage sent = send(postfix.trackingPort(), "FAILURE,DELAY", Tracking.builder(STORE), "slow@far.test");

        Fate.Delayed delayed = EVENTS.await(sent.id(), "slow@far.test", Fate.Delayed.class, NOTICE_WAIT);
        Fate.Bounced bounced = EVENTS.await(sent.id(), "slow@far.test", Fate.Bounced.class, NOTICE_WAIT);

        assertThat(delayed.status()).hasValueSatisfying(s -> assertThat(s.statusClass()).isEqualTo(4));
        assertThat(bounced.when()).isAfterOrEqualTo(delayed.when());
        assertThat(correlate("delay", sent)).containsOnly(MatchedBy.ENVELOPE_ID).hasSize(2);
    }

    @Test
    void notifySuccessToALocalUserMakesItDeliveredWhichIsNotFinal() throws Exception {
        SentMessage sent = send(postfix.trackingPort(), "SUCCESS", Tracking.builder(STORE), "ok@lab.test");

        Fate.Delivered delivered = EVENTS.await(sent.id(), "ok@lab.test", Fate.Delivered.class, NOTICE_WAIT);

        assertThat(delivered.isFinal()).isFalse();
        assertThat(correlate("success", sent)).containsOnly(MatchedBy.ENVELOPE_ID);
    }

    @Test
    void withoutDsnAdvertisedTheBounceIsMatchedByTheReturnedMessageId() throws Exception {
        SentMessage sent = send(postfix.noDsnPort(), Tracking.builder(STORE), "gone@far.test");
        assertThat(sent.envelopeId()).isEmpty();

        Fate.Bounced bounced = EVENTS.await(sent.id(), "gone@far.test", Fate.Bounced.class, NOTICE_WAIT);

        assertThat(bounced.outcome().reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(correlate("no-dsn", sent)).containsOnly(MatchedBy.MESSAGE_ID);
    }

    @Test
    void aVerpEnvelopeSenderIsMatchedByItsToken() throws Exception {
        SentMessage sent = send(postfix.noDsnPort(), Tracking.builder(STORE).verp(Verp.on("sender.test")),
                "gone@far.test");
        assertThat(sent.verpToken()).contains(sent.id());

        EVENTS.await(sent.id(), "gone@far.test", Fate.Bounced.class, NOTICE_WAIT);

        assertThat(correlate("verp", sent)).containsOnly(MatchedBy.VERP_TOKEN);
    }

    /** Sends from the tracked sender through the port; the send as recorded. */
    private SentMessage send(int port, Tracking.Builder tracking, String... to) throws MessagingException {
        return send(port, "", tracking, to);
    }

    /** Sends asking for these notices ({@code mail.smtp.dsn.notify}, none when empty); the send as recorded. */
    private SentMessage send(int port, String notify, Tracking.Builder tracking, String... to)
            throws MessagingException {
        Properties props = Mails.properties(postfix);
        props.setProperty("mail.smtp.port", Integer.toString(port));
        if (!notify.isEmpty()) props.setProperty("mail.smtp.dsn.notify", notify);
        Session session = Session.getInstance(props);
        MimeMessage message = Mails.message(session, to);
        message.setFrom(new InternetAddress(TRACKER));
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).tracking(tracking.build()).build()) {
            DeliveryReport report = Scenarios.print("tracked", mailer.send(message));
            assertThat(report.isFullyAccepted()).isTrue();
            return STORE.findByMessageId(report.messageId().orElseThrow()).get(0);
        }
    }

    private static Fate fate(SentMessage sent, String recipient) {
        return STORE.find(sent.id()).orElseThrow().recipient(recipient).orElseThrow().fate();
    }

    /**
     * Reads what Postfix sent for this send from GreenMail, prints it, and ingests it again with a silent tracker:
     * every notice is a duplicate by now, and the result says how it was matched.
     */
    private static List<MatchedBy> correlate(String scenario, SentMessage sent) throws IOException {
        DeliveryTracker again = DeliveryTracker.builder(Tracking.builder(STORE).build()).build();
        List<MatchedBy> matched = new java.util.ArrayList<>();
        for (MimeMessage notice : notices.getReceivedMessages()) {
            IngestResult result = again.ingest(notice);
            if (!(result instanceof IngestResult.Tracked tracked) || !tracked.send().id().equals(sent.id())) continue;
            assertThat(tracked.recipients()).allSatisfy(u -> assertThat(u.update()).isInstanceOf(FateUpdate.Duplicate.class));
            matched.add(tracked.matchedBy());
            if (COUNTED.add(tracked.noticeId())) CORRELATED.merge(tracked.matchedBy(), 1, Integer::sum);
            print(scenario, notice, tracked);
        }
        return matched;
    }

    private static void print(String scenario, MimeMessage notice, IngestResult.Tracked tracked) throws IOException {
        ParsedMail parsed = BounceParser.defaults().parse(notice);
        for (BouncedRecipient r : ((Bounce) parsed).recipients()) {
            String fate = tracked.send().recipient(r.finalRecipient()).map(t -> describe(t.fate())).orElse("?");
            System.out.printf("interop: %-10s %-16s Postfix: %s %s %s -> fate now %s, matched by %s%n", scenario,
                    r.finalRecipient(), r.action().name().toLowerCase(java.util.Locale.ROOT), r.status(),
                    r.diagnostic().orElse("(no diagnostic)"), fate, tracked.matchedBy());
        }
    }

    private static String describe(Fate fate) {
        return fate instanceof Fate.Bounced b ? "Bounced " + b.outcome().name() + " " + b.outcome().reason()
                : fate.name();
    }
}
