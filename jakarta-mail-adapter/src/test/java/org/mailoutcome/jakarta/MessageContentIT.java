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
import org.mailoutcome.testkit.SmtpServerExtension;

/**
 * The mailer writes the content through its own buffer ({@code BodyBuffer}); the server must receive exactly the
 * bytes plain Angus sends for the same message: dot-stuffing, line endings, and lines that straddle the buffer's
 * 8 KiB boundary.
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
                Arguments.of("multipart with a binary attachment (base64)", multipart()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void serverReceivesTheSameContentAsFromPlainAngus(String name, Function<Session, MimeMessage> body)
            throws Exception {
        Session session = Mails.session(smtp.server());
        MimeMessage viaAngus = body.apply(session);
        viaAngus.setHeader("Message-ID", "<same@client.test>");
        Transport.send(viaAngus);                              // the caller's session: Angus's own transport
        try (OutcomeMailer mailer = OutcomeMailer.create(session)) {
            MimeMessage viaMailer = body.apply(session);
            viaMailer.saveChanges();
            viaMailer.setHeader("Message-ID", "<same@client.test>");
            assertThat(mailer.send(viaMailer).isFullyAccepted()).isTrue();
        }
        List<String> received = smtp.awaitMessages(2, Duration.ofSeconds(5)).stream()
                .map(m -> content(m.bytes())).toList();
        assertThat(received.get(1)).as(name).isEqualTo(received.get(0)).isNotEmpty();
    }

    /**
     * The content: what follows the header block (whose Date differs by nature), every byte kept (ISO-8859-1), with
     * each multipart boundary (random per message) replaced by one placeholder.
     */
    private static String content(byte[] message) {
        String s = new String(message, StandardCharsets.ISO_8859_1);
        return s.substring(s.indexOf("\r\n\r\n") + 4).replaceAll("----=_Part_[0-9_.]+", "BOUNDARY");
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
