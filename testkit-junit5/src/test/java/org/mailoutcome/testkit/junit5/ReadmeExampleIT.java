package org.mailoutcome.testkit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.Verb;

/** The example of testkit/README.md, kept compiling and passing; keep both in step. */
class ReadmeExampleIT {

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    static MimeMessage message(Session session, String... to) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("app@example.test"));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject("Hello");
        message.setText("Hi!");
        return message;
    }

    @Test
    void greylistedRecipientIsDeferredThenAccepted() throws MessagingException {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        Session session = Session.getInstance(smtp.clientProperties());

        assertThatThrownBy(() -> Transport.send(message(session, "grey@example.test")))
                .isInstanceOf(SendFailedException.class)
                .satisfies(e -> assertThat(((SMTPAddressFailedException) ((SendFailedException) e).getNextException())
                        .getReturnCode()).isEqualTo(451));
        assertThat(smtp.messages()).isEmpty();

        Transport.send(message(session, "grey@example.test"));          // the retry: the rule is spent
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("grey@example.test"));
    }

    @Test
    void movedRecipientGets551WithItsForwardPath() throws MessagingException {
        smtp.on(Verb.RCPT, "moved@example.test")
                .reply("551 5.1.6 User not local; please try <new@example.net>");
        Properties properties = smtp.clientProperties();
        properties.setProperty("mail.smtp.sendpartial", "true");     // deliver to the others
        Session session = Session.getInstance(properties);

        assertThatThrownBy(() -> Transport.send(message(session, "stays@example.test", "moved@example.test")))
                .isInstanceOf(SendFailedException.class)
                .satisfies(e -> assertThat(((SendFailedException) e).getNextException().getMessage())
                        .contains("please try <new@example.net>"));

        ReceivedMessage received = smtp.messages().get(0);
        assertThat(received.envelopeRecipients()).containsExactly("stays@example.test");
        assertThat(received.mimeMessage().getSubject()).isEqualTo("Hello");
    }
}
