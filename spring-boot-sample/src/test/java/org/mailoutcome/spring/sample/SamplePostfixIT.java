package org.mailoutcome.spring.sample;

import org.mailoutcome.testsupport.PostfixServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.mailoutcome.spring.AddressMovedEvent;
import org.mailoutcome.spring.OutcomeMailSendException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The same mixed send against the interop suite's real Postfix ({@code test-support/recipes/postfix}): 250, 551 with a forward
 * path, 550 and 451 from its {@code rcpt_access} and local recipients (Postfix never answers 252 to RCPT).
 */
class SamplePostfixIT {
    private static PostfixServer postfix;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        postfix = PostfixServer.start();
        context = SpringApplication.run(SampleApplication.class, "--spring.mail.host=" + PostfixServer.HOST,
                "--spring.mail.port=" + postfix.port(), "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() {
        if (context != null) context.close();
        if (postfix != null) postfix.close();
    }

    @Test
    void mixedSendToPostfixReportsEveryRecipientAndUpdatesTheAddressBook() {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("sender@client.test");
        message.setTo("ok@lab.test", "moved551@lab.test", "okunknown@lab.test", "grey@lab.test");
        message.setSubject("Spring sample");
        message.setText("Hello from the Spring sample.");
        java.util.List<AddressMovedEvent> moved = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addApplicationListener((org.springframework.context.ApplicationListener<
                org.springframework.context.PayloadApplicationEvent<?>>) e -> {
            if (e.getPayload() instanceof AddressMovedEvent event) moved.add(event);
        });

        assertThatThrownBy(() -> context.getBean(JavaMailSender.class).send(message))
                .isInstanceOfSatisfying(OutcomeMailSendException.class, e -> {
                    assertThat(e.report().recipients()).extracting(r -> r.outcome().name()).containsExactly(
                            "Accepted", "NotLocalNoRelay", "MailboxUnavailable", "LocalError");
                    assertThat(e.report().recipients()).extracting(r -> r.outcome().reply().orElseThrow().code())
                            .containsExactly(250, 551, 550, 451);
                    assertThat(e.report().queueId()).isPresent();
                    System.out.println("spring-postfix: " + e.report());
                });
        assertThat(moved).singleElement().satisfies(e -> assertThat(e.newAddress().getAddress())
                .isEqualTo("moved551@new.example"));
    }
}
