package org.mailoutcome.bounce;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery status notification: a bounce, a delay notice or a success notice, with one entry per recipient.
 *
 * @param format the format that recognised it
 * @param headers the header of the notification itself
 * @param originalEnvelopeId the {@code Original-Envelope-Id} (RFC 3461 ENVID), if stated
 * @param messageId the Message-ID of the returned message (from its returned header or body), if returned
 * @param returnedHeaders the header of the returned message, empty if none was returned
 * @param reportingMta the server that wrote the notice ({@code Reporting-MTA}), without its type, if stated
 * @param arrivalDate when the reporting server received the message ({@code Arrival-Date}), if stated and valid
 * @param recipients the recipients the notice speaks for, at least one
 */
public record Bounce(Format format, Headers headers, Optional<String> originalEnvelopeId, Optional<String> messageId,
        Headers returnedHeaders, Optional<String> reportingMta, Optional<Instant> arrivalDate,
        List<BouncedRecipient> recipients) implements ParsedMail {

    /**
     * Checks and copies the components.
     *
     * @param format the format
     * @param headers the notification's header
     * @param originalEnvelopeId the ENVID, if stated
     * @param messageId the returned message's Message-ID, if returned
     * @param returnedHeaders the returned message's header
     * @param reportingMta the reporting MTA, if stated
     * @param arrivalDate the arrival date, if stated
     * @param recipients the recipients, at least one
     * @throws IllegalArgumentException if {@code recipients} is empty
     */
    public Bounce {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(originalEnvelopeId, "originalEnvelopeId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(returnedHeaders, "returnedHeaders");
        Objects.requireNonNull(reportingMta, "reportingMta");
        Objects.requireNonNull(arrivalDate, "arrivalDate");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) throw new IllegalArgumentException("recipients must not be empty");
    }
}
