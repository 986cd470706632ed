package org.mailoutcome.bounce.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;
import org.mailoutcome.testkit.DeliveryStatusNotice;

class DeliveryTrackerTest {
    private static final String MESSAGE_ID = "<m1@client.test>";
    private static final String USER_UNKNOWN = "smtp; 550 5.1.1 <gone@far.test>: Recipient address rejected: User unknown";

    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final RecordingListener listener = new RecordingListener();
    private final DeliveryTracker tracker = DeliveryTracker.builder(Tracking.builder(store).build()).listener(listener).build();

    private SentMessage record(String id, Optional<String> envid, Optional<String> token) {
        SentMessage sent = new SentMessage(id, Optional.of(MESSAGE_ID), envid, token, Instant.now(), "127.0.0.1:25",
                List.of(TrackedRecipient.sent("gone@far.test", "gone@far.test",
                                DeliveryOutcome.classify(Stage.RCPT, "250 2.1.5 Ok")),
                        TrackedRecipient.sent("unverified@far.test", "unverified@far.test",
                                DeliveryOutcome.classify(Stage.RCPT, "252 2.1.5 Cannot VRFY user"))));
        store.record(sent);
        return sent;
    }

    private static DeliveryStatusNotice.Builder notice() {
        return DeliveryStatusNotice.builder("mx.far.test");
    }

    private IngestResult ingest(DeliveryStatusNotice notice) throws IOException {
        return tracker.ingest(new ByteArrayInputStream(notice.bytes()));
    }

    private Fate fate(String id, String address) {
        return store.find(id).orElseThrow().recipient(address).orElseThrow().fate();
    }

    @Test
    void aBounceWithTheEnvidBouncesThatRecipientWithTheReasonOfTheRemoteReply() throws IOException {
        record("s1", Optional.of("s1"), Optional.empty());

        IngestResult result = ingest(notice().envelopeId("s1")
                .recipient("gone@far.test", "failed", "5.1.1", USER_UNKNOWN).build());

        assertThat(result).isInstanceOfSatisfying(IngestResult.Tracked.class, tracked -> {
            assertThat(tracked.matchedBy()).isEqualTo(IngestResult.MatchedBy.ENVELOPE_ID);
            assertThat(tracked.recipients()).singleElement()
                    .satisfies(u -> assertThat(u.update()).isInstanceOf(FateUpdate.Applied.class));
        });
        assertThat(fate("s1", "gone@far.test")).isInstanceOfSatisfying(Fate.Bounced.class,
                b -> assertThat(b.outcome().reason()).isEqualTo(Reason.USER_UNKNOWN));
        assertThat(fate("s1", "unverified@far.test")).isEqualTo(new Fate.Pending());
        assertThat(listener.calls).containsExactly("onBounced gone@far.test USER_UNKNOWN");
    }

    @Test
    void aDelayThenABounceMoveTheFateTwice() throws IOException {
        record("s1", Optional.of("s1"), Optional.empty());

        ingest(notice().envelopeId("s1").date(Instant.parse("2026-12-02T10:00:00Z"))
                .recipient("unverified@far.test", "delayed", "4.4.1", "X-Postfix; connect to mx: timed out").build());
        assertThat(fate("s1", "unverified@far.test")).isInstanceOf(Fate.Delayed.class);
        ingest(notice().envelopeId("s1").date(Instant.parse("2026-12-02T11:00:00Z"))
                .recipient("unverified@far.test", "failed", "4.4.1", "X-Postfix; connect to mx: timed out").build());

        assertThat(fate("s1", "unverified@far.test")).isInstanceOf(Fate.Bounced.class);
        assertThat(listener.calls).hasSize(2).first().isEqualTo("onDelayed unverified@far.test");
    }

    @Test
    void aFailureAfterTheQueueLifetimeBouncesAsExpiredThoughTheLastReplyItQuotesSaysOtherwise() throws IOException {
        record("s1", Optional.of("s1"), Optional.empty());

        ingest(notice().envelopeId("s1").recipient("unverified@far.test", "failed", "4.4.7",
                "smtp; 421 4.4.2 mx.far.test: Connection timed out").build());

        assertThat(fate("s1", "unverified@far.test")).isInstanceOfSatisfying(Fate.Bounced.class, b -> {
            assertThat(b.reason()).isEqualTo(Reason.EXPIRED);
            assertThat(b.outcome().reason()).isNotEqualTo(Reason.EXPIRED);
        });
        assertThat(listener.calls).containsExactly("onBounced unverified@far.test EXPIRED");
    }

