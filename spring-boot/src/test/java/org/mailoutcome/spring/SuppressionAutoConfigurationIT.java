package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.SendOptions;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.tracking.Suppression;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.InMemoryAddressBook;
import org.mailoutcome.tracking.InMemorySuppressionList;
import org.mailoutcome.tracking.SuppressionList;
import org.mailoutcome.tracking.SuppressionPolicy;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When there is a suppression list and an address book, and where they are kept. */
class SuppressionAutoConfigurationIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final ApplicationContextRunner runner = Fixtures.withServer(Fixtures.runner(), smtp);

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SuppressionList.class)
                .doesNotHaveBean(AddressBook.class));
    }

    @Test
    void withoutADataSourceTheListIsInMemoryAndAWarnSaysWhatIsLost() {
        try (StandardError output = StandardError.capture()) {
            runner.withPropertyValues("mail.outcome.suppressions.enabled=true").run(context -> assertThat(
                    context.getBean(SuppressionList.class)).isInstanceOf(InMemorySuppressionList.class));
            assertThat(output.text()).contains("WARN").contains("in-memory SuppressionList")
                    .contains("define a SuppressionList bean");
        }
    }

    @Test
    void theListJudgesWithTheApplicationsPolicy() {
        SuppressionPolicy own = SuppressionPolicy.builder().build();
        runner.withPropertyValues("mail.outcome.suppressions.enabled=true")
                .withBean(SuppressionPolicy.class, () -> own)
                .run(context -> assertThat(context.getBean(SuppressionList.class).policy()).isSameAs(own));
    }

    @Test
    void theApplicationsListWins() {
        InMemorySuppressionList own = new InMemorySuppressionList();
        runner.withPropertyValues("mail.outcome.suppressions.enabled=true")
                .withBean(SuppressionList.class, () -> own)
                .run(context -> assertThat(context.getBean(SuppressionList.class)).isSameAs(own));
    }

    @Test
    void aSuppressedRecipientIsLeftOffTheWireWithATypedOutcomeAndCounted() {
        runner.withPropertyValues("mail.outcome.suppressions.enabled=true")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
                    context.getBean(SuppressionList.class).put(Suppression.manual("held@example.test",
                            "asked to stop", Instant.now(), Optional.empty()));
                    DeliveryReport report = context.getBean(OutcomeJavaMailSender.class)
                            .sendAndReport(Fixtures.mail("held@example.test", "ok@example.test"));
                    assertThat(report.recipient("held@example.test").orElseThrow().outcome())
                            .isInstanceOfSatisfying(DeliveryOutcome.Suppressed.class,
                                    s -> assertThat(s.kind()).isEqualTo(SuppressionKind.MANUAL));
                    assertThat(context.getBean(MeterRegistry.class).get("mail.outcome.suppressed")
                            .tag("kind", "manual").counter().count()).isEqualTo(1.0);
                });
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("ok@example.test"));
    }

    @Test
    void aSendCanBypassTheList() {
        runner.withPropertyValues("mail.outcome.suppressions.enabled=true").run(context -> {
            context.getBean(SuppressionList.class).put(Suppression.manual("reset@example.test", "bounced last year",
                    Instant.now(), Optional.empty()));
            OutcomeJavaMailSender sender = context.getBean(OutcomeJavaMailSender.class);
            jakarta.mail.internet.MimeMessage reset = sender.createMimeMessage();
            reset.setFrom("app@client.test");
            reset.setRecipients(jakarta.mail.Message.RecipientType.TO, "reset@example.test");
            reset.setText("Your reset link");
            DeliveryReport report = sender.sendAndReport(reset, SendOptions.bypassingSuppressions());
            assertThat(report.recipients()).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isInstanceOf(DeliveryOutcome.Accepted.class));
        });
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("reset@example.test"));
    }

    @Test
    void aUserUnknownAtRcptSuppressesTheAddressForTheNextSend() {
        smtp.on(Verb.RCPT, "gone@example.test").reply("550 5.1.1 <gone@example.test>: User unknown");
        runner.withPropertyValues("mail.outcome.suppressions.enabled=true").run(context -> {
            OutcomeJavaMailSender sender = context.getBean(OutcomeJavaMailSender.class);
            assertThat(sender.sendAndReport(Fixtures.mail("gone@example.test")).recipients()).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isInstanceOf(DeliveryOutcome.MailboxUnavailable.class));
            assertThat(sender.sendAndReport(Fixtures.mail("gone@example.test")).recipients()).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isInstanceOf(DeliveryOutcome.Suppressed.class));
        });
        assertThat(smtp.sessions()).hasSize(1);
    }

    @Test
    void aForwardPathLearntIsFollowedByTheNextSendWhenTheForwardPolicyAllows() {
        smtp.on(Verb.RCPT, "old@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
        runner.withPropertyValues("mail.outcome.address-book.enabled=true", "mail.outcome.forward.enabled=true")
                .run(context -> {
                    OutcomeJavaMailSender sender = context.getBean(OutcomeJavaMailSender.class);
                    sender.sendAndReport(Fixtures.mail("old@example.test"));
                    assertThat(context.getBean(AddressBook.class).find("old@example.test"))
                            .hasValueSatisfying(m -> assertThat(m.newAddress()).isEqualTo("new@example.test"));
                    assertThat(sender.sendAndReport(Fixtures.mail("old@example.test")).recipients()).singleElement()
                            .satisfies(r -> assertThat(r.isRewritten()).isTrue());
                });
        assertThat(smtp.messages()).hasSize(2).allSatisfy(m -> assertThat(m.envelopeRecipients())
                .containsExactly("new@example.test"));
    }

    @Test
    void theAddressBookIsInMemoryWithoutADataSource() {
        runner.withPropertyValues("mail.outcome.address-book.enabled=true").run(context -> assertThat(
                context.getBean(AddressBook.class)).isInstanceOf(InMemoryAddressBook.class));
    }
}
