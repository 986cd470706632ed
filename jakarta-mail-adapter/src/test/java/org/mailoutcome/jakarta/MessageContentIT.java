package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;

/**
 * The mailer writes the message through its own buffer ({@code BodyBuffer}), which is also the line stream the
 * header lines go through; the server must receive exactly the bytes plain Angus sends for the same message:
 * header lines (ASCII, encoded and raw UTF-8), dot-stuffing, line endings, lines that straddle the buffer's 8 KiB
 * boundary, and a message parsed from bytes (which Jakarta Mail writes by another path).
 */
class MessageContentIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    static Stream<Arguments> bodies() {
        String dotsAtBoundary = "x".repeat(8191) + "\n.starts with a dot right after the boundary\n" + "y".repeat(8190)
                + "\r\n..two dots\n.\n";
        return Stream.of(
                Arguments.of("short text", text("Hello.\r\n")),
                Arguments.of("dot lines, bare LF and bare CR", text(".first line\n..second\r.third\r\n.\nend")),
                Arguments.of("dots across the 8 KiB buffer boundary", text(dotsAtBoundary)),
                Arguments.of("50 KiB of lines", text("The quick brown fox jumps over the lazy dog.\n".repeat(1200))),
                Arguments.of("8-bit text (quoted-printable)", text("Grüße aus Köln, ça va? " + "é".repeat(100))),
                Arguments.of("multipart with a binary attachment (base64)", multipart()),
                Arguments.of("raw UTF-8 and encoded header values", rawHeaders()),
                Arguments.of("a message parsed from bytes, unmodified", parsed()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void serverReceivesTheSameContentAsFromPlainAngus(String name, Function<Session, MimeMessage> body)
            throws Exception {
        Session session = Mails.session(smtp.server());
        MimeMessage viaAngus = body.apply(session);
        Transport.send(viaAngus);                              // the caller's session: Angus's own transport
        try (OutcomeMailer mailer = OutcomeMailer.create(session)) {
            MimeMessage viaMailer = body.apply(session);
            assertThat(mailer.send(viaMailer).isFullyAccepted()).isTrue();
        }
        List<String> received = smtp.awaitMessages(2, Duration.ofSeconds(5)).stream()
                .map(m -> content(m.bytes())).toList();
        assertThat(received.get(1)).as(name).isEqualTo(received.get(0)).isNotEmpty();
    }

    /**
     * The whole message, every byte kept (ISO-8859-1), but for the Date and Message-ID lines (which differ by nature:
     * {@code saveChanges()} makes a new id) and each multipart boundary (random per message), replaced by one
     * placeholder.
     */
    private static String content(byte[] message) {
        String s = new String(message, StandardCharsets.ISO_8859_1);
        assertThat(s).contains("\r\n\r\n");
        return s.replaceFirst("(?m)^Date: [^\r\n]*\r\n", "").replaceFirst("(?m)^Message-ID: [^\r\n]*\r\n", "")
                .replaceAll("----=_Part_[0-9_.]+", "BOUNDARY");
    }

    private static Function<Session, MimeMessage> rawHeaders() {
        return session -> build(session, m -> {
            m.setSubject("Grüße aus Köln", "utf-8");
            m.setHeader("X-Raw", "Grüße aus Köln, ça va?");
            m.setHeader("X-Long", "word ".repeat(40).trim());
            m.setText("Headers only.\n", "us-ascii");
        });
    }

    private static Function<Session, MimeMessage> parsed() {
        String raw = "From: sender@client.test\r\nTo: to@example.test\r\nSubject: parsed\r\n"
                + "X-Raw: Grüße\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                + ".dot line\r\nbody\r\n";
        return session -> {
            try {
                return new MimeMessage(session, new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Function<Session, MimeMessage> text(String body) {
        return session -> build(session, m -> m.setText(body, "utf-8"));
    }

    private static Function<Session, MimeMessage> multipart() {
        return session -> build(session, m -> {
            MimeMultipart mp = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText("See the attachment.\n.\n", "us-ascii");
            MimeBodyPart file = new MimeBodyPart();
            byte[] bytes = new byte[20_000];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "application/octet-stream")));
            file.setFileName("data.bin");
            mp.addBodyPart(text);
            mp.addBodyPart(file);
            m.setContent(mp);
        });
    }

    private interface Content {
        void set(MimeMessage message) throws Exception;
    }

    private static MimeMessage build(Session session, Content content) {
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("sender@client.test"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("to@example.test"));
            m.setSubject("content");
            content.set(m);
            return m;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
