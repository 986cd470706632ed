package org.mailoutcome.bounce.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.ReportedFate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.InMemorySuppressionList;
import org.mailoutcome.tracking.SoftBounce;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionChange;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.SuppressionPolicy;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;
import org.mailoutcome.testkit.DeliveryStatusNotice;

/** The bounce mailbox against GreenMail's IMAP server (IDLE and MOVE offered). */
class BounceMailboxIT {
    private static final String USER = "bounces@client.test";
    private static final String PASSWORD = "secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private GreenMailUser user;
    private Session imap;

    @BeforeEach
    void setUp() {
        user = greenMail.setUser(USER, USER, PASSWORD);
        Properties props = new Properties();
        props.setProperty("mail.store.protocol", "imap");
        props.setProperty("mail.imap.host", "127.0.0.1");
        props.setProperty("mail.imap.port", Integer.toString(greenMail.getImap().getPort()));
        props.setProperty("mail.imap.connectiontimeout", "10000");
        props.setProperty("mail.imap.timeout", "30000");
        imap = Session.getInstance(props);
        store.record(new SentMessage("s1", Optional.of("<m1@client.test>"), Optional.of("s1"), Optional.empty(),
                Instant.now(), "127.0.0.1:25", List.of(TrackedRecipient.sent("gone@far.test", "gone@far.test",
                        DeliveryOutcome.classify(Stage.RCPT, "252 2.1.5 Cannot VRFY user")))));
    }

    private static byte[] bounce(String noticeId) {
        return DeliveryStatusNotice.builder("mx.far.test").to(USER).envelopeId("s1").messageId(noticeId)
                .recipient("gone@far.test", "failed", "5.1.1", "smtp; 550 5.1.1 <gone@far.test>: User unknown")
                .build().bytes();
    }

    private void deliver(byte[] mail) throws Exception {
        user.deliver(new MimeMessage(imap, new ByteArrayInputStream(mail)));
    }

    private BounceMailbox.Builder mailbox(DeliveryTracker tracker) {
        return BounceMailbox.builder(imap, tracker).credentials(USER, PASSWORD).pollInterval(Duration.ofSeconds(1));
    }

    private <T> T inFolder(String name, FolderQuery<T> query) throws Exception {
        try (Store s = imap.getStore()) {
            s.connect(USER, PASSWORD);
            Folder folder = s.getFolder(name);
            if (!folder.exists()) return query.apply(null);
            folder.open(Folder.READ_ONLY);
            try {
                return query.apply(folder);
            } finally {
                folder.close(false);
            }
        }
    }

    @FunctionalInterface
    private interface FolderQuery<T> {
        T apply(Folder folder) throws Exception;
    }

    private static boolean marked(Folder folder) throws Exception {
        Message[] messages = folder.getMessages();
        return messages.length == 1 && messages[0].getFlags().contains(Marking.DEFAULT_KEYWORD);
    }

