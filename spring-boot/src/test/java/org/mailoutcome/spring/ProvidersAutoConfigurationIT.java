package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.providers.ProviderEvents;
import org.mailoutcome.providers.Verification;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.Tracking;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** When the providers' webhooks exist; their behaviour over HTTP is {@link ProviderWebhooksIT}'s. */
class ProvidersAutoConfigurationIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(Fixtures.ALL)
            .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.port());

    @Test
    void theWebhooksNeedATracker() {
        web.withPropertyValues("mail.outcome.providers.mailgun.enabled=true",
                "mail.outcome.providers.mailgun.signing-key=k")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mailOutcomeProviderWebhooks"));
    }

    @Test
    void theWebhooksNeedAWebApplication() {
        Fixtures.withServer(Fixtures.runner(), smtp).withPropertyValues("mail.outcome.tracking.enabled=true",
                "mail.outcome.providers.mailgun.enabled=true", "mail.outcome.providers.mailgun.signing-key=k")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mailOutcomeProviderWebhooks"));
    }

    @Test
    void eachEnabledProviderIsVerifiedAsConfiguredAndTheOthersAreRefused() {
        web.withPropertyValues("mail.outcome.tracking.enabled=true", "mail.outcome.providers.ses.enabled=true",
                "mail.outcome.providers.ses.topic-arns=arn:aws:sns:eu-west-1:123456789012:ses-events",
                "mail.outcome.providers.sendgrid.enabled=true", "mail.outcome.providers.sendgrid.username=u",
                "mail.outcome.providers.sendgrid.password=p").run(context -> {
                    ProviderEvents events = context.getBean(ProviderEvents.class);
                    assertThat(context).hasBean("mailOutcomeProviderWebhooks");
                    assertThat(events.verification(Provider.SES)).containsInstanceOf(Verification.Sns.class);
                    assertThat(events.verification(Provider.SENDGRID)).containsInstanceOf(Verification.BasicAuth.class);
                    assertThat(events.verification(Provider.MAILGUN)).isEmpty();
                });
    }

    @Test
    void anEnabledProviderWithoutItsKeyFailsStartupWithThePropertysName() {
        web.withPropertyValues("mail.outcome.tracking.enabled=true", "mail.outcome.providers.postmark.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("mail.outcome.providers.postmark.").hasMessageContaining("password"));
    }

    @Test
    void withTrackingButNoProviderEnabledThereAreNoWebhooks() {
        web.withPropertyValues("mail.outcome.tracking.enabled=true", "mail.outcome.tracking.provider=SendGrid")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("mailOutcomeProviderWebhooks");
                    assertThat(context.getBean(Tracking.class).provider()).contains(Provider.SENDGRID);
                });
    }

    @Test
    void theEndpointsSettingsNeverShowAKey() {
        var endpoint = new MailOutcomeProvidersProperties.Endpoint(true, null, java.util.List.of(), false, "vk",
                "sk", "user", "pw", null);
        assertThat(endpoint.toString()).doesNotContain("vk", "sk", "pw").contains("user");
        assertThat(endpoint.pathFor(Provider.MAILJET)).isEqualTo("/mail-outcome/providers/mailjet");
    }
}
