package org.mailoutcome.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.bounce.tracking.IngestResult;
import org.mailoutcome.bounce.tracking.IngestResult.MatchedBy;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.tracking.Verp;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testsupport.EximServer;

/**
 * Exim's own notices, end to end: the mailer sends with tracking to Exim, which accepts, then writes a failure
 * notice (far.test refuses {@code gone@far.test} with 550 5.1.1), a delay warning and then a failure when the retry
 * time runs out ({@code slow-*@far.test} answers 451 every time; {@code delay_warning} 2 s, given up after 5 s), or a
 * success notice ({@code NOTIFY=SUCCESS}: a local delivery, and a relay to far.test, which offers no DSN) to
 * {@code tracker@sender.test}, routed to the notice server on loopback. Each notice is ingested by the tracker as it
 * arrives; every kind is correlated with its send by each key in turn: ENVID, VERP token, Message-ID.
 */
@ExtendWith(EximExtension.class)
class EximBounceTrackingIT {
    private static final Duration NOTICE_WAIT = Duration.ofSeconds(30);
    /** Every notice as received, for reading after the run (and the bounces module's samples). */
    private static final Path KEEP = Path.of("target", "exim-notices");

    private static final InMemoryDeliveryStore STORE = new InMemoryDeliveryStore();
    private static final FateEvents EVENTS = new FateEvents();
    private static final List<Ingested> INGESTED = new ArrayList<>();
    private static DeliveryTracker tracker;
    private static NoticeFeed feed;

    /** One notice as received and what the tracker did with it. */
    record Ingested(ReceivedMessage notice, IngestResult result) {
    }

    private final EximServer exim;

    EximBounceTrackingIT(EximServer exim) {
        this.exim = exim;
    }

    @BeforeAll
    static void ingestEveryNotice(EximPeers peers) throws IOException {
        Files.createDirectories(KEEP);
        tracker = DeliveryTracker.builder(Tracking.builder(STORE).build()).listener(EVENTS).build();
        feed = NoticeFeed.start(peers.notices(), EximBounceTrackingIT::ingest);
    }

