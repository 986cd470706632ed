package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.Tracking;

/** Which sends are marked with a provider's correlation header: named, or recognised from the session's host. */
class SendTrackingTest {

    @Test
    void aSendThroughAProvidersDocumentedRelayIsMarkedForItWithoutNamingIt() throws Exception {
        SendTracking tracking = new SendTracking(Tracking.inMemory(), session("smtp.sendgrid.net"));
        SendTracking.Send send = tracking.begin();
        MimeMessage message = message();

        MimeMessage sent = tracking.mark(send, message);

        assertThat(sent).isNotSameAs(message);
        assertThat(sent.getHeader("X-SMTPAPI", null)).isEqualTo(Provider.SENDGRID.header(send.id()).value());
        assertThat(message.getHeader("X-SMTPAPI")).as("the caller's message").isNull();
        assertThat(sent.getMessageID()).isEqualTo(message.getMessageID());
    }

    @Test
    void aSendToAnyOtherServerIsLeftAsItIsUnlessAProviderIsNamed() throws Exception {
        MimeMessage message = message();
        SendTracking plain = new SendTracking(Tracking.inMemory(), session("127.0.0.1"));
        SendTracking named = new SendTracking(Tracking.builder(new InMemoryDeliveryStore())
                .provider(Provider.MAILJET).build(), session("127.0.0.1"));
        SendTracking off = new SendTracking(Tracking.builder(new InMemoryDeliveryStore()).detectProvider(false)
                .build(), session("email-smtp.eu-west-1.amazonaws.com"));

        assertThat(plain.mark(plain.begin(), message)).isSameAs(message);
        SendTracking.Send send = named.begin();
        assertThat(named.mark(send, message).getHeader("X-MJ-CustomID", null)).isEqualTo(send.id());
        assertThat(off.mark(off.begin(), message)).isSameAs(message);
    }

    private static Session session(String host) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", host);
        props.setProperty("mail.smtp.port", "587");
        return Session.getInstance(props);
    }

    private static MimeMessage message() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("app@client.test");
        message.setRecipients(Message.RecipientType.TO, "bob@example.com");
        message.setSubject("Hello");
        message.setText("Hi!");
        message.saveChanges();
        return message;
    }
}