    @Test
    void deliveredIsNotFinalALaterBounceStillCounts() throws IOException {
        record("s1", Optional.of("s1"), Optional.empty());

        ingest(notice().envelopeId("s1").recipient("gone@far.test", "relayed", "2.0.0", "smtp; 250 2.0.0 Ok").build());
        ingest(notice().envelopeId("s1").recipient("gone@far.test", "failed", "5.1.1", USER_UNKNOWN).build());

        assertThat(listener.calls).containsExactly("onDelivered gone@far.test", "onBounced gone@far.test USER_UNKNOWN");
    }

    @Test
    void withoutEnvidTheVerpTokenInTheAddressTheNoticeWasSentToFindsTheSend() throws IOException {
        record("tok42", Optional.empty(), Optional.of("tok42"));

        IngestResult result = ingest(notice().to("bounces+tok42@client.test")
                .recipient("gone@far.test", "failed", "5.1.1", USER_UNKNOWN).build());

        assertThat(result).extracting(r -> ((IngestResult.Tracked) r).matchedBy())
                .isEqualTo(IngestResult.MatchedBy.VERP_TOKEN);
        assertThat(fate("tok42", "gone@far.test")).isInstanceOf(Fate.Bounced.class);
    }

    @Test
    void withoutEnvidOrVerpTheReturnedMessageIdFindsTheSend() throws IOException {
        record("s1", Optional.empty(), Optional.empty());

        IngestResult result = ingest(notice().returnedMessageId(MESSAGE_ID)
                .recipient("gone@far.test", "failed", "5.1.1", USER_UNKNOWN).build());

        assertThat(result).extracting(r -> ((IngestResult.Tracked) r).matchedBy())
                .isEqualTo(IngestResult.MatchedBy.MESSAGE_ID);
    }

    @Test
    void aProvidersBounceMailIsMatchedByTheSendIdInTheCorrelationHeaderItReturns() throws IOException {
        record("s1", Optional.empty(), Optional.empty());
        String bounce = String.join("\r\n", "From: MAILER-DAEMON@mg.example.net", "To: app@example.com",
                "Subject: Undelivered Mail Returned to Sender", "Message-ID: <dsn1@mg.example.net>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"", "",
                "--B", "Content-Type: text/plain", "", "Your message could not be delivered.", "",
                "--B", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mg.example.net", "",
                "Final-Recipient: rfc822; gone@far.test", "Action: failed", "Status: 5.1.1",
                "Diagnostic-Code: " + USER_UNKNOWN, "",
                "--B", "Content-Type: text/rfc822-headers", "", "From: app@example.com", "To: gone@far.test",
                "Message-ID: <rewritten@mg.example.net>", "X-Mailgun-Variables: {\"mail-outcome-id\": \"s1\"}", "",
                "--B--", "");

        IngestResult result = tracker.ingest(new ByteArrayInputStream(bounce.getBytes(StandardCharsets.US_ASCII)));

        assertThat(result).extracting(r -> ((IngestResult.Tracked) r).matchedBy())
                .isEqualTo(IngestResult.MatchedBy.TRACKING_ID);
        assertThat(fate("s1", "gone@far.test")).isInstanceOf(Fate.Bounced.class);
    }

    @Test
    void theSameNoticeIngestedTwiceChangesNothingAndCallsNothingTheSecondTime() throws IOException {
        record("s1", Optional.of("s1"), Optional.empty());
        DeliveryStatusNotice bounce = notice().envelopeId("s1").messageId("<bounce1@mx.far.test>")
                .recipient("gone@far.test", "failed", "5.1.1", USER_UNKNOWN).build();

        ingest(bounce);
        IngestResult again = ingest(bounce);

        assertThat(((IngestResult.Tracked) again).recipients()).singleElement()
                .satisfies(u -> assertThat(u.update()).isInstanceOf(FateUpdate.Duplicate.class));
        assertThat(listener.calls).hasSize(1);
    }

    @Test
    void aNoticeMatchingNoSendIsReportedUnmatched() throws IOException {
        IngestResult result = ingest(notice().envelopeId("nosuch").returnedMessageId("<other@client.test>")
                .recipient("gone@far.test", "failed", "5.1.1", USER_UNKNOWN).build());

        assertThat(result).isInstanceOf(IngestResult.Unmatched.class);
        assertThat(listener.calls).singleElement().asString().startsWith("onUnmatched")
                .contains("nosuch").contains("<other@client.test>");
    }

