package org.mailoutcome.spring;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.Reason;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.bounce.tracking.IngestResult;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.testkit.DeliveryStatusNotice;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * {@code mail.outcome.tracking.enabled=true} with the bounces module present: a tracker bean on the mailer's store,
 * whose fates arrive as application events.
 */
class MailOutcomeTrackingIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final ApplicationContextRunner runner = Fixtures.withServer(Fixtures.runner(), smtp)
            .withUserConfiguration(Events.class);

    @BeforeEach
    void advertiseDsn() {
        smtp.on(Verb.EHLO).reply("250-testkit.local", "250-DSN", "250 8BITMIME");
    }

    @Test
    void aBounceForATrackedSendIsPublishedAsRecipientBouncedWithItsReason() {
        tracked().run(context -> {
            SentMessage sent = send(context, "gone@example.test");
            IngestResult result = ingest(context, notice(sent).recipient("gone@example.test", "failed", "5.1.1",
                    "smtp; 550 5.1.1 <gone@example.test>: Recipient address rejected: User unknown"));
            assertThat(result).isInstanceOf(IngestResult.Tracked.class);
            List<Object> events = context.getBean(Events.class).received;
            assertThat(events).singleElement().isInstanceOfSatisfying(RecipientBouncedEvent.class, e -> {
                assertThat(e.send().id()).isEqualTo(sent.id());
                assertThat(e.recipient().address()).isEqualTo("gone@example.test");
                assertThat(e.fate().outcome().reason()).isEqualTo(Reason.USER_UNKNOWN);
            });
        });
    }

    @Test
    void aDelayNoticeIsPublishedAsRecipientDelayed() {
        tracked().run(context -> {
            SentMessage sent = send(context, "slow@example.test");
            ingest(context, notice(sent).recipient("slow@example.test", "delayed", "4.4.1",
                    "smtp; 451 4.4.1 Connection timed out"));
            assertThat(context.getBean(Events.class).received).singleElement()
                    .isInstanceOfSatisfying(RecipientDelayedEvent.class, e -> {
                        assertThat(e.recipient().address()).isEqualTo("slow@example.test");
                        assertThat(e.fate().status()).hasValueSatisfying(s -> assertThat(s).hasToString("4.4.1"));
                    });
        });
    }

    @Test
    void aMovedBounceWithAForwardPathIsPublishedAsBouncedThenAddressMoved() {
        tracked().run(context -> {
            SentMessage sent = send(context, "old@example.test");
            ingest(context, notice(sent).recipient("old@example.test", "failed", "5.1.6",
                    "smtp; 551 5.1.6 User not local; please try <new@example.org>"));
            List<Object> events = context.getBean(Events.class).received;
            assertThat(events).hasSize(2).first().isInstanceOf(RecipientBouncedEvent.class);
            assertThat(events.get(1)).isInstanceOfSatisfying(AddressMovedEvent.class, e -> {
                assertThat(e.oldAddress().getAddress()).isEqualTo("old@example.test");
                assertThat(e.newAddress().getAddress()).isEqualTo("new@example.org");
            });
        });
    }

    @Test
    void aFeedbackReportOnATrackedSendIsPublishedAsAComplaintAboutThatSend() {
        tracked().run(context -> {
            SentMessage sent = send(context, "reader@example.test");
            String arf = """
                    From: fbl@isp.test
                    To: abuse@client.test
                    Subject: Abuse report
                    Message-ID: <fbl-1@isp.test>
                    MIME-Version: 1.0
                    Content-Type: multipart/report; report-type=feedback-report; boundary="fbl"

                    --fbl
                    Content-Type: text/plain

                    A user reported this message as spam.

                    --fbl
                    Content-Type: message/feedback-report

                    Feedback-Type: abuse
                    User-Agent: ISP-FBL/2.0
                    Version: 1
                    Original-Rcpt-To: reader@example.test

                    --fbl
                    Content-Type: message/rfc822

                    Message-ID: %s
                    From: app@client.test
                    To: reader@example.test
                    Subject: Hello

                    Hi!

                    --fbl--
                    """.formatted(sent.messageId().orElseThrow()).replace("\n", "\r\n");
            context.getBean(DeliveryTracker.class).ingest(new ByteArrayInputStream(arf.getBytes(US_ASCII)));
            assertThat(context.getBean(Events.class).received).singleElement()
                    .isInstanceOfSatisfying(ComplaintEvent.class, e -> assertThat(e.send())
                            .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(sent.id())));
        });
    }

    @Test
    void aNoticeForNoTrackedSendIsPublishedAsUnmatched() {
        tracked().run(context -> {
            ingest(context, DeliveryStatusNotice.builder("mx.example.test").to("app@client.test")
                    .envelopeId("unknown-envid").returnedMessageId("<nobody@client.test>")
                    .recipient("who@example.test", "failed", "5.1.1", "smtp; 550 5.1.1 User unknown"));
            assertThat(context.getBean(Events.class).received).singleElement()
                    .isInstanceOf(UnmatchedNoticeEvent.class);
        });
    }

    @Test
    void theMailerRecordsIntoTheApplicationsOwnStoreAndTheTrackerReadsIt() {
        tracked().withUserConfiguration(OwnStore.class).run(context -> {
            assertThat(context).hasSingleBean(DeliveryStore.class).hasSingleBean(DeliveryTracker.class);
            SentMessage sent = send(context, "own@example.test");
            assertThat(context.getBean(OwnStore.class).store.find(sent.id())).isPresent();
            ingest(context, notice(sent).recipient("own@example.test", "delivered", "2.0.0", "smtp; 250 2.0.0 Ok"));
            assertThat(context.getBean(Events.class).received).singleElement()
                    .isInstanceOf(RecipientDeliveredEvent.class);
        });
    }

    @Test
    void theApplicationsOwnTrackerWins() {
        tracked().withUserConfiguration(OwnTracker.class).run(context -> assertThat(context)
                .hasSingleBean(DeliveryTracker.class).getBean(DeliveryTracker.class)
                .isSameAs(context.getBean(OwnTracker.class).tracker));
    }

    @Test
    void withTrackingOffThereIsNoTrackerAndNoStore() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DeliveryTracker.class)
                .doesNotHaveBean(DeliveryStore.class));
    }

    private ApplicationContextRunner tracked() {
        return runner.withPropertyValues("mail.outcome.tracking.enabled=true");
    }

    private static SentMessage send(AssertableApplicationContext context, String to) throws MessagingException {
        context.getBean(JavaMailSender.class).send(Fixtures.mail(to));
        String messageId = smtp.messages().get(0).mimeMessage().getMessageID();
        List<SentMessage> sent = context.getBean(DeliveryStore.class).findByMessageId(messageId);
        assertThat(sent).singleElement().satisfies(s -> assertThat(s.envelopeId()).isPresent());
        return sent.get(0);
    }

    private static DeliveryStatusNotice.Builder notice(SentMessage sent) {
        return DeliveryStatusNotice.builder("mx.example.test").to("app@client.test")
                .envelopeId(sent.envelopeId().orElseThrow()).returnedMessageId(sent.messageId().orElseThrow());
    }

    private static IngestResult ingest(AssertableApplicationContext context, DeliveryStatusNotice.Builder notice)
            throws IOException {
        return context.getBean(DeliveryTracker.class).ingest(new ByteArrayInputStream(notice.build().bytes()));
    }

    /** Records every tracking event, in order. */
    static class Events {
        final List<Object> received = new ArrayList<>();

        @EventListener({RecipientBouncedEvent.class, RecipientDelayedEvent.class, RecipientDeliveredEvent.class,
                AddressMovedEvent.class, ComplaintEvent.class, UnmatchedNoticeEvent.class})
        void on(Object event) {
            received.add(event);
        }
    }

    /** An application's own store. */
    @Configuration(proxyBeanMethods = false)
    static class OwnStore {
        final DeliveryStore store = new InMemoryDeliveryStore();

        @Bean
        DeliveryStore applicationStore() {
            return store;
        }
    }

    /** An application's own tracker. */
    @Configuration(proxyBeanMethods = false)
    static class OwnTracker {
        final DeliveryTracker tracker = DeliveryTracker.builder(Tracking.builder(new InMemoryDeliveryStore()).build()).build();

        @Bean
        DeliveryTracker deliveryTracker() {
            return tracker;
        }
    }
}
