package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** An application's own JavaMailSenderImpl: its MailSendException decoded into reports. */
class MailSendExceptionDecoderIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private JavaMailSenderImpl plainSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.port());
        sender.setJavaMailProperties(smtp.clientProperties());
        return sender;
    }

    private static SimpleMailMessage mail(String... to) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("app@client.test");
        message.setTo(to);
        message.setText("Hi!");
        return message;
    }

    @Test
    void simpleMessageRefusedAtRcptIsDecodedPerRecipient() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
        SimpleMailMessage message = mail("ok@example.test", "moved@example.test");

        MailSendException e = catchThrowableOfType(MailSendException.class, () -> plainSender().send(message));
        Map<Object, DeliveryReport> reports = MailSendExceptionDecoder.decode(e);

        assertThat(reports).containsOnlyKeys(message);
        DeliveryOutcome moved = reports.get(message).recipient("moved@example.test").orElseThrow().outcome();
        assertThat(moved).isInstanceOf(DeliveryOutcome.NotLocalNoRelay.class);
        assertThat(moved.forwardPath()).contains("new@example.test");
        assertThat(reports.get(message).recipients()).hasSize(2);
    }

    @Test
    void unreachableServerGivesEveryRecipientAConnectionOutcome() {
        JavaMailSenderImpl sender = plainSender();
        sender.setPort(1);
        SimpleMailMessage message = mail("a@example.test", "b@example.test");

        MailSendException e = catchThrowableOfType(MailSendException.class, () -> sender.send(message));

        assertThat(MailSendExceptionDecoder.decode(e).get(message).recipients()).hasSize(2)
                .allSatisfy(r -> assertThat(r.outcome()).isInstanceOf(DeliveryOutcome.ConnectionLost.class));
    }
}
