package org.mailoutcome.bounce;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 5965 feedback report (ARF): a recipient, or their provider, reported the message as abuse. Not a
 * bounce: the message was delivered.
 *
 * @param format {@link Format#FEEDBACK_REPORT}
 * @param headers the header of the report itself
 * @param feedbackType the {@code Feedback-Type}, lower case ({@code abuse}, {@code fraud}, {@code virus},
 *     {@code not-spam}, {@code other}...); {@code abuse} where the report states none
 * @param recipients the reported recipients ({@code Original-Rcpt-To}, else the returned message's {@code To})
 * @param originalMailFrom the envelope sender of the reported message ({@code Original-Mail-From}), if stated
 * @param messageId the Message-ID of the reported message, if returned
 * @param returnedHeaders the header of the reported message, empty if none was returned
 * @param userAgent the software that wrote the report ({@code User-Agent}), if stated
 * @param sourceIp the address the reported message came from ({@code Source-IP}), if stated
 * @param arrivalDate when the reported message arrived ({@code Arrival-Date} or {@code Received-Date}), if valid
 */
public record Complaint(Format format, Headers headers, String feedbackType, List<String> recipients,
        Optional<String> originalMailFrom, Optional<String> messageId, Headers returnedHeaders,
        Optional<String> userAgent, Optional<String> sourceIp, Optional<Instant> arrivalDate) implements ParsedMail {

    /**
     * Checks and copies the components.
     *
     * @param format the format
     * @param headers the report's header
     * @param feedbackType the feedback type
     * @param recipients the reported recipients
     * @param originalMailFrom the original envelope sender, if stated
     * @param messageId the reported message's Message-ID, if returned
     * @param returnedHeaders the reported message's header
     * @param userAgent the reporting software, if stated
     * @param sourceIp the source address, if stated
     * @param arrivalDate the arrival date, if stated
     */
    public Complaint {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(feedbackType, "feedbackType");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(originalMailFrom, "originalMailFrom");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(returnedHeaders, "returnedHeaders");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(arrivalDate, "arrivalDate");
    }
}
