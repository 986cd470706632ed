package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressSucceededException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;

/**
 * The decoder over the exact chains Angus 2.0.5 builds (SMTPTransport rcptTo, mailFrom, issueSendCommand,
 * sendMessage). Each row: the envelope, the exception, and for every recipient "Record STAGE code", with
 * "maybe" for a lost connection that may have delivered and "-> path" for a forward path; then the message outcome
 * and the queue id.
 */
class ExceptionDecoderTest {
    private static final String A = "a@example.test";
    private static final String B = "b@example.test";
    private static final String C = "c@example.test";

    static Stream<Arguments> chains() {
        return Stream.of(
            row("every recipient refused: each gets its own RCPT reply, no message outcome", List.of(A, B),
                invalidAddresses(null, list(A, B), failed(A, 550, "550 5.1.1 <a@example.test>: User unknown"),
                    failed(B, 553, "553 5.1.3 Bad recipient address syntax")),
                List.of("MailboxUnavailable RCPT 550", "MailboxNameNotAllowed RCPT 553"), "none", "none"),
            row("refused without sendpartial: accepted ones were never sent the message", List.of(A, B, C),
                invalidAddresses(list(A, C), list(B), failed(B, 550, "550 5.1.1 User unknown"),
                    failed(C, 452, "452 4.5.3 Too many recipients")),
                List.of("ConnectionLost DATA -", "MailboxUnavailable RCPT 550", "InsufficientStorage RCPT 452"),
                "ConnectionLost DATA -", "none"),
            row("sendpartial: accepted ones get the end-of-data 250 and the queue id is read", List.of(A, B),
                sendFailed(".", 250, "250 2.0.0 Ok: queued as 4XyZ12", list(A), list(), list(B),
                    failed(B, 551, "551 5.1.6 User has moved; please try <b@new.example>")),
                List.of("Accepted MESSAGE 250", "NotLocalNoRelay RCPT 551 -> b@new.example"),
                "Accepted MESSAGE 250", "4XyZ12"),
            row("reportsuccess: a full success tells 250 from 251 per recipient", List.of(A, B),
                sendFailed(".", 250, "250 OK id=1rAbCd-000123-4x", list(A, B), list(), list(),
                    succeeded(A, 250, "250 2.1.5 Ok"),
                    succeeded(B, 251, "251 2.1.5 User not local; will forward to <b@fwd.example>")),
                List.of("Accepted RCPT 250", "WillForward RCPT 251 -> b@fwd.example"), "Accepted MESSAGE 250",
                "1rAbCd-000123-4x"),
            row("angus-mail #199 with sendpartial: a 252 both succeeded and failed is reported once, accepted",
                List.of(A), sendFailed(".", 250, "250 2.0.0 Ok: queued as Q199", list(A), list(), list(),
                    succeeded(A, 252, "252 2.1.5 Cannot VRFY user"), failed(A, 252, "252 2.1.5 Cannot VRFY user")),
                List.of("AcceptedUnverified RCPT 252"), "Accepted MESSAGE 250", "Q199"),
            row("angus-mail #199 without sendpartial: the 252 recipient was never sent the message", List.of(A, B),
                invalidAddresses(list(A, B), list(), succeeded(A, 252, "252 2.1.5 Cannot VRFY user"),
                    failed(A, 252, "252 2.1.5 Cannot VRFY user"), succeeded(B, 250, "250 2.1.5 Ok")),
                List.of("ConnectionLost DATA -", "ConnectionLost DATA -"), "ConnectionLost DATA -", "none"),
            row("MAIL FROM 553 with the chained sender exception: every recipient gets the MAIL reply", List.of(A, B),
                chain(new SMTPSendFailedException("MAIL FROM:<s@client.test>", 553, "553 5.7.1 Sender rejected\n",
                    null, null, list(A, B), null), new SMTPSenderFailedException(address("s@client.test"),
                    "MAIL FROM:<s@client.test>", 553, "553 5.7.1 Sender rejected\n")),
                List.of("MailboxNameNotAllowed MAIL 553", "MailboxNameNotAllowed MAIL 553"),
                "MailboxNameNotAllowed MAIL 553", "none"),
            row("MAIL FROM answered 251: Angus wants exactly 250, so it is Unexpected, not a success", List.of(A),
                sendFailed("MAIL FROM:<s@client.test>", 251, "251 ok", null, list(A), null),
                List.of("Unexpected MAIL 251"), "Unexpected MAIL 251", "none"),
            row("DATA 554 after sendpartial: refused keep their RCPT reply, accepted get the DATA reply",
                List.of(A, B), sendFailed("DATA", 554, "554 5.5.1 Error: no valid recipients", null, list(A), list(B),
                    failed(B, 550, "550 5.1.1 User unknown")),
                List.of("TransactionFailed DATA 554", "MailboxUnavailable RCPT 550"), "TransactionFailed DATA 554",
                "none"),
            row("end of data 552 refuses the message for every accepted recipient", List.of(A, B),
                sendFailed(".", 552, "552 5.3.4 Message size exceeds fixed limit", null, list(A, B), null),
                List.of("StorageExceeded MESSAGE 552", "StorageExceeded MESSAGE 552"), "StorageExceeded MESSAGE 552",
                "none"),
            row("connection closed after the end of data: maybe delivered", List.of(A, B),
                sendFailed(".", -1, "[EOF]", null, list(A, B), null),
                List.of("ConnectionLost MESSAGE - maybe", "ConnectionLost MESSAGE - maybe"),
                "ConnectionLost MESSAGE - maybe", "none"),
            row("garbage after the end of data: maybe delivered", List.of(A),
                sendFailed(".", -1, "hello?", null, list(A), null),
                List.of("ConnectionLost MESSAGE - maybe"), "ConnectionLost MESSAGE - maybe", "none"),
            row("421 at RCPT then EOF: Angus throws only the EOF recipient, every recipient lost the connection",
                List.of(A, B, C), failed(B, -1, "[EOF]"),
                List.of("ConnectionLost RCPT -", "ConnectionLost RCPT -", "ConnectionLost RCPT -"),
                "ConnectionLost RCPT -", "none"),
            row("bare exception for a 3yz at RCPT: the recipients it does not name get the same outcome",
                List.of(A, B, C), failed(B, 354, "354 go ahead"),
                List.of("Unexpected RCPT 354", "Unexpected RCPT 354", "Unexpected RCPT 354"), "Unexpected RCPT 354",
                "none"),
            row("connect refused: every recipient lost the connection at CONNECT", List.of(A, B),
                new MailConnectException(new SocketConnectException("Connection refused",
                    new ConnectException("Connection refused"), "127.0.0.1", 1, -1)),
                List.of("ConnectionLost CONNECT -", "ConnectionLost CONNECT -"), "ConnectionLost CONNECT -", "none"),
            row("unknown host is a lost connection at CONNECT", List.of(A),
                new MessagingException("Unknown SMTP host: nowhere.invalid", new UnknownHostException("nowhere")),
                List.of("ConnectionLost CONNECT -"), "ConnectionLost CONNECT -", "none"),
            row("bad greeting: the greeting's reply at CONNECT", List.of(A),
                new MessagingException("Got bad greeting from SMTP host: h, port: 25, response: 554 5.7.1 Go away\n"),
                List.of("TransactionFailed CONNECT 554"), "TransactionFailed CONNECT 554", "none"),
            row("authentication failed with the server's reply in the text: its code, at AUTH", List.of(A),
                new AuthenticationFailedException("535 5.7.8 Error: authentication failed\n"),
                List.of("PermanentFailure AUTH 535"), "PermanentFailure AUTH 535", "none"),
            row("authentication failed without a reply: no code is invented", List.of(A),
                new AuthenticationFailedException("failed to connect"),
                List.of("Unexpected AUTH -"), "Unexpected AUTH -", "none"),
            row("read timeout after the end of data, step read from Angus's frames: maybe delivered", List.of(A),
                framed(new MessagingException("Exception reading response", new SocketTimeoutException("timeout")),
                    "readServerResponse", "issueSendCommand", "finishData", "sendMessage"),
                List.of("ConnectionLost MESSAGE - maybe"), "ConnectionLost MESSAGE - maybe", "none"),
            row("broken pipe while sending RCPT: lost at RCPT", List.of(A, B),
                framed(new MessagingException("Can't send command to SMTP host", new IOException("Broken pipe")),
                    "sendCommand", "sendCommand", "issueCommand", "rcptTo", "sendMessage"),
                List.of("ConnectionLost RCPT -", "ConnectionLost RCPT -"), "ConnectionLost RCPT -", "none"),
            row("I/O error while writing the message: lost at MESSAGE, not delivered", List.of(A),
                new MessagingException("IOException while sending message", writeFailed()),
                List.of("ConnectionLost MESSAGE -"), "ConnectionLost MESSAGE -", "none"),
            row("I/O error with no Angus frame: step unknown, so maybe delivered", List.of(A),
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out")),
                List.of("ConnectionLost MESSAGE - maybe"), "ConnectionLost MESSAGE - maybe", "none"),
            row("a chain nested inside a non-mail cause is still found", List.of(A, B),
                new MessagingException("send failed", new IllegalStateException("wrapped",
                    sendFailed(".", 250, "250 ok 1700000000 qp 12345", list(A), list(), list(B),
                        failed(B, 450, "450 4.2.1 Mailbox busy")))),
                List.of("Accepted MESSAGE 250", "MailboxBusy RCPT 450"), "Accepted MESSAGE 250", "12345"),
            row("no recipient addresses: the client refused before MAIL, no reply", List.of(A),
                new SendFailedException("No recipient addresses"),
                List.of("Unexpected MAIL -"), "Unexpected MAIL -", "none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void everyRecipientGetsExactlyOneOutcomeInEnvelopeOrder(String behaviour, List<String> envelope,
            MessagingException e, List<String> expected, String messageOutcome, String queueId) {
        DeliveryReport report = ExceptionDecoder.decode(message(), addresses(envelope), e);

        assertThat(report.recipients()).as("chain: %s", e).hasSize(envelope.size());
        assertThat(report.recipients()).extracting(r -> r.address().getAddress()).containsExactlyElementsOf(envelope);
        assertThat(report.recipients()).as("chain: %s", e).extracting(r -> describe(r.outcome()))
                .containsExactlyElementsOf(expected);
        assertThat(report.messageOutcome().map(ExceptionDecoderTest::describe)).as("message outcome")
                .isEqualTo(Optional.of(messageOutcome).filter(s -> !s.equals("none")));
        assertThat(report.queueId()).isEqualTo(Optional.of(queueId).filter(s -> !s.equals("none")));
    }

    @Test
    void anAcceptedRecipientNeverSentTheMessageSaysWhyInTheDetail() {
        DeliveryReport report = ExceptionDecoder.decode(message(), addresses(List.of(A)), invalidAddresses(
                list(A), list(), succeeded(A, 252, "252 2.1.5 Cannot VRFY"), failed(A, 252, "252 2.1.5 Cannot VRFY")));
        ConnectionLost lost = (ConnectionLost) report.recipients().get(0).outcome();
        assertThat(lost.isMaybeDelivered()).isFalse();
        assertThat(lost.detail()).contains("angus-mail #199");
    }

    @Test
    void authenticationReplyTextIsWithheldButItsStatusKept() {
        DeliveryOutcome outcome = ExceptionDecoder.decode(message(), addresses(List.of(A)),
                new AuthenticationFailedException("535 5.7.8 bad password for user:secret\n"))
                .recipients().get(0).outcome();
        assertThat(outcome.reply()).get().asString().doesNotContain("secret").startsWith("535 5.7.8");
    }

    @Test
    void envelopeIsTheMessageRecipientsWithGroupsExpandedAndDuplicatesOnce() throws MessagingException {
        MimeMessage message = message();
        message.setRecipients(Message.RecipientType.TO, "a@example.test, team: b@example.test, c@example.test;");
        message.setRecipients(Message.RecipientType.BCC, "A@EXAMPLE.TEST");
        message.setHeader("Message-ID", "<id-1@client.test>");
        DeliveryReport report = ExceptionDecoder.decode(message, sendFailed(".", -1, "[EOF]", null, list(A), null));
        assertThat(report.recipients()).extracting(r -> r.address().getAddress()).containsExactly(A, B, C);
        assertThat(report.messageId()).contains("<id-1@client.test>");
    }

    // ---- chains built the way SMTPTransport builds them ----

    private static Arguments row(String behaviour, List<String> envelope, MessagingException e,
            List<String> expected, String messageOutcome, String queueId) {
        return Arguments.of(behaviour, envelope, e, expected, messageOutcome, queueId);
    }

    /** rcptTo with sendFailed: validSent null, validUnsent = valid + 4yz, the RCPT chain nested. */
    private static SendFailedException invalidAddresses(Address[] validUnsent, Address[] invalid,
            MessagingException... rcpt) {
        return new SendFailedException("Invalid Addresses", chain(rcpt), null, validUnsent, invalid);
    }

    private static SMTPSendFailedException sendFailed(String command, int code, String text, Address[] validSent,
            Address[] validUnsent, Address[] invalid, MessagingException... rcpt) {
        return new SMTPSendFailedException(command, code, text + "\n", rcpt.length == 0 ? null : chain(rcpt),
                validSent, validUnsent, invalid);
    }

    private static SMTPAddressFailedException failed(String to, int code, String text) {
        return new SMTPAddressFailedException(address(to), "RCPT TO:<" + to + ">", code, text + "\n");
    }

    private static SMTPAddressSucceededException succeeded(String to, int code, String text) {
        return new SMTPAddressSucceededException(address(to), "RCPT TO:<" + to + ">", code, text + "\n");
    }

    /** Angus appends with setNextException, which walks to the end of the chain. */
    private static MessagingException chain(MessagingException... exceptions) {
        for (int i = 1; i < exceptions.length; i++) exceptions[0].setNextException(exceptions[i]);
        return exceptions[0];
    }

    /** Gives the exception and its cause the frames SMTPTransport would have, innermost first. */
    private static MessagingException framed(MessagingException e, String... transportMethods) {
        StackTraceElement[] frames = Arrays.stream(transportMethods)
                .map(m -> new StackTraceElement("org.eclipse.angus.mail.smtp.SMTPTransport", m, "SMTPTransport.java", 1))
                .toArray(StackTraceElement[]::new);
        e.setStackTrace(frames);
        e.getNextException().setStackTrace(frames);
        return e;
    }

    private static IOException writeFailed() {
        IOException io = new IOException("Connection reset by peer");
        io.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.eclipse.angus.mail.smtp.SMTPOutputStream", "write", null, 1),
            new StackTraceElement("jakarta.mail.internet.MimeMessage", "writeTo", null, 1),
            new StackTraceElement("org.eclipse.angus.mail.smtp.SMTPTransport", "sendMessage", null, 1)});
        return io;
    }

    private static String describe(DeliveryOutcome o) {
        return o.name() + " " + o.stage() + " " + (o.code().isPresent() ? o.code().getAsInt() : "-")
                + (o instanceof ConnectionLost lost && lost.isMaybeDelivered() ? " maybe" : "")
                + o.forwardPath().map(p -> " -> " + p).orElse("");
    }

    private static Address[] list(String... addresses) {
        return addresses(List.of(addresses));
    }

    private static Address[] addresses(List<String> addresses) {
        return addresses.stream().map(ExceptionDecoderTest::address).toArray(Address[]::new);
    }

    private static InternetAddress address(String address) {
        return Mails.address(address);
    }

    private static MimeMessage message() {
        return new MimeMessage(Session.getInstance(new Properties()));
    }
}