    @Test
    void aRecipientTheSendDoesNotHaveIsReportedUnmatchedAndTheOthersAreStillApplied() throws IOException {
        record("s1", Optional.of("s1"), Optional.empty());

        IngestResult result = ingest(notice().envelopeId("s1")
                .recipient("stranger@far.test", "failed", "5.1.1", "smtp; 550 5.1.1 unknown")
                .recipient("gone@far.test", "failed", "5.1.1", USER_UNKNOWN).build());

        assertThat(((IngestResult.Tracked) result).unmatched()).hasSize(1);
        assertThat(listener.calls).containsExactly("onBounced gone@far.test USER_UNKNOWN",
                "onUnmatched send s1 (matched by ENVELOPE_ID) has no recipient stranger@far.test");
    }

    @Test
    void aMovedRecipientsBounceNamesTheNewAddress() throws IOException {
        record("s1", Optional.of("s1"), Optional.empty());

        ingest(notice().envelopeId("s1").recipient("gone@far.test", "failed", "5.1.6",
                "smtp; 551 5.1.6 User not local; please try <gone@new.test>").build());

        assertThat(listener.calls).containsExactly("onBounced gone@far.test MOVED",
                "onAddressMoved gone@far.test gone@new.test");
    }

    @Test
    void aCallbackThatThrowsIsLoggedAndTheOthersAreStillCalled() throws IOException {
        record("s1", Optional.of("s1"), Optional.empty());
        RecordingListener after = new RecordingListener();
        DeliveryTracker throwing = DeliveryTracker.builder(Tracking.builder(store).build()).listener(new FateListener() {
            @Override
            public void onFateChanged(SentMessage send, TrackedRecipient recipient, Fate previous) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onBounced(SentMessage send, TrackedRecipient recipient, Fate.Bounced fate) {
                after.onBounced(send, recipient, fate);
                throw new IllegalStateException("another listener bug");
            }

            @Override
            public void onAddressMoved(SentMessage send, TrackedRecipient recipient, String forwardPath) {
                after.onAddressMoved(send, recipient, forwardPath);
            }
        }).build();

        throwing.ingest(new ByteArrayInputStream(notice().envelopeId("s1").recipient("gone@far.test", "failed",
                "5.1.6", "smtp; 551 5.1.6 User not local; please try <gone@new.test>").build().bytes()));

        assertThat(after.calls).containsExactly("onBounced gone@far.test MOVED",
                "onAddressMoved gone@far.test gone@new.test");
        assertThat(fate("s1", "gone@far.test")).isInstanceOf(Fate.Bounced.class);
    }

    @Test
    void anEximTextBounceIsMatchedByTheReturnedMessageIdAndXFailedRecipients() throws IOException {
        record("s1", Optional.empty(), Optional.empty());
        String exim = String.join("\r\n", "Return-Path: <>", "From: Mail Delivery System <Mailer-Daemon@mx.far.test>",
                "To: sender@client.test", "Subject: Mail delivery failed: returning message to sender",
                "Message-Id: <E1x@mx.far.test>", "X-Failed-Recipients: gone@far.test", "Auto-Submitted: auto-replied",
                "Date: Wed, 02 Dec 2026 10:00:00 +0000", "",
                "This message was created automatically by mail delivery software.", "",
                "A message that you sent could not be delivered to one or more of its",
                "recipients. This is a permanent error. The following address(es) failed:", "",
                "  gone@far.test", "    SMTP error from remote mail server after RCPT TO:<gone@far.test>:",
                "    550 5.1.1 <gone@far.test>: User unknown", "",
                "------ This is a copy of the message, including all the headers. ------", "",
                "Message-ID: " + MESSAGE_ID, "From: sender@client.test", "To: gone@far.test", "Subject: hello", "",
                "Hello.", "");

        IngestResult result = tracker.ingest(new ByteArrayInputStream(exim.getBytes(StandardCharsets.US_ASCII)));

        assertThat(result).isInstanceOf(IngestResult.Tracked.class);
        assertThat(fate("s1", "gone@far.test")).isInstanceOf(Fate.Bounced.class);
    }

