package org.mailoutcome.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Stage;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.ReportedFate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

/** The JDBC DeliveryStore on H2 and on PostgreSQL: what is read back equals what was written, across reopening. */
abstract class JdbcDeliveryStoreContract extends OnADatabase {
    private static final Instant T = Instant.parse("2026-12-02T10:00:00.123456Z");
    private static final Fate BOUNCED = new Fate.Bounced(DeliveryOutcome.classify(Stage.RCPT,
            "550-5.1.1 The email account that you tried to reach does not exist.\n550 5.1.1 Please check"), T);


    static SentMessage sent(String id, String messageId, Instant at) {
        return new SentMessage(id, Optional.of(messageId), Optional.of("env" + id), Optional.of("verp" + id),
                Optional.of("0102018fdd2c0f11-" + id + "-000000"), at,
                "127.0.0.1:25", List.of(
                        TrackedRecipient.sent("a@x.test", "a@x.test", DeliveryOutcome.classify(Stage.RCPT, "250 2.1.5 Ok")),
                        TrackedRecipient.sent("b@x.test", "b@new.test", DeliveryOutcome.classify(Stage.RCPT,
                                "550 5.1.1 <b@x.test>: Recipient address rejected")),
                        TrackedRecipient.sent("c@x.test", "c@x.test",
                                new DeliveryOutcome.ConnectionLost(Stage.MESSAGE, true, "read timed out"))));
    }

    @Test
    void aBounceArrivingAfterARestartStillFindsItsSendByEachKey() {
        SentMessage one = sent("s1", "<m1@client.test>", T);
        JdbcDeliveryStore.create(db.dataSource()).record(one);
        db.release();
        JdbcDeliveryStore reopened = JdbcDeliveryStore.create(db.dataSource());
        assertThat(reopened.find("s1")).contains(one);
        assertThat(reopened.findByEnvelopeId("envs1")).contains(one);
        assertThat(reopened.findByVerpToken("verps1")).contains(one);
        assertThat(reopened.findByMessageId("<m1@client.test>")).containsExactly(one);
        assertThat(reopened.findByQueueId("0102018fdd2c0f11-s1-000000")).containsExactly(one);
        assertThat(reopened.findByQueueId("nope")).isEmpty();
        assertThat(reopened.find("nope")).isEmpty();
        assertThat(reopened.findByEnvelopeId("nope")).isEmpty();
    }

    @Test
    void fatesAndNoticesSurviveReopeningAndANoticeIsAppliedOnce() {
        JdbcDeliveryStore store = JdbcDeliveryStore.create(db.dataSource());
        store.record(sent("s1", "<m1@client.test>", T));
        Fate delayed = new Fate.Delayed(T.plusSeconds(60), Optional.of(EnhancedStatus.parse("4.4.7")));
        assertThat(store.update(new ReportedFate("s1", "a@x.test", delayed, "<n1@mx>"))).isInstanceOf(FateUpdate.Applied.class);
        assertThat(store.update(new ReportedFate("s1", "A@X.TEST", BOUNCED, "<n2@mx>"))).isInstanceOf(FateUpdate.Applied.class);
        assertThat(store.update(new ReportedFate("s1", "a@x.test", BOUNCED, "<n2@mx>"))).isInstanceOf(FateUpdate.Duplicate.class);
        assertThat(store.update(new ReportedFate("s1", "a@x.test", delayed, "<n3@mx>"))).isInstanceOf(FateUpdate.Kept.class);
        assertThat(store.update(new ReportedFate("s1", "zz@x.test", BOUNCED, "<n4@mx>"))).isInstanceOf(FateUpdate.NotFound.class);
        assertThat(store.update(new ReportedFate("s9", "a@x.test", BOUNCED, "<n4@mx>"))).isInstanceOf(FateUpdate.NotFound.class);
        db.release();
        TrackedRecipient a = JdbcDeliveryStore.create(db.dataSource()).find("s1").orElseThrow().recipients().get(0);
        assertThat(a.fate()).isEqualTo(BOUNCED);
        assertThat(a.notices()).containsExactly("<n1@mx>", "<n2@mx>", "<n3@mx>");
    }

