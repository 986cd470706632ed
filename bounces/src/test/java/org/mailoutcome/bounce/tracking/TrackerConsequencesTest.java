package org.mailoutcome.bounce.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.testkit.DeliveryStatusNotice;
import org.mailoutcome.tracking.Evidence;
import org.mailoutcome.tracking.InMemoryAddressBook;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.InMemorySuppressionList;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionChange;
import org.mailoutcome.tracking.TrackedRecipient;
import org.mailoutcome.tracking.Tracking;

/** What the notices the tracker reads do to its suppression list and address book. */
class TrackerConsequencesTest {
    private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");

    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final InMemorySuppressionList list = new InMemorySuppressionList();
    private final InMemoryAddressBook book = new InMemoryAddressBook();
    private final RecordingListener listener = new RecordingListener();
    private final DeliveryTracker tracker = DeliveryTracker.builder(Tracking.builder(store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()).listener(listener).suppressions(list).addressBook(book)
            .build();

    private void record(String id, String... to) {
        store.record(new SentMessage(id, Optional.of("<" + id + "@client.test>"), Optional.of(id), Optional.empty(),
                NOW.minus(Duration.ofDays(20)), "127.0.0.1:25", List.of(to).stream().map(a -> TrackedRecipient.sent(a,
                        a, DeliveryOutcome.classify(Stage.RCPT, "250 2.1.5 Ok"))).toList()));
    }

    private IngestResult ingest(String send, String noticeId, Instant date, String to, String action, String status,
            String diagnostic) throws IOException {
        return tracker.ingest(new ByteArrayInputStream(DeliveryStatusNotice.builder("mx.far.test").envelopeId(send)
                .messageId(noticeId).date(date).recipient(to, action, status, diagnostic).build().bytes()));
    }

    @Test
    void aHardBounceSuppressesTheRecipientOnceHoweverOftenTheNoticeIsRead() throws IOException {
        record("s1", "gone@far.test", "ok@far.test");
        String unknown = "smtp; 550 5.1.1 <gone@far.test>: Recipient address rejected: User unknown";

        IngestResult first = ingest("s1", "<b1@mx.far.test>", NOW, "gone@far.test", "failed", "5.1.1", unknown);
        IngestResult again = ingest("s1", "<b1@mx.far.test>", NOW, "gone@far.test", "failed", "5.1.1", unknown);

        Suppression entry = list.find("gone@far.test").orElseThrow();
        assertThat(entry.kind()).isEqualTo(SuppressionKind.HARD_BOUNCE);
        assertThat(entry.reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(entry.cause()).isInstanceOfSatisfying(Evidence.Bounce.class, b -> {
            assertThat(b.send()).isEqualTo("s1");
            assertThat(b.noticeId()).isEqualTo("<b1@mx.far.test>");
        });
        assertThat(list.find("ok@far.test")).isEmpty();
        assertThat(suppression(first)).isInstanceOf(SuppressionChange.Suppressed.class);
        assertThat(suppression(again)).isInstanceOf(SuppressionChange.AlreadySuppressed.class);
        assertThat(listener.calls).containsExactly("onBounced gone@far.test USER_UNKNOWN",
                "onSuppressed gone@far.test HARD_BOUNCE");
    }

    @Test
    void mailboxFullNoticesOnThreeDaysSuppressAndAReadAgainCountsNothing() throws IOException {
        String full = "smtp; 552 5.2.2 <full@far.test>: Recipient address rejected: Mailbox full";
        for (int day = 0; day < 3; day++) {
            record("s" + day, "full@far.test");
            ingest("s" + day, "<f" + day + "@mx.far.test>", NOW.minus(Duration.ofDays(3 - day)), "full@far.test",
                    "failed", "5.2.2", full);
            ingest("s" + day, "<f" + day + "@mx.far.test>", NOW.minus(Duration.ofDays(3 - day)), "full@far.test",
                    "failed", "5.2.2", full);
            assertThat(list.find("full@far.test").isPresent()).as("after day " + day).isEqualTo(day == 2);
        }
        Suppression entry = list.find("full@far.test").orElseThrow();
        assertThat(entry.kind()).isEqualTo(SuppressionKind.SOFT_BOUNCES);
        assertThat(entry.since()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(entry.until()).contains(NOW.plus(Duration.ofDays(29)));
        assertThat(list.softBounces("full@far.test")).hasSize(3);
    }

    @Test
    void aDeliveryNoticeClearsTheSoftBounces() throws IOException {
        record("s1", "full@far.test");
        record("s2", "full@far.test");
        ingest("s1", "<f1@mx.far.test>", NOW.minus(Duration.ofDays(2)), "full@far.test", "failed", "4.2.2",
                "smtp; 452 4.2.2 Mailbox full, try again later");
        assertThat(list.softBounces("full@far.test")).hasSize(1);

        ingest("s2", "<d2@mx.far.test>", NOW, "full@far.test", "delivered", "2.0.0", "smtp; 250 2.0.0 Ok");

        assertThat(list.softBounces("full@far.test")).isEmpty();
    }

    @Test
    void delaysAndTheSendersOwnProblemsSuppressNobody() throws IOException {
        record("s1", "a@far.test", "b@far.test");
        ingest("s1", "<d1@mx.far.test>", NOW, "a@far.test", "delayed", "4.4.1", "X-Postfix; connect to mx: timed out");
        ingest("s1", "<r1@mx.far.test>", NOW, "b@far.test", "failed", "5.7.1",
                "smtp; 550 5.7.1 Message rejected as spam by Content Filtering");
        assertThat(list.find("a@far.test")).isEmpty();
        assertThat(list.find("b@far.test")).isEmpty();
        assertThat(list.softBounces("a@far.test")).isEmpty();
    }

    @Test
    void aComplaintSuppressesTheRecipientOfItsSendButAForgedOneChangesNothing() throws IOException {
        record("s1", "reader@far.test");
        IngestResult matched = tracker.ingest(arf("<fbl1@isp.test>", "<s1@client.test>", "reader@far.test"));
        assertThat(matched).isInstanceOfSatisfying(IngestResult.Complained.class, c -> assertThat(c.suppressions())
                .singleElement().isInstanceOf(SuppressionChange.Suppressed.class));
        assertThat(list.find("reader@far.test")).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(SuppressionKind.COMPLAINT);
            assertThat(e.until()).isEmpty();
            assertThat(e.cause().describe()).isEqualTo("complaint (abuse) <fbl1@isp.test> (send s1)");
        });

        tracker.ingest(arf("<fbl2@isp.test>", "<unknown@client.test>", "victim@far.test"));
        tracker.ingest(arf("<fbl3@isp.test>", "<s1@client.test>", "victim@far.test"));
        assertThat(list.find("victim@far.test")).isEmpty();
    }

    @Test
    void aBounceNamingTheNewAddressIsLearntOnceAndReportedOnce() throws IOException {
        record("s1", "gone@far.test");
        record("s2", "gone@far.test");
        String moved = "smtp; 550 5.1.6 <gone@far.test>: Recipient address rejected: User has moved to "
                + "Bob Smith <bob@new.test>";

        ingest("s1", "<m1@mx.far.test>", NOW, "gone@far.test", "failed", "5.1.6", moved);
        ingest("s2", "<m2@mx.far.test>", NOW, "gone@far.test", "failed", "5.1.6", moved);

        assertThat(book.find("gone@far.test")).hasValueSatisfying(m -> {
            assertThat(m.newAddress()).isEqualTo("bob@new.test");
            assertThat(m.provenance().sendId()).contains("s1");
        });
        assertThat(listener.calls).containsExactly("onBounced gone@far.test MOVED",
                "onAddressMoved gone@far.test bob@new.test", "onBounced gone@far.test MOVED");
        assertThat(list.find("gone@far.test")).as("a move with a new address is no hard bounce").isEmpty();
    }

    @Test
    void aNoticeDatedInTheFutureCountsFromWhenItIsRead() throws IOException {
        record("s1", "late@far.test");
        ingest("s1", "<late@mx.far.test>", NOW.plus(Duration.ofDays(365)), "late@far.test", "delayed", "4.4.1",
                "X-Postfix; connect to mx: timed out");

        assertThat(store.find("s1").orElseThrow().recipients().get(0).fate().at()).contains(NOW);
    }

    private static SuppressionChange suppression(IngestResult result) {
        return ((IngestResult.Tracked) result).recipients().get(0).suppression().orElseThrow();
    }

    private static ByteArrayInputStream arf(String id, String reportedMessageId, String rcpt) {
        String arf = String.join("\r\n", "From: fbl@isp.test", "To: abuse@client.test", "Subject: Complaint",
                "Message-ID: " + id, "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=feedback-report; boundary=\"b\"", "", "--b",
                "Content-Type: text/plain", "", "An abuse report.", "", "--b", "Content-Type: message/feedback-report",
                "", "Feedback-Type: abuse", "User-Agent: FBL/1.0", "Version: 1", "Original-Rcpt-To: " + rcpt, "",
                "--b", "Content-Type: message/rfc822", "", "Message-ID: " + reportedMessageId,
                "From: sender@client.test", "To: " + rcpt, "Subject: hello", "", "Hello.", "", "--b--", "");
        return new ByteArrayInputStream(arf.getBytes(StandardCharsets.US_ASCII));
    }
}
