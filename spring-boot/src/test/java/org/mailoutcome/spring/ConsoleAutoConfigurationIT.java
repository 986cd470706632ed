package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** When the console and the endpoint exist; their behaviour over HTTP is {@link ConsoleIT}'s. */
class ConsoleAutoConfigurationIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(Fixtures.ALL)
            .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.port());

    @Test
    void theConsoleIsOffByDefault() {
        web.run(context -> assertThat(context).doesNotHaveBean("mailOutcomeConsole"));
    }

    @Test
    void theConsoleIsServedWhenEnabledInAServletApplication() {
        web.withPropertyValues("mail.outcome.console.enabled=true")
                .run(context -> assertThat(context).hasBean("mailOutcomeConsole"));
    }

    @Test
    void theConsoleNeedsAWebApplication() {
        Fixtures.withServer(Fixtures.runner(), smtp).withPropertyValues("mail.outcome.console.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mailOutcomeConsole"));
    }

    @Test
    void aPathThatIsNotAPathFailsStartupWithThePropertysName() {
        web.withPropertyValues("mail.outcome.console.enabled=true", "mail.outcome.console.path=/ops/**")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("mail.outcome.console.path"));
    }

    @Test
    void theEndpointNeedsASuppressionList() {
        web.withPropertyValues("management.endpoints.web.exposure.include=mailoutcome")
                .run(context -> assertThat(context).doesNotHaveBean(MailOutcomeEndpoint.class));
    }

    @Test
    void theEndpointExistsWhenExposedWithASuppressionList() {
        web.withPropertyValues("management.endpoints.web.exposure.include=mailoutcome",
                "mail.outcome.suppressions.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(MailOutcomeEndpoint.class));
    }

    @Test
    void theEndpointIsNotCreatedUnlessExposed() {
        web.withPropertyValues("mail.outcome.suppressions.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(MailOutcomeEndpoint.class));
    }
}