    @Test
    void aBouncesReasonAsItsNoticeSaysItIsKeptBesideTheReplyItQuotes() {
        JdbcDeliveryStore store = JdbcDeliveryStore.create(db.dataSource());
        store.record(sent("s1", "<m1@client.test>", T));
        DeliveryOutcome lastReply = DeliveryOutcome.classify(Stage.RCPT, "421 4.4.2 mx.far.test: connection timed out");
        Fate expired = new Fate.Bounced(lastReply, org.mailoutcome.Reason.EXPIRED, T.plusSeconds(3600));
        store.update(new ReportedFate("s1", "a@x.test", expired, "<n1@mx>"));
        db.release();

        JdbcDeliveryStore reopened = JdbcDeliveryStore.create(db.dataSource());
        assertThat(lastReply.reason()).isNotEqualTo(org.mailoutcome.Reason.EXPIRED);
        assertThat(reopened.find("s1").orElseThrow().recipients().get(0).fate()).isEqualTo(expired);
        assertThat(JdbcHistory.create(db.dataSource()).of("a@x.test"))
                .filteredOn(e -> e instanceof org.mailoutcome.tracking.HistoryEvent.Noticed)
                .singleElement().satisfies(e -> assertThat(((org.mailoutcome.tracking.HistoryEvent.Noticed) e).fate())
                        .isEqualTo(expired));
    }

    @Test
    void twoTrackersApplyingOneNoticeAtOnceGetOneAppliedAndOneDuplicate() throws Exception {
        JdbcDeliveryStore store = JdbcDeliveryStore.create(db.dataSource());
        store.record(sent("s1", "<m1@client.test>", T));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<FateUpdate>> both = List.of(
                    () -> store.update(new ReportedFate("s1", "a@x.test", BOUNCED, "<same@mx>")),
                    () -> store.update(new ReportedFate("s1", "a@x.test", BOUNCED, "<same@mx>")));
            List<String> kinds = new ArrayList<>();
            for (Future<FateUpdate> f : pool.invokeAll(both)) kinds.add(f.get().getClass().getSimpleName());
            assertThat(kinds).containsExactlyInAnyOrder("Applied", "Duplicate");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unresolvedSendsAreListedOldestFirstAndSendsSharingAMessageIdNewestFirst() {
        JdbcDeliveryStore store = storeWithThreeSends();
        assertThat(store.unresolved(2)).extracting(SentMessage::id).containsExactly("s1", "s2");
        assertThat(store.findByMessageId("<m@client.test>")).extracting(SentMessage::id).containsExactly("s2", "s1");
        store.update(new ReportedFate("s1", "a@x.test", BOUNCED, "<n@mx>"));
        store.update(new ReportedFate("s1", "c@x.test", BOUNCED, "<n@mx>"));
        assertThat(store.unresolved(10)).extracting(SentMessage::id).containsExactly("s2", "s3");
        assertThatThrownBy(() -> store.unresolved(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** s1 at T and s2 at T+5 s share a Message-ID; s3 at T+9 s; recorded s2, s1, s3. */
    private JdbcDeliveryStore storeWithThreeSends() {
        JdbcDeliveryStore store = JdbcDeliveryStore.create(db.dataSource());
        store.record(sent("s2", "<m@client.test>", T.plusSeconds(5)));
        store.record(sent("s1", "<m@client.test>", T));
        store.record(sent("s3", "<other@client.test>", T.plusSeconds(9)));
        return store;
    }

    @Test
    void recentSendsAreListedNewestFirstResolvedOrNot() {
        JdbcDeliveryStore store = storeWithThreeSends();
        store.update(new ReportedFate("s3", "a@x.test", BOUNCED, "<n@mx>"));
        assertThat(store.recent(2)).extracting(SentMessage::id).containsExactly("s3", "s2");
        assertThat(store.recent(10)).extracting(SentMessage::id).containsExactly("s3", "s2", "s1");
        assertThat(store.recent(1).get(0).recipient("a@x.test").orElseThrow().fate()).isInstanceOf(Fate.Bounced.class);
        assertThatThrownBy(() -> store.recent(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSendCannotBeRecordedTwiceAndADownDatabaseIsAStoreException() {
        SwitchableDataSource switchable = new SwitchableDataSource(db.dataSource());
        JdbcDeliveryStore store = JdbcDeliveryStore.create(switchable);
        store.record(sent("s1", "<m@client.test>", T));
        assertThatThrownBy(() -> store.record(sent("s1", "<m@client.test>", T)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s1");
        switchable.down();
        assertThatThrownBy(() -> store.find("s1")).isInstanceOf(DeliveryStoreException.class);
        assertThatThrownBy(() -> store.record(sent("s2", "<m@client.test>", T))).isInstanceOf(DeliveryStoreException.class);
    }
}
