package org.mailoutcome.providers;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The email service providers whose event webhooks this module reads. */
public enum Provider {
    /** Amazon SES, its events delivered by Amazon SNS to an HTTPS subscription. */
    SES("ses"),
    /** Twilio SendGrid's Event Webhook. */
    SENDGRID("sendgrid"),
    /** Mailgun's webhooks (JSON). */
    MAILGUN("mailgun"),
    /** Postmark's webhooks (bounce, delivery, spam complaint, open, click, subscription change). */
    POSTMARK("postmark"),
    /** SparkPost's event webhooks ({@code msys} batches). */
    SPARKPOST("sparkpost"),
    /** Mailjet's event API (event callback URL). */
    MAILJET("mailjet");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    /**
     * The short lower-case name, as used in configuration and on the command line: {@code "ses"},
     * {@code "sendgrid"}, {@code "mailgun"}, {@code "postmark"}, {@code "sparkpost"}, {@code "mailjet"}.
     *
     * @return the name
     */
    public String id() {
        return id;
    }

    /**
     * The provider of a short name, ignoring case.
     *
     * @param id a name such as {@code "sendgrid"}
     * @return the provider
     * @throws IllegalArgumentException naming the known names, for any other name
     */
    public static Provider parse(String id) {
        return tryParse(Objects.requireNonNull(id, "id")).orElseThrow(() -> new IllegalArgumentException(
                "not a provider: " + id + " (ses, sendgrid, mailgun, postmark, sparkpost, mailjet)"));
    }

    /**
     * The provider of a short name, ignoring case, or empty.
     *
     * @param id a name such as {@code "sendgrid"}; {@code null} gives empty
     * @return the provider, or empty for a name that is none of {@link #id()}
     */
    public static Optional<Provider> tryParse(String id) {
        if (id == null) return Optional.empty();
        String lower = id.toLowerCase(Locale.ROOT);
        for (Provider p : values()) {
            if (p.id.equals(lower)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