    /** Under the lock of the list: a test woken by the fate change finds the notice in the list. */
    private static void ingest(ReceivedMessage notice) {
        synchronized (INGESTED) {
            try {
                INGESTED.add(new Ingested(notice, tracker.ingest(new ByteArrayInputStream(notice.bytes()))));
                Files.write(KEEP.resolve(String.format("%03d.eml", INGESTED.size())), notice.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @AfterAll
    static void everyNoticeWasCorrelated() throws InterruptedException {
        feed.close();
        List<Ingested> all = ingested();
        long tracked = all.stream().filter(i -> i.result() instanceof IngestResult.Tracked).count();
        System.out.printf("interop: exim-dsn   every notice correlated: %d of %d notices Exim sent, %d unmatched%n",
                tracked, all.size(), EVENTS.unmatched().size());
        assertThat(EVENTS.unmatched()).isEmpty();
        assertThat(all).allSatisfy(i -> assertThat(i.result()).isInstanceOf(IngestResult.Tracked.class));
    }

    @ParameterizedTest(name = "matched by {0}")
    @EnumSource(value = MatchedBy.class, names = {"ENVELOPE_ID", "VERP_TOKEN", "MESSAGE_ID"})
    void aRecipientTheRemoteRefusesBouncesAsUserUnknown(MatchedBy key) throws Exception {
        SentMessage sent = send(exim.port(), "", tracking(key), "gone@far.test", "carol@lab.test");

        Fate.Bounced bounced = EVENTS.await(sent.id(), "gone@far.test", Fate.Bounced.class, NOTICE_WAIT);

        assertThat(bounced.outcome().code()).hasValue(550);
        assertThat(bounced.outcome().enhancedStatus()).contains(EnhancedStatus.of(5, 1, 1));
        assertThat(bounced.outcome().reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(correlated("failed", sent)).containsOnly(key).hasSize(1);
        assertThat(TrackedSends.fate(STORE, sent, "carol@lab.test")).as("delivered, no NOTIFY=SUCCESS").isEqualTo(new Fate.Pending());
    }

    @ParameterizedTest(name = "matched by {0}")
    @EnumSource(value = MatchedBy.class, names = {"ENVELOPE_ID", "VERP_TOKEN", "MESSAGE_ID"})
    void aRecipientTheRemoteDefersGetsADelayWarningThenBouncesWhenEximGivesUp(MatchedBy key) throws Exception {
        String slow = slow(key.name());
        SentMessage sent = send(exim.port(), "FAILURE,DELAY", tracking(key), slow, "bob@lab.test");

        Fate.Delayed delayed = EVENTS.await(sent.id(), slow, Fate.Delayed.class, NOTICE_WAIT);
        Fate.Bounced bounced = EVENTS.await(sent.id(), slow, Fate.Bounced.class, NOTICE_WAIT);

        assertThat(delayed.status()).contains(EnhancedStatus.of(4, 3, 0));
        assertThat(bounced.when()).isAfterOrEqualTo(delayed.when());
        assertThat(bounced.outcome().reason()).as("Exim: retry timeout exceeded").isEqualTo(Reason.EXPIRED);
        assertThat(correlated("delayed", sent)).containsOnly(key).hasSize(2);
        assertThat(TrackedSends.fate(STORE, sent, "bob@lab.test")).as("delivered, no NOTIFY=SUCCESS").isEqualTo(new Fate.Pending());
    }

    @ParameterizedTest(name = "matched by {0}")
    @EnumSource(value = MatchedBy.class, names = {"ENVELOPE_ID", "VERP_TOKEN", "MESSAGE_ID"})
    void notifySuccessMakesALocalAndARelayedRecipientDelivered(MatchedBy key) throws Exception {
        SentMessage sent = send(exim.port(), "SUCCESS", tracking(key), "alice@lab.test", "ok@far.test");

        Fate.Delivered local = EVENTS.await(sent.id(), "alice@lab.test", Fate.Delivered.class, NOTICE_WAIT);
        Fate.Delivered relayed = EVENTS.await(sent.id(), "ok@far.test", Fate.Delivered.class, NOTICE_WAIT);

        assertThat(local.isFinal()).isFalse();
        assertThat(relayed.isFinal()).isFalse();
        assertThat(correlated("delivered", sent)).containsOnly(key).hasSize(1);
    }

    @Test
    void withoutDsnAdvertisedEximStillWarnsAndBouncesAndTheReturnedMessageIdMatches() throws Exception {
        String slow = slow("no-dsn");
        SentMessage sent = send(exim.noDsnPort(), "", Tracking.builder(STORE), slow, "gone@far.test");
        assertThat(sent.envelopeId()).as("no DSN offered: no ENVID sent").isEmpty();

        EVENTS.await(sent.id(), "gone@far.test", Fate.Bounced.class, NOTICE_WAIT);
        EVENTS.await(sent.id(), slow, Fate.Delayed.class, NOTICE_WAIT);
        EVENTS.await(sent.id(), slow, Fate.Bounced.class, NOTICE_WAIT);

        assertThat(correlated("no-dsn", sent)).containsOnly(MatchedBy.MESSAGE_ID).hasSize(3);
    }

    /**
     * An address far.test defers, new to Exim: once one has been failing past the retry rule's 5 s, Exim fails
     * any later message to it at the first deferral, without a delay warning (its retry hints outlive the message).
     */
    private static String slow(String scenario) {
        return "slow-" + scenario.toLowerCase(Locale.ROOT) + "@far.test";
    }

    /** Tracking whose notices can be matched only by this key (the ones before it in the tracker's order off). */
    private static Tracking.Builder tracking(MatchedBy key) {
        Tracking.Builder tracking = Tracking.builder(STORE);
        return switch (key) {
            case ENVELOPE_ID -> tracking;
            case VERP_TOKEN -> tracking.envelopeId(false).verp(Verp.on("sender.test"));
            case MESSAGE_ID -> tracking.envelopeId(false);
            case TRACKING_ID, QUEUE_ID -> throw new IllegalArgumentException("a provider's key, not Exim's: " + key);
        };
    }

    /** Sends asking for these notices ({@code mail.smtp.dsn.notify}, none when empty); the send as recorded. */
    private static SentMessage send(int port, String notify, Tracking.Builder tracking, String... to)
            throws MessagingException {
        return TrackedSends.send(port, notify, tracking.build(), "exim-dsn", to);
    }

    /**
     * How each notice about this send was matched, printing what it said of each recipient; ingesting each again
     * changes nothing (every recipient's update is a duplicate).
     */
    private static List<MatchedBy> correlated(String scenario, SentMessage sent) throws IOException {
        DeliveryTracker again = DeliveryTracker.builder(Tracking.builder(STORE).build()).build();
        List<MatchedBy> matched = new ArrayList<>();
        for (Ingested i : ingested()) {
            if (!(i.result() instanceof IngestResult.Tracked tracked) || !tracked.send().id().equals(sent.id())) {
                continue;
            }
            matched.add(tracked.matchedBy());
            assertThat(tracked.unmatched()).isEmpty();
            IngestResult second = again.ingest(new ByteArrayInputStream(i.notice().bytes()));
            assertThat(((IngestResult.Tracked) second).recipients())
                    .allSatisfy(u -> assertThat(u.update()).isInstanceOf(FateUpdate.Duplicate.class));
            tracked.recipients().forEach(u -> print(scenario, u.notice(), tracked));
        }
        return matched;
    }

    private static void print(String scenario, BouncedRecipient r, IngestResult.Tracked tracked) {
        String described = TrackedSends.describe(tracked.send().recipient(r.finalRecipient()).orElseThrow().fate());
        System.out.printf("interop: %-10s %-16s Exim: %s %s %s -> fate now %s, matched by %s%n", scenario,
                r.finalRecipient(), r.action().name().toLowerCase(Locale.ROOT), r.status(),
                r.diagnostic().orElse("(no diagnostic)"), described, tracked.matchedBy());
    }

    private static List<Ingested> ingested() {
        synchronized (INGESTED) {
            return List.copyOf(INGESTED);
        }
    }
}
