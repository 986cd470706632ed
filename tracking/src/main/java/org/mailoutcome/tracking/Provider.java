package org.mailoutcome.tracking;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An email service provider that relays the mail and reports each recipient's fate by webhook (read by the
 * {@code mail-outcome-providers} module), and how a send is marked so that those reports find it again: the
 * provider's metadata header carrying the send's {@link SentMessage#id()} under {@value #TRACKING_KEY}. The header
 * names and formats live here and nowhere else.
 *
 * <table>
 * <caption>The correlation header of each provider</caption>
 * <tr><th>provider</th><th>header</th><th>comes back in the event as</th></tr>
 * <tr><td>SES</td><td>{@code X-SES-MESSAGE-TAGS: mail-outcome-id=ID}</td><td>{@code mail.tags} (event
 *     publishing with a configuration set); SES's own id, from its {@code 250 Ok ID} reply, is the queue id</td></tr>
 * <tr><td>SendGrid</td><td>{@code X-SMTPAPI: {"unique_args":{"mail-outcome-id":"ID"}}}</td>
 *     <td>a top-level key</td></tr>
 * <tr><td>Mailgun</td><td>{@code X-Mailgun-Variables: {"mail-outcome-id":"ID"}}</td><td>{@code user-variables}</td></tr>
 * <tr><td>Postmark</td><td>{@code X-PM-Metadata-mail-outcome-id: ID}</td><td>{@code Metadata}</td></tr>
 * <tr><td>SparkPost</td><td>{@code X-MSYS-API: {"metadata":{"mail-outcome-id":"ID"}}}</td><td>{@code rcpt_meta}</td></tr>
 * <tr><td>Mailjet</td><td>{@code X-MJ-CustomID: ID}</td><td>{@code CustomID}</td></tr>
 * </table>
 */
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

    /** The metadata key under which a send's id travels (Mailjet has one unnamed value, its {@code CustomID}). */
    public static final String TRACKING_KEY = "mail-outcome-id";

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    /**
     * A header field to add to a message.
     *
     * @param name the field name
     * @param value the field value
     */
    public record Header(String name, String value) {
        /**
         * Checks the components.
         *
         * @param name the name
         * @param value the value
         */
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The name of the header that carries a send's id to this provider.
     *
     * @return e.g. {@code "X-SMTPAPI"}
     */
    public String headerName() {
        return switch (this) {
            case SES -> "X-SES-MESSAGE-TAGS";
            case SENDGRID -> "X-SMTPAPI";
            case MAILGUN -> "X-Mailgun-Variables";
            case POSTMARK -> "X-PM-Metadata-" + TRACKING_KEY;
            case SPARKPOST -> "X-MSYS-API";
            case MAILJET -> "X-MJ-CustomID";
        };
    }

    /**
     * The header that carries a send's id to this provider, to come back in its events.
     *
     * @param sendId the send's id ({@link SentMessage#checkId}: letters and digits, so no quoting is needed)
     * @return the header
     * @throws IllegalArgumentException when {@code sendId} is not a send id
     */
    public Header header(String sendId) {
        String v = SentMessage.checkId(sendId);
        String json = "\"" + TRACKING_KEY + "\":\"" + v + "\"";
        return new Header(headerName(), switch (this) {
            case SES -> TRACKING_KEY + "=" + v;
            case SENDGRID -> "{\"unique_args\":{" + json + "}}";
            case MAILGUN -> "{" + json + "}";
            case SPARKPOST -> "{\"metadata\":{" + json + "}}";
            case POSTMARK, MAILJET -> v;
        });
    }

    /**
     * The send id an event's correlation metadata carries back, as {@link #header} put it.
     *
     * @param metadata the event's metadata (the providers module's {@code Correlation.metadata()})
     * @return the id, or empty when absent or not shaped like a send id
     */
    public Optional<String> trackingId(Map<String, String> metadata) {
        String v = metadata.get(this == MAILJET ? "CustomID" : TRACKING_KEY);
        return v == null ? Optional.empty() : asId(v.strip());
    }

    /**
     * The send id in a header field of a returned message (the headers a bounce mail quotes), if the field is this
     * provider's correlation header and carries one.
     *
     * @param name the field name, any case
     * @param value the field value
     * @return the id, or empty
     */
    public Optional<String> trackingId(String name, String value) {
        Objects.requireNonNull(value, "value");
        if (!headerName().equalsIgnoreCase(name.strip())) return Optional.empty();
        return switch (this) {
            case POSTMARK, MAILJET -> asId(value.strip());
            case SES -> tagValue(value);
            case SENDGRID, MAILGUN, SPARKPOST -> jsonValue(value);
        };
    }

    /** {@code name=value} pairs separated by commas. */
    private static Optional<String> tagValue(String value) {
        for (String pair : value.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(TRACKING_KEY)) return asId(pair.substring(eq + 1).strip());
        }
        return Optional.empty();
    }

    /** The string after {@code "mail-outcome-id"} and a colon, in JSON as {@link #header} writes it (spaces allowed). */
    private static Optional<String> jsonValue(String value) {
        String key = "\"" + TRACKING_KEY + "\"";
        int at = value.indexOf(key);
        if (at < 0) return Optional.empty();
        String rest = value.substring(at + key.length()).stripLeading();
        if (!rest.startsWith(":")) return Optional.empty();
        rest = rest.substring(1).stripLeading();
        int close = rest.indexOf('"', 1);
        return rest.startsWith("\"") && close > 0 ? asId(rest.substring(1, close)) : Optional.empty();
    }

    private static Optional<String> asId(String v) {
        try {
            return Optional.of(SentMessage.checkId(v));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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

    /**
     * The provider whose documented SMTP relay this host is, or empty: {@code email-smtp.REGION.amazonaws.com} (also
     * {@code email-smtp-fips.}) for SES, {@code smtp.sendgrid.net}, {@code smtp.mailgun.org} and
     * {@code smtp.eu.mailgun.org}, {@code smtp.postmarkapp.com} and {@code smtp-broadcasts.postmarkapp.com},
     * {@code smtp.sparkpostmail.com} and {@code smtp.eu.sparkpostmail.com}, {@code in-v3.mailjet.com} and
     * {@code in.mailjet.com}. Case is ignored, and a final dot; any other host, an address or a look-alike
     * ({@code smtp.sendgrid.net.example.com}) gives empty.
     *
     * @param host the SMTP host a session names ({@code mail.smtp.host}); {@code null} gives empty
     * @return the provider, or empty
     */
    public static Optional<Provider> ofSmtpHost(String host) {
        if (host == null) return Optional.empty();
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return switch (h) {
            case "smtp.sendgrid.net" -> Optional.of(SENDGRID);
            case "smtp.mailgun.org", "smtp.eu.mailgun.org" -> Optional.of(MAILGUN);
            case "smtp.postmarkapp.com", "smtp-broadcasts.postmarkapp.com" -> Optional.of(POSTMARK);
            case "smtp.sparkpostmail.com", "smtp.eu.sparkpostmail.com" -> Optional.of(SPARKPOST);
            case "in-v3.mailjet.com", "in.mailjet.com" -> Optional.of(MAILJET);
            default -> h.matches("email-smtp(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com") ? Optional.of(SES)
                    : Optional.empty();
        };
    }
}
