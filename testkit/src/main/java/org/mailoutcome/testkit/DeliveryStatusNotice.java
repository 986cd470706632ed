package org.mailoutcome.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A real-looking RFC 3464 delivery status notification, laid out the way Postfix writes its bounces
 * ({@code multipart/report; report-type=delivery-status}: a human-readable part, a {@code message/delivery-status}
 * part and the returned message's headers), for tests of bounce handling.
 *
 * <pre>{@code
 * byte[] bounce = DeliveryStatusNotice.builder("mx.example.test")
 *         .to("sender@client.test").envelopeId("abc123").returnedMessageId("<m1@client.test>")
 *         .recipient("gone@example.test", "failed", "5.1.1", "smtp; 550 5.1.1 <gone@example.test>: User unknown")
 *         .build().bytes();
 * }</pre>
 *
 * @param text the whole notice, lines ending in CRLF
 */
public record DeliveryStatusNotice(String text) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * Checks the component.
     *
     * @param text the notice
     */
    public DeliveryStatusNotice {
        Objects.requireNonNull(text, "text");
    }

    /**
     * A builder for a notice written by this reporting server.
     *
     * @param reportingMta the host name of the server that writes the notice
     * @return the builder
     */
    public static Builder builder(String reportingMta) {
        return new Builder(reportingMta);
    }

    /**
     * The notice as bytes, e.g. to deliver it to a mailbox.
     *
     * @return the UTF-8 bytes of {@link #text()}
     */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Options of a {@link DeliveryStatusNotice}. */
    public static final class Builder {
        private final String reportingMta;
        private String to = "sender@client.test";
        private Optional<String> envelopeId = Optional.empty();
        private Optional<String> returnedMessageId = Optional.empty();
        private String messageId;
        private Instant date = Instant.parse("2026-12-02T10:00:00Z");
        private final List<String> recipients = new ArrayList<>();

        private Builder(String reportingMta) {
            this.reportingMta = Objects.requireNonNull(reportingMta, "reportingMta");
            this.messageId = "<" + System.nanoTime() + ".notice@" + reportingMta + ">";
        }

        /**
         * The notice's {@code To}: the envelope sender of the returned message; default {@code sender@client.test}.
         *
         * @param address the address
         * @return this builder
         */
        public Builder to(String address) {
            this.to = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * The {@code Original-Envelope-Id} (the ENVID the sender gave); default none.
         *
         * @param envid the ENVID
         * @return this builder
         */
        public Builder envelopeId(String envid) {
            this.envelopeId = Optional.of(Objects.requireNonNull(envid, "envid"));
            return this;
        }

        /**
         * The Message-ID in the returned headers; default none.
         *
         * @param id the Message-ID with its angle brackets
         * @return this builder
         */
        public Builder returnedMessageId(String id) {
            this.returnedMessageId = Optional.of(Objects.requireNonNull(id, "id"));
            return this;
        }

        /**
         * The notice's own Message-ID; default a fresh one.
         *
         * @param id the Message-ID with its angle brackets
         * @return this builder
         */
        public Builder messageId(String id) {
            this.messageId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * The notice's Date; default 2026-12-02T10:00:00Z.
         *
         * @param date the date
         * @return this builder
         */
        public Builder date(Instant date) {
            this.date = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * One recipient's entry.
         *
         * @param finalRecipient the address (Final-Recipient and Original-Recipient)
         * @param action {@code failed}, {@code delayed}, {@code delivered}, {@code relayed} or {@code expanded}
         * @param status the enhanced status, e.g. {@code 5.1.1}
         * @param diagnostic the Diagnostic-Code with its type, e.g. {@code "smtp; 550 5.1.1 User unknown"}
         * @return this builder
         */
        public Builder recipient(String finalRecipient, String action, String status, String diagnostic) {
            recipients.add("Final-Recipient: rfc822; " + finalRecipient + "\r\nOriginal-Recipient: rfc822;"
                    + finalRecipient + "\r\nAction: " + action + "\r\nStatus: " + status + "\r\nDiagnostic-Code: "
                    + diagnostic + "\r\n");
            return this;
        }

        /**
         * Builds the notice.
         *
         * @return the notice
         * @throws IllegalStateException when no recipient was added
         */
        public DeliveryStatusNotice build() {
            if (recipients.isEmpty()) throw new IllegalStateException("a notice needs at least one recipient");
            String boundary = "report." + Integer.toHexString(messageId.hashCode()) + "/" + reportingMta;
            StringBuilder out = new StringBuilder();
            out.append("Return-Path: <>\r\nDate: ").append(DATE.format(date)).append("\r\nFrom: MAILER-DAEMON@")
                    .append(reportingMta).append(" (Mail Delivery System)\r\nSubject: Undelivered Mail Returned to")
                    .append(" Sender\r\nTo: ").append(to).append("\r\nAuto-Submitted: auto-replied\r\n")
                    .append("MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status;\r\n")
                    .append("\tboundary=\"").append(boundary).append("\"\r\nMessage-Id: ").append(messageId)
                    .append("\r\n\r\nThis is a MIME-encapsulated message.\r\n\r\n--").append(boundary)
                    .append("\r\nContent-Description: Notification\r\nContent-Type: text/plain; charset=us-ascii")
                    .append("\r\n\r\nThis is the mail system at host ").append(reportingMta).append(".\r\n\r\n")
                    .append("I'm sorry to have to inform you that your message could not\r\nbe delivered to one")
                    .append(" or more recipients.\r\n\r\n--").append(boundary)
                    .append("\r\nContent-Description: Delivery report\r\nContent-Type: message/delivery-status")
                    .append("\r\n\r\nReporting-MTA: dns; ").append(reportingMta).append("\r\n");
            envelopeId.ifPresent(e -> out.append("Original-Envelope-Id: ").append(e).append("\r\n"));
            out.append("Arrival-Date: ").append(DATE.format(date)).append("\r\n");
            for (String r : recipients) out.append("\r\n").append(r);
            out.append("\r\n--").append(boundary).append("\r\nContent-Description: Undelivered Message Headers\r\n")
                    .append("Content-Type: text/rfc822-headers\r\n\r\n");
            returnedMessageId.ifPresent(id -> out.append("Message-ID: ").append(id).append("\r\n"));
            out.append("From: ").append(to).append("\r\nSubject: returned\r\n\r\n--").append(boundary).append("--\r\n");
            return new DeliveryStatusNotice(out.toString());
        }
    }
}
