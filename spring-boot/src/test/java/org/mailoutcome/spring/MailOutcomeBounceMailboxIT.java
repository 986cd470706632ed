package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.Reason;
import org.mailoutcome.bounce.tracking.BounceMailbox;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.testkit.DeliveryStatusNotice;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;

/** {@code mail.outcome.bounce-mailbox.*}: a started {@code BounceMailbox} against GreenMail's IMAP server. */
class MailOutcomeBounceMailboxIT {
    private static final String USER = "bounces@client.test";
    private static final String PASSWORD = "s3cret-imap";

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private final ApplicationContextRunner runner = Fixtures.withServer(Fixtures.runner(), smtp)
            .withUserConfiguration(Bounced.class);
    private GreenMailUser user;

    @BeforeEach
    void setUp() {
        smtp.on(Verb.EHLO).reply("250-testkit.local", "250-DSN", "250 8BITMIME");
        user = greenMail.setUser(USER, USER, PASSWORD);
    }

    private ApplicationContextRunner mailbox() {
        return runner.withPropertyValues("mail.outcome.tracking.enabled=true", "mail.outcome.bounce-mailbox.enabled=true",
                "mail.outcome.bounce-mailbox.host=127.0.0.1",
                "mail.outcome.bounce-mailbox.port=" + greenMail.getImap().getPort(),
                "mail.outcome.bounce-mailbox.username=" + USER, "mail.outcome.bounce-mailbox.password=" + PASSWORD,
                "mail.outcome.bounce-mailbox.poll-interval=1s",
                "mail.outcome.bounce-mailbox.properties.mail.imap.connectiontimeout=10000");
    }

    @Test
    void aBounceDeliveredToTheMailboxIsIngestedAndPublishedAsRecipientBounced() {
        mailbox().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(BounceMailbox.class);
            context.getBean(JavaMailSender.class).send(Fixtures.mail("gone@example.test"));
            String messageId = smtp.messages().get(0).mimeMessage().getMessageID();
            List<SentMessage> sent = context.getBean(DeliveryStore.class).findByMessageId(messageId);
            assertThat(sent).hasSize(1);
            byte[] notice = DeliveryStatusNotice.builder("mx.example.test").to(USER)
                    .envelopeId(sent.get(0).envelopeId().orElseThrow()).returnedMessageId(messageId)
                    .recipient("gone@example.test", "failed", "5.1.1", "smtp; 550 5.1.1 User unknown")
                    .build().bytes();
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(notice)));

            Bounced bounced = context.getBean(Bounced.class);
            assertThat(bounced.latch.await(20, TimeUnit.SECONDS)).as("RecipientBouncedEvent within 20 s").isTrue();
            assertThat(bounced.event.send().id()).isEqualTo(sent.get(0).id());
            assertThat(bounced.event.fate().outcome().reason()).isEqualTo(Reason.USER_UNKNOWN);
        });
    }

    @Test
    void aNoticeAlreadyWaitingInTheFolderAtStartupIsPublished() throws Exception {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(
                DeliveryStatusNotice.builder("mx.example.test").to(USER).envelopeId("from-before")
                        .returnedMessageId("<before@client.test>")
                        .recipient("who@example.test", "failed", "5.1.1", "smtp; 550 5.1.1 User unknown")
                        .build().bytes())));
        mailbox().run(context -> assertThat(context.getBean(Bounced.class).unmatched.await(20, TimeUnit.SECONDS))
                .as("UnmatchedNoticeEvent within 20 s").isTrue());
    }

    @Test
    void theApplicationsOwnMailboxWinsAndIsNotStartedForIt() {
        mailbox().withUserConfiguration(OwnMailbox.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(BounceMailbox.class)
                    .doesNotHaveBean("bounceMailboxLifecycle");
            assertThat(context.getBean(BounceMailbox.class)).isSameAs(context.getBean(OwnMailbox.class).mailbox);
        });
    }

    @Test
    void thePasswordIsNotInThePropertiesToString() {
        mailbox().run(context -> assertThat(context.getBean(MailOutcomeProperties.class).toString())
                .contains(USER).doesNotContain(PASSWORD));
    }

    @Test
    void anEnabledMailboxWithoutAHostFailsTheContextWithAClearError() {
        runner.withPropertyValues("mail.outcome.tracking.enabled=true", "mail.outcome.bounce-mailbox.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("mail.outcome.bounce-mailbox.host"));
    }

    @Test
    void byDefaultThereIsNoMailboxEvenWithTracking() {
        runner.withPropertyValues("mail.outcome.tracking.enabled=true").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(BounceMailbox.class));
    }

    @Test
    void withoutTrackingAnEnabledMailboxIsNotConfigured() {
        runner.withPropertyValues("mail.outcome.bounce-mailbox.enabled=true", "mail.outcome.bounce-mailbox.host=x")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BounceMailbox.class));
    }

    /** An application's own mailbox, which it would start itself. */
    @Configuration(proxyBeanMethods = false)
    static class OwnMailbox {
        BounceMailbox mailbox;

        @Bean
        BounceMailbox applicationMailbox(DeliveryTracker tracker) {
            mailbox = BounceMailbox.builder(Session.getInstance(new Properties()), tracker).build();
            return mailbox;
        }
    }

    /** Counts down on the first bounce event, and on the first unmatched notice. */
    static class Bounced {
        final CountDownLatch latch = new CountDownLatch(1);
        final CountDownLatch unmatched = new CountDownLatch(1);
        volatile RecipientBouncedEvent event;

        @EventListener
        void on(UnmatchedNoticeEvent e) {
            unmatched.countDown();
        }

        @EventListener
        void on(RecipientBouncedEvent e) {
            event = e;
            latch.countDown();
        }
    }
}
