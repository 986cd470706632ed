package org.mailoutcome.samples;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.ExceptionDecoder;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;

/** Sample: keep calling {@code Transport.send} and decode the exception it throws into the same report. */
public final class DecodeExistingException {
    private DecodeExistingException() {
    }

    /**
     * Runs the sample.
     *
     * @param args unused
     * @throws Exception if the message cannot be built
     */
    public static void main(String[] args) throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            server.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.test>");
            Properties props = server.clientProperties();
            props.setProperty("mail.smtp.sendpartial", "true"); // deliver to the others, report the rest
            Session session = Session.getInstance(props);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("me@example.test"));
            message.setRecipients(Message.RecipientType.TO, "ok@example.test, moved@example.test");
            message.setText("Hello.");
            try {
                Transport.send(message);                    // existing code, unchanged
                System.out.println("all accepted");
            } catch (MessagingException e) {
                DeliveryReport report = ExceptionDecoder.decode(message, e);
                System.out.println(report);
            }
        }
    }
}
