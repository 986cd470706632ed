package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivedMessageTest {

    private static final SmtpSession SESSION = new SmtpSession(1, List.of(), List.of(), List.of(), false, false, true);
    private static final String DATA = "From: a@example.test\r\nTo: b@example.test\r\nSubject: hi\r\n\r\nbody\r\n";

    private static ReceivedMessage message(byte[] bytes) {
        return new ReceivedMessage("0A1B2C3D4E5", "a@example.test", List.of("b@example.test"), bytes, false, SESSION);
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] bytes = DATA.getBytes(StandardCharsets.US_ASCII);
        ReceivedMessage message = message(bytes);
        bytes[0] = 'X';
        message.bytes()[1] = 'X';
        assertThat(message.text()).isEqualTo(DATA);
    }

    @Test
    void recipientsAreCopied() {
        List<String> recipients = new ArrayList<>(List.of("b@example.test"));
        ReceivedMessage message = new ReceivedMessage("1", "", recipients, new byte[0], true, SESSION);
        recipients.add("c@example.test");
        assertThat(message.envelopeRecipients()).containsExactly("b@example.test");
        assertThatThrownBy(() -> message.envelopeRecipients().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mimeMessageIsParsedFromTheData() throws MessagingException, IOException {
        MimeMessage mime = message(DATA.getBytes(StandardCharsets.US_ASCII)).mimeMessage();
        assertThat(mime.getSubject()).isEqualTo("hi");
        assertThat(mime.getContent()).isEqualTo("body\r\n");
    }

    @Test
    void equalityComparesBytesByContent() {
        assertThat(message(DATA.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(message(DATA.getBytes(StandardCharsets.US_ASCII)))
                .hasSameHashCodeAs(message(DATA.getBytes(StandardCharsets.US_ASCII)))
                .isNotEqualTo(message("other".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void toStringShowsTheEnvelopeAndSizeNotTheData() {
        assertThat(message(DATA.getBytes(StandardCharsets.US_ASCII)).toString())
                .isEqualTo("ReceivedMessage[id=0A1B2C3D4E5, from=<a@example.test>, to=[b@example.test], "
                        + DATA.length() + " bytes]");
    }
}
