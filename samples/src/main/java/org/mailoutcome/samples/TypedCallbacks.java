package org.mailoutcome.samples;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.mailoutcome.DeliveryOutcome.AcceptedUnverified;
import org.mailoutcome.DeliveryOutcome.LocalError;
import org.mailoutcome.DeliveryOutcome.MailboxUnavailable;
import org.mailoutcome.jakarta.OutcomeHandler;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;

/** Sample: typed callbacks, one per outcome record, plus the address-book hook for moved recipients. */
public final class TypedCallbacks {
    private TypedCallbacks() {
    }

    /**
     * Runs the sample.
     *
     * @param args unused
     * @throws Exception if the message cannot be built
     */
    public static void main(String[] args) throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            server.on(Verb.RCPT, "unverified@example.test").reply("252 2.1.5 Cannot VRFY user, but will attempt delivery");
            server.on(Verb.RCPT, "grey@example.test").reply("451 4.7.1 Greylisted, please try again later");
            server.on(Verb.RCPT, "nosuch@example.test").reply("550 5.1.1 User unknown");
            server.on(Verb.RCPT, "fwd@example.test").reply("251 2.1.5 User not local; will forward to <f@new.example>");
            Session session = Session.getInstance(server.clientProperties());
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("me@example.test"));
            message.setRecipients(Message.RecipientType.TO,
                    "unverified@example.test, grey@example.test, nosuch@example.test, fwd@example.test");
            message.setText("Hello.");

            OutcomeHandler handler = new OutcomeHandler() {
                @Override
                public void onAcceptedUnverified(InternetAddress to, AcceptedUnverified outcome) {
                    System.out.println(to + ": accepted, but the server would not verify the mailbox (252)");
                }

                @Override
                public void onLocalError(InternetAddress to, LocalError outcome) {
                    System.out.println(to + ": try again later (" + outcome.reason() + ")");
                }

                @Override
                public void onMailboxUnavailable(InternetAddress to, MailboxUnavailable outcome) {
                    System.out.println(to + ": remove from the list (" + outcome.reason() + ")");
                }

                @Override
                public void onAddressMoved(InternetAddress oldAddress, InternetAddress newAddress) {
                    System.out.println(oldAddress + ": moved to " + newAddress + ", update the address book");
                }
            };
            try (OutcomeMailer mailer = OutcomeMailer.create(session)) {
                mailer.send(message, handler);
            }
        }
    }
}