    @Test
    void aStartedMailboxIngestsABounceWhenItArrivesAndThenMarksIt() throws Exception {
        CountDownLatch bounced = new CountDownLatch(1);
        DeliveryTracker tracker = DeliveryTracker.builder(Tracking.builder(store).build()).listener(new FateListener() {
            @Override
            public void onBounced(SentMessage send, TrackedRecipient recipient, Fate.Bounced fate) {
                bounced.countDown();
            }
        }).build();
        try (BounceMailbox mailbox = mailbox(tracker).pollInterval(Duration.ofMinutes(5)).build()) {
            mailbox.start();
            deliver(bounce("<b1@mx.far.test>"));

            assertThat(bounced.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("onBounced within " + WAIT).isTrue();
        }
        assertThat(store.find("s1").orElseThrow().recipients().get(0).fate()).isInstanceOf(Fate.Bounced.class);
        assertThat(inFolder("INBOX", BounceMailboxIT::marked)).isTrue();
    }

    @Test
    void aPollingMailboxWithoutIdleFindsTheBounceToo() throws Exception {
        CountDownLatch bounced = new CountDownLatch(1);
        DeliveryTracker tracker = DeliveryTracker.builder(Tracking.builder(store).build()).listener(new FateListener() {
            @Override
            public void onBounced(SentMessage send, TrackedRecipient recipient, Fate.Bounced fate) {
                bounced.countDown();
            }
        }).build();
        try (BounceMailbox mailbox = mailbox(tracker).idle(false).pollInterval(Duration.ofMillis(200)).build()) {
            mailbox.start();
            deliver(bounce("<b1@mx.far.test>"));

            assertThat(bounced.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aMarkedMessageIsNotIngestedAgainByTheNextPassOrTheNextMailbox() throws Exception {
        RecordingListener listener = new RecordingListener();
        DeliveryTracker tracker = DeliveryTracker.builder(Tracking.builder(store).build()).listener(listener).build();
        deliver(bounce("<b1@mx.far.test>"));

        try (BounceMailbox first = mailbox(tracker).build()) {
            assertThat(first.poll()).isEqualTo(1);
            assertThat(first.poll()).isZero();
        }
        try (BounceMailbox second = mailbox(tracker).build()) {
            assertThat(second.poll()).isZero();
        }
        assertThat(listener.calls).containsExactly("onBounced gone@far.test USER_UNKNOWN");
    }

    @Test
    void aCrashBetweenIngestAndMarkIngestsAgainWithoutASecondCallback() throws Exception {
        RecordingListener listener = new RecordingListener();
        DeliveryTracker tracker = DeliveryTracker.builder(Tracking.builder(store).build()).listener(listener).build();
        byte[] mail = bounce("<b1@mx.far.test>");
        deliver(mail);
        tracker.ingest(new ByteArrayInputStream(mail)); // the process that died had ingested it, not marked it

        try (BounceMailbox restarted = mailbox(tracker).build()) {
            assertThat(restarted.poll()).isEqualTo(1);
        }

        assertThat(listener.calls).containsExactly("onBounced gone@far.test USER_UNKNOWN");
        assertThat(store.find("s1").orElseThrow().recipients().get(0).notices()).containsExactly("<b1@mx.far.test>");
        assertThat(inFolder("INBOX", BounceMailboxIT::marked)).isTrue();
    }

    @Test
    void aMessageWhoseIngestionFailsStaysUnmarkedAndIsIngestedByALaterPass() throws Exception {
        deliver(bounce("<b1@mx.far.test>"));
        DeliveryTracker failing = DeliveryTracker.builder(Tracking.builder(new DownStore(store)).build()).build();

        try (BounceMailbox mailbox = mailbox(failing).build()) {
            assertThat(mailbox.poll()).isZero();
        }
        assertThat(inFolder("INBOX", BounceMailboxIT::marked)).isFalse();

        try (BounceMailbox mailbox = mailbox(DeliveryTracker.builder(Tracking.builder(store).build()).build()).build()) {
            assertThat(mailbox.poll()).isEqualTo(1);
        }
        assertThat(store.find("s1").orElseThrow().recipients().get(0).fate()).isInstanceOf(Fate.Bounced.class);
    }

    @Test
    void aBounceReadFromTheMailboxSuppressesTheAddressAlsoWhenTheListWasDownTheFirstTime() throws Exception {
        deliver(bounce("<b1@mx.far.test>"));
        InMemorySuppressionList list = new InMemorySuppressionList();
        SuppressionList down = new DownList(list);

        try (BounceMailbox mailbox = mailbox(DeliveryTracker.builder(Tracking.builder(store).build())
                .suppressions(down).build()).build()) {
            assertThat(mailbox.poll()).isZero();
        }
        assertThat(store.find("s1").orElseThrow().recipients().get(0).fate()).as("the fate moved")
                .isInstanceOf(Fate.Bounced.class);
        assertThat(inFolder("INBOX", BounceMailboxIT::marked)).as("not marked: read again").isFalse();

        try (BounceMailbox mailbox = mailbox(DeliveryTracker.builder(Tracking.builder(store).build())
                .suppressions(list).build()).build()) {
            assertThat(mailbox.poll()).isEqualTo(1);
        }
        assertThat(list.find("gone@far.test")).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(SuppressionKind.HARD_BOUNCE);
            assertThat(e.cause().key()).isEqualTo("notice:<b1@mx.far.test>");
        });
        assertThat(inFolder("INBOX", BounceMailboxIT::marked)).isTrue();
    }

    /** A suppression list whose store is down for writes. */
    private static final class DownList implements SuppressionList {
        private final SuppressionList real;

        DownList(SuppressionList real) {
            this.real = real;
        }

        @Override
        public SuppressionPolicy policy() {
            return real.policy();
        }

        @Override
        public Map<String, Suppression> check(Collection<String> addresses, Instant now) {
            return real.check(addresses, now);
        }

        @Override
        public Optional<Suppression> find(String address) {
            return real.find(address);
        }

        @Override
        public SuppressionChange keep(Suppression proposed, Instant now) {
            throw new DeliveryStoreException("down");
        }

        @Override
        public List<SoftBounce> count(SoftBounce bounce) {
            throw new DeliveryStoreException("down");
        }

        @Override
        public SuppressionChange.Cleared clearSoftBounces(String address) {
            throw new DeliveryStoreException("down");
        }

        @Override
        public void put(Suppression entry) {
            throw new DeliveryStoreException("down");
        }

        @Override
        public boolean remove(String address) {
            throw new DeliveryStoreException("down");
        }

        @Override
        public List<Suppression> list(Instant now, Optional<String> after, int limit) {
            return real.list(now, after, limit);
        }

        @Override
        public void export(Consumer<Suppression> each) {
            real.export(each);
        }

        @Override
        public List<SoftBounce> softBounces(String address) {
            return real.softBounces(address);
        }
    }

    @Test
    void movingToAFolderEmptiesTheInbox() throws Exception {
        deliver(bounce("<b1@mx.far.test>"));
        deliver("From: a@far.test\r\nTo: bounces@client.test\r\nSubject: hi\r\n\r\nnot a bounce\r\n".getBytes());
        RecordingListener listener = new RecordingListener();

        try (BounceMailbox mailbox = mailbox(DeliveryTracker.builder(Tracking.builder(store).build()).listener(listener).build())
                .marking(Marking.moveTo("Processed")).build()) {
            assertThat(mailbox.poll()).isEqualTo(2);
        }

        int inbox = inFolder("INBOX", Folder::getMessageCount);
        int processed = inFolder("Processed", Folder::getMessageCount);
        assertThat(inbox).isZero();
        assertThat(processed).isEqualTo(2);
        assertThat(listener.calls).containsExactly("onBounced gone@far.test USER_UNKNOWN", "onIgnored NONE");
    }

    @Test
    void anUnmatchedBounceIsReportedAndMarked() throws Exception {
        deliver(DeliveryStatusNotice.builder("mx.far.test").to(USER).envelopeId("unknown")
                .recipient("x@far.test", "failed", "5.1.1", "smtp; 550 5.1.1 unknown").build().bytes());
        RecordingListener listener = new RecordingListener();

        try (BounceMailbox mailbox = mailbox(DeliveryTracker.builder(Tracking.builder(store).build()).listener(listener).build()).build()) {
            assertThat(mailbox.poll()).isEqualTo(1);
        }

        assertThat(listener.calls).singleElement().asString().startsWith("onUnmatched");
        assertThat(inFolder("INBOX", BounceMailboxIT::marked)).isTrue();
    }

    /** A store whose updates fail, as a database that is down; reads go to the real one. */
    private record DownStore(DeliveryStore real) implements DeliveryStore {
        @Override
        public void record(SentMessage message) {
            throw new DeliveryStoreException("down");
        }

        @Override
        public Optional<SentMessage> find(String id) {
            return real.find(id);
        }

        @Override
        public Optional<SentMessage> findByEnvelopeId(String envelopeId) {
            return real.findByEnvelopeId(envelopeId);
        }

        @Override
        public Optional<SentMessage> findByVerpToken(String verpToken) {
            return real.findByVerpToken(verpToken);
        }

        @Override
        public List<SentMessage> findByMessageId(String messageId) {
            return real.findByMessageId(messageId);
        }

        @Override
        public List<SentMessage> findByQueueId(String queueId) {
            return real.findByQueueId(queueId);
        }

        @Override
        public FateUpdate update(ReportedFate change) {
            throw new DeliveryStoreException("down");
        }

        @Override
        public List<SentMessage> unresolved(int limit) {
            return real.unresolved(limit);
        }

        @Override
        public List<SentMessage> recent(int limit) {
            return real.recent(limit);
        }
    }

}
