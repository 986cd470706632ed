package org.mailoutcome.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;

/** Behaviour on real mails of the Sisimai corpus, one per format. */
class BounceParserTest {
    private static final BounceParser PARSER = BounceParser.defaults();

    private static ParsedMail parse(String name) {
        return PARSER.parse(Corpus.bytes(name));
    }

    @Test
    void postfixReportGivesRecipientStatusReplyAndPerMessageFields() {
        Bounce bounce = (Bounce) parse("lhost-postfix-04.eml");
        assertThat(bounce.format()).isEqualTo(Format.DELIVERY_STATUS);
        assertThat(bounce.reportingMta()).contains("mv-osn-hcb007.ocn.ad.jp");
        assertThat(bounce.arrivalDate()).contains(Instant.parse("2010-05-24T10:06:50Z"));
        assertThat(bounce.messageId()).contains("<A8F82EDD-E518-4F5C-8C70-BC4EFF24AB9F@example.ne.jp>");
        BouncedRecipient r = bounce.recipients().get(0);
        assertThat(r.finalRecipient()).isEqualTo("kijitora@example.co.jp");
        assertThat(r.originalRecipient()).contains("kijitora@example.co.jp");
        assertThat(r.action()).isEqualTo(Action.FAILED);
        assertThat(r.status()).isEqualTo(EnhancedStatus.of(5, 1, 1));
        assertThat(r.statusStated()).isTrue();
        assertThat(r.outcome()).isInstanceOf(DeliveryOutcome.MailboxUnavailable.class);
        assertThat(r.reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(r.remoteMta()).contains("mx01.example.co.jp");
        assertThat(r.diagnostic()).contains("550 5.1.1 Address rejected kijitora@example.co.jp");
    }

    @Test
    void eximTextBounceNamesTheFailedRecipientAndTheRemoteReply() {
        Bounce bounce = (Bounce) parse("lhost-exim-05.eml");
        assertThat(bounce.format()).isEqualTo(Format.EXIM);
        assertThat(bounce.recipients()).singleElement().satisfies(r -> {
            assertThat(r.finalRecipient()).isEqualTo("kijitora@neko.example.co.jp");
            assertThat(r.status()).isEqualTo(EnhancedStatus.of(5, 1, 1));
            assertThat(r.outcome().code()).hasValue(553);
        });
    }

    @Test
    void qmailBounceIsRecognisedAsQmail() {
        Bounce bounce = (Bounce) parse("lhost-qmail-01.eml");
        assertThat(bounce.format()).isEqualTo(Format.QMAIL);
        assertThat(bounce.recipients()).extracting(BouncedRecipient::finalRecipient)
                .containsExactly("kijitora@example.ne.jp");
    }

    @Test
    void feedbackReportIsAComplaintNotABounce() {
        assertThat(parse("arf-01.eml")).isInstanceOfSatisfying(Complaint.class, c -> {
            assertThat(c.feedbackType()).isEqualTo("abuse");
            assertThat(c.recipients()).isNotEmpty();
        });
    }

    @Test
    void vacationReplyIsAnAutoReplyNotABounce() {
        assertThat(parse("rfc3834-01.eml")).isInstanceOf(AutoReply.class);
    }

    @Test
    void ordinaryMailIsNotABounceAndSaysWhy() {
        ParsedMail mail = PARSER.parse("From: a@example.com\nTo: b@example.com\nSubject: hi\n\nhello\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(mail).isInstanceOfSatisfying(NotABounce.class, n -> assertThat(n.why()).isNotBlank());
    }

    @Test
    void delayNoticeWithoutAStatedStatusImpliesTheClassOfItsAction() {
        String dsn = report("Final-Recipient: rfc822; late@example.net\nAction: delayed\n");
        BouncedRecipient r = ((Bounce) PARSER.parse(dsn.getBytes(StandardCharsets.US_ASCII))).recipients().get(0);
        assertThat(r.status()).isEqualTo(EnhancedStatus.of(4, 0, 0));
        assertThat(r.statusStated()).isFalse();
        assertThat(r.action().isFinal()).isFalse();
        assertThat(r.reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void movedRecipientGivesTheForwardPathOfTheReply() {
        String dsn = report("Final-Recipient: rfc822; old@example.net\nAction: failed\nStatus: 5.1.6\n"
                + "Diagnostic-Code: smtp; 551 5.1.6 User not local; please try <new@example.org>\n");
        BouncedRecipient r = ((Bounce) PARSER.parse(dsn.getBytes(StandardCharsets.US_ASCII))).recipients().get(0);
        assertThat(r.forwardPath()).contains("new@example.org");
        assertThat(r.reason()).isEqualTo(Reason.MOVED);
    }

    @Test
    void globalDeliveryStatusReadsUtf8Addresses() {
        String dsn = report("Final-Recipient: utf-8; пользователь@пример.рф\nAction: failed\nStatus: 5.1.1\n")
                .replace("message/delivery-status", "message/global-delivery-status");
        Bounce bounce = (Bounce) PARSER.parse(dsn.getBytes(StandardCharsets.UTF_8));
        assertThat(bounce.format()).isEqualTo(Format.GLOBAL_DELIVERY_STATUS);
        assertThat(bounce.recipients().get(0).finalRecipient()).isEqualTo("пользователь@пример.рф");
    }

    @Test
    void lfCrlfAndBareCrLineEndingsGiveTheSameResult() {
        String lf = new String(Corpus.bytes("lhost-postfix-04.eml"), StandardCharsets.ISO_8859_1)
                .replace("\r\n", "\n");
        ParsedMail fromLf = PARSER.parse(lf.getBytes(StandardCharsets.ISO_8859_1));
        ParsedMail fromCrlf = PARSER.parse(lf.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        ParsedMail fromCr = PARSER.parse(lf.replace("\n", "\r").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(fromCrlf).isEqualTo(fromLf);
        assertThat(fromCr).isEqualTo(fromLf);
    }

    @Test
    void streamAndMimeMessageGiveWhatTheBytesGive() throws Exception {
        byte[] mail = Corpus.bytes("lhost-postfix-04.eml");
        ParsedMail fromBytes = PARSER.parse(mail);
        assertThat(PARSER.parse(new ByteArrayInputStream(mail))).isEqualTo(fromBytes);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail));
        assertThat(((Bounce) PARSER.parse(message)).recipients()).isEqualTo(((Bounce) fromBytes).recipients());
    }

    @Test
    void truncatedReportStillGivesTheRecipientsItHas() {
        String dsn = report("Final-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.2.2\n\n"
                + "Final-Recipient: rfc822; b@example.net\nAct");
        Bounce bounce = (Bounce) PARSER.parse(dsn.substring(0, dsn.indexOf("--B--", 200)).getBytes(StandardCharsets.US_ASCII));
        assertThat(bounce.recipients()).extracting(BouncedRecipient::finalRecipient).contains("a@example.net");
    }

    @Test
    void aFailingStreamIsTheOnlyExceptionAndReachesTheCaller() {
        java.io.InputStream broken = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("disk gone");
            }
        };
        org.assertj.core.api.Assertions.assertThatIOException().isThrownBy(() -> PARSER.parse(broken))
                .withMessage("disk gone");
    }

    @Test
    void maxBytesBelowOneKibibyteIsRejected() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> BounceParser.builder().maxBytes(10)).withMessage("maxBytes must be >= 1024: 10");
        assertThat(BounceParser.builder().maxBytes(4096).build().toBuilder().build().maxBytes()).isEqualTo(4096);
    }

    @Test
    void everyParsedMailVariantIsOneOfTheFour() {
        assertThat(ParsedMail.class.getPermittedSubclasses()).extracting(Class::getSimpleName)
                .containsExactlyInAnyOrder("Bounce", "Complaint", "AutoReply", "NotABounce");
    }

    /** A minimal RFC 3464 report around the given per-recipient fields. */
    static String report(String recipientFields) {
        return "From: MAILER-DAEMON@example.com\nTo: sender@example.com\nSubject: Delivery Status Notification\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
                + "--B\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n"
                + "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\n"
                + recipientFields + "\n--B--\n";
    }
}