    @Test
    void aTextBounceForAnAliasExpansionMatchesTheOriginalRecipientFirst() throws IOException {
        record("s1", Optional.empty(), Optional.empty());
        String postfix = String.join("\r\n", "Return-Path: <>",
                "From: MAILER-DAEMON@mx.far.test (Mail Delivery System)", "To: sender@client.test",
                "Subject: Undelivered Mail Returned to Sender", "Message-Id: <20261202.AB12@mx.far.test>",
                "Date: Wed, 02 Dec 2026 10:00:00 +0000", "Content-Type: text/plain", "",
                "This is the mail system at host mx.far.test.", "",
                "I'm sorry to have to inform you that your message could not",
                "be delivered to one or more recipients. It's attached below.", "", "                   The mail system",
                "", "<jdoe@store.far.test> (expanded from <gone@far.test>): host store.far.test[192.0.2.9] said:",
                "    550 5.1.1 <jdoe@store.far.test>: User unknown (in reply to RCPT TO command)", "",
                "--- Undelivered message follows ---", "", "Message-ID: " + MESSAGE_ID, "From: sender@client.test",
                "To: gone@far.test", "Subject: hello", "", "Hello.", "");

        IngestResult result = tracker.ingest(new ByteArrayInputStream(postfix.getBytes(StandardCharsets.US_ASCII)));

        assertThat(result).isInstanceOfSatisfying(IngestResult.Tracked.class, tracked -> {
            assertThat(tracked.matchedBy()).isEqualTo(IngestResult.MatchedBy.MESSAGE_ID);
            assertThat(tracked.recipients()).singleElement().satisfies(u -> {
                assertThat(u.notice().recipient()).isEqualTo("gone@far.test");
                assertThat(u.notice().finalRecipient()).isEqualTo("jdoe@store.far.test");
            });
            assertThat(tracked.unmatched()).isEmpty();
        });
        assertThat(fate("s1", "gone@far.test")).isInstanceOfSatisfying(Fate.Bounced.class,
                b -> assertThat(b.outcome().reason()).isEqualTo(Reason.USER_UNKNOWN));
    }

    @Test
    void mailThatIsNoNoticeIsIgnoredAndSaidSo() throws IOException {
        String plain = "From: someone@far.test\r\nTo: sender@client.test\r\nSubject: hi\r\n\r\nJust mail.\r\n";

        IngestResult result = tracker.ingest(new ByteArrayInputStream(plain.getBytes(StandardCharsets.US_ASCII)));

        assertThat(result).isInstanceOf(IngestResult.Ignored.class);
        assertThat(listener.calls).singleElement().asString().startsWith("onIgnored");
    }

    @Test
    void everyFateANoticeCanReportHasItsCallback() {
        List<String> callbacks = Arrays.stream(FateListener.class.getMethods()).map(Method::getName).toList();
        for (Class<?> fate : Fate.class.getPermittedSubclasses()) {
            if (fate == Fate.Pending.class || fate == Fate.NotAccepted.class) continue; // never reported by a notice
            assertThat(callbacks).contains("on" + fate.getSimpleName());
        }
    }

    @Test
    void aComplaintIsMatchedByTheReportedMessageIdAndChangesNoFate() throws IOException {
        record("s1", Optional.of("s1"), Optional.empty());
        String arf = String.join("\r\n", "From: fbl@isp.test", "To: abuse@client.test", "Subject: Complaint",
                "Message-ID: <fbl1@isp.test>", "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=feedback-report; boundary=\"b\"", "", "--b",
                "Content-Type: text/plain", "", "An abuse report.", "", "--b", "Content-Type: message/feedback-report",
                "", "Feedback-Type: abuse", "User-Agent: FBL/1.0", "Version: 1", "Original-Rcpt-To: gone@far.test", "",
                "--b", "Content-Type: message/rfc822", "", "Message-ID: " + MESSAGE_ID, "From: sender@client.test",
                "To: gone@far.test", "Subject: hello", "", "Hello.", "", "--b--", "");

        IngestResult result = tracker.ingest(new ByteArrayInputStream(arf.getBytes(StandardCharsets.US_ASCII)));

        assertThat(result).isInstanceOfSatisfying(IngestResult.Complained.class,
                c -> assertThat(c.matchedBy()).contains(IngestResult.MatchedBy.MESSAGE_ID));
        assertThat(listener.calls).containsExactly("onComplaint s1");
        assertThat(fate("s1", "gone@far.test")).isEqualTo(new Fate.Pending());
    }
}
