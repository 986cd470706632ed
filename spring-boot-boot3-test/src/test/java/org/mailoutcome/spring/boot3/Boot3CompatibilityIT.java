package org.mailoutcome.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.spring.MailOutcomeAutoConfiguration;
import org.mailoutcome.spring.MailOutcomeHealthAutoConfiguration;
import org.mailoutcome.spring.MailOutcomeConsoleAutoConfiguration;
import org.mailoutcome.spring.MailOutcomeEndpoint;
import org.mailoutcome.spring.MailOutcomeEndpointAutoConfiguration;
import org.mailoutcome.spring.MailOutcomeJdbcAutoConfiguration;
import org.mailoutcome.spring.MailOutcomeSuppressionAutoConfiguration;
import org.mailoutcome.spring.MailOutcomeMetricsAutoConfiguration;
import org.mailoutcome.spring.MailOutcomeProvidersAutoConfiguration;
import org.mailoutcome.spring.MailOutcomeTrackingAutoConfiguration;
import org.mailoutcome.providers.ProviderEvents;
import org.mailoutcome.testsupport.Hmac;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.spring.OutcomeJavaMailSender;
import org.mailoutcome.spring.OutcomeMailSendException;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.jdbc.JdbcDeliveryStore;
import org.mailoutcome.tracking.DeliveryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.actuate.autoconfigure.mail.MailHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.mail.MailHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The auto-configuration jar, built against Boot 4.0, on Spring Boot 3.5 (its mail classes in other packages). */
class Boot3CompatibilityIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
                    MailSenderValidatorAutoConfiguration.class, MailHealthContributorAutoConfiguration.class,
                    MailOutcomeJdbcAutoConfiguration.class, MailOutcomeAutoConfiguration.class,
                    MailOutcomeMetricsAutoConfiguration.class,
                    MailOutcomeHealthAutoConfiguration.class))
            .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.port());

    private static SimpleMailMessage mail(String... to) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("app@client.test");
        message.setTo(to);
        message.setText("Hi!");
        return message;
    }

    @Test
    void runsOnBoot35() {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
    }

    @Test
    void senderTakesBootsPlaceAndReportsEveryRecipient() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(JavaMailSender.class).hasSingleBean(OutcomeMailer.class);
            JavaMailSender sender = context.getBean(JavaMailSender.class);
            assertThat(sender).isInstanceOf(OutcomeJavaMailSender.class);
            assertThatThrownBy(() -> sender.send(mail("ok@example.test", "moved@example.test")))
                    .isInstanceOfSatisfying(OutcomeMailSendException.class, e -> assertThat(
                            e.report().recipient("moved@example.test").orElseThrow().outcome())
                            .isInstanceOf(DeliveryOutcome.NotLocalNoRelay.class));
            assertThat(context.getBean(MeterRegistry.class).get("mail.outcome").tag("record", "NotLocalNoRelay")
                    .counter().count()).isEqualTo(1.0);
        });
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("ok@example.test"));
    }

    @Test
    void bootsConnectionTestAndHealthIndicatorStayOnOurSender() {
        runner.withPropertyValues("spring.mail.test-connection=true").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MailSenderValidatorAutoConfiguration.class);
            assertThat(context).as("no Boot 4 health module: Boot 3.5's own indicator checks our sender")
                    .hasSingleBean(MailHealthIndicator.class);
        });
    }

    @Test
    void trackedSendsAreRecordedOnBoot35sDataSource() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:boot3;DB_CLOSE_DELAY=-1",
                        "mail.outcome.tracking.enabled=true")
                .run(context -> {
                    assertThat(context.getBean(DeliveryStore.class)).isInstanceOf(JdbcDeliveryStore.class);
                    context.getBean(OutcomeJavaMailSender.class).sendAndReport(mail("a@example.test"));
                    assertThat(context.getBean(DeliveryStore.class).unresolved(10)).singleElement()
                            .satisfies(s -> assertThat(s.recipients()).hasSize(1));
                });
    }

    @Test
    void theConsoleAndTheEndpointAreConfiguredOnBoot35() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailOutcomeJdbcAutoConfiguration.class,
                MailOutcomeSuppressionAutoConfiguration.class, MailOutcomeAutoConfiguration.class,
                MailOutcomeEndpointAutoConfiguration.class, MailOutcomeConsoleAutoConfiguration.class))
                .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.port(),
                        "mail.outcome.suppressions.enabled=true", "mail.outcome.console.enabled=true",
                        "management.endpoints.web.exposure.include=mailoutcome")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasBean("mailOutcomeConsole");
                    MailOutcomeEndpoint endpoint = context.getBean(MailOutcomeEndpoint.class);
                    endpoint.suppress("held@example.test", "asked to stop");
                    assertThat(endpoint.address("held@example.test")).extractingByKey("suppression")
                            .asString().contains("manual");
                    assertThat(endpoint.unsuppress("held@example.test")).containsEntry("removed", true);
                });
    }

    @Test
    void theProvidersWebhooksAnswerOnBoot35sSpringMvc() throws Exception {
        String key = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailOutcomeJdbcAutoConfiguration.class,
                MailOutcomeSuppressionAutoConfiguration.class, MailOutcomeAutoConfiguration.class,
                MailOutcomeTrackingAutoConfiguration.class, MailOutcomeProvidersAutoConfiguration.class))
                .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.port(),
                        "mail.outcome.tracking.enabled=true", "mail.outcome.tracking.provider=mailgun",
                        "mail.outcome.providers.mailgun.enabled=true", "mail.outcome.providers.mailgun.signing-key=" + key)
                .run(context -> {
                    @SuppressWarnings("unchecked")
                    RouterFunction<ServerResponse> routes = context.getBean("mailOutcomeProviderWebhooks",
                            RouterFunction.class);
                    assertThat(post(routes, mailgunFailed(key))).isEqualTo(200);
                    assertThat(post(routes, mailgunFailed("key-guessed"))).isEqualTo(401);
                    assertThat(context.getBean(ProviderEvents.class).counters().refused(Provider.MAILGUN))
                            .isEqualTo(1);
                });
    }

    private static int post(RouterFunction<ServerResponse> routes, String body) throws Exception {
        MockHttpServletRequest servlet = new MockHttpServletRequest("POST", "/mail-outcome/providers/mailgun");
        servlet.setContentType("application/json");
        servlet.setContent(body.getBytes(StandardCharsets.UTF_8));
        ServerRequest request = ServerRequest.create(servlet, List.of());
        return routes.route(request).orElseThrow().handle(request).statusCode().value();
    }

    /** Mailgun's permanent failure for a send of no store, signed now. */
    private static String mailgunFailed(String key) {
        long timestamp = Instant.now().getEpochSecond();
        String token = UUID.randomUUID().toString().replace("-", "") + "0123456789abcdefgh";
        return "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token + "\",\"signature\":\""
                + HexFormat.of().formatHex(Hmac.sha256(key, timestamp + token)) + "\"},\"event-data\":{\"event\":"
                + "\"failed\",\"severity\":\"permanent\",\"reason\":\"bounce\",\"timestamp\":" + timestamp
                + ",\"recipient\":\"gone@example.test\",\"delivery-status\":{\"code\":550,\"message\":"
                + "\"5.1.1 no such user\"},\"user-variables\":{\"mail-outcome-id\":\"nosuchsend\"}}}";
    }

    @Test
    void disabledLeavesBootsOwnSender() {
        runner.withPropertyValues("mail.outcome.enabled=false").run(context -> assertThat(
                context.getBean(JavaMailSender.class)).isExactlyInstanceOf(JavaMailSenderImpl.class));
    }
}
