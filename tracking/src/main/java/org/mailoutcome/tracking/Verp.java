package org.mailoutcome.tracking;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A VERP envelope sender scheme: each send goes out from {@code LOCALPART+TOKEN@DOMAIN}, so a bounce addressed
 * back to it names the send in its envelope recipient even when the bounce itself names nothing. The mailer forms
 * the sender with {@link #sender(String)}; the bounce tracker finds the send by the token in any
 * {@code local+TOKEN@domain} address a notice was sent to, so it needs no VERP settings of its own. Route
 * {@code LOCALPART+*@DOMAIN} to your bounce mailbox (Postfix: a {@code virtual_alias_maps} regexp, or
 * {@code recipient_delimiter = +}).
 *
 * @param domain the domain of the envelope sender, e.g. {@code "bounces.example.com"}
 * @param localPart the local part before {@code +}, e.g. {@code "bounces"}
 */
public record Verp(String domain, String localPart) {
    /** The default local part. */
    public static final String DEFAULT_LOCAL_PART = "bounces";

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9._-]{1,30}");

    /**
     * Checks the components.
     *
     * @param domain the domain
     * @param localPart the local part
     * @throws IllegalArgumentException when the domain is not a domain name, or the local part not 1 to 30
     *     letters, digits, dots, dashes or underscores
     */
    public Verp {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(localPart, "localPart");
        if (!DOMAIN.matcher(domain).matches()) throw new IllegalArgumentException("not a domain name: " + domain);
        if (!LOCAL_PART.matcher(localPart).matches()) {
            throw new IllegalArgumentException("not a plain local part: " + localPart);
        }
    }

    /**
     * VERP on this domain with the {@linkplain #DEFAULT_LOCAL_PART default local part}.
     *
     * @param domain the domain
     * @return the scheme
     */
    public static Verp on(String domain) {
        return new Verp(domain, DEFAULT_LOCAL_PART);
    }

    /**
     * The envelope sender of a send.
     *
     * @param token the send's id ({@link SentMessage#checkId(String) letters and digits})
     * @return {@code localPart+token@domain}
     * @throws IllegalArgumentException when the token is not a send id
     */
    public String sender(String token) {
        return localPart + "+" + SentMessage.checkId(token) + "@" + domain;
    }
}
