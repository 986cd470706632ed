package org.mailoutcome.providers;

/**
 * Why a request was refused as not authentic: nothing in it was read or changed anything. The coarse HTTP
 * status to answer with is {@link ParseResult#httpStatus()}.
 */
public enum Refusal {
    /** No verification is configured for this provider: configure one, or {@code Verification.none()}. */
    NOT_CONFIGURED,
    /** The request carries no signature or credentials where the provider puts them. */
    MISSING_CREDENTIALS,
    /** The signature does not verify, or the credentials are wrong: a forged or altered request. */
    FORGED,
    /** The signed time is outside the accepted window (too old, or too far ahead). */
    STALE,
    /** This signed request (its token, message id or signature) was already accepted once. */
    REPLAYED,
    /** SNS: the signing certificate URL is not an HTTPS URL of an SNS host, or the certificate is expired, not
     * for signing, or (with trust anchors configured) does not chain to one of them. */
    UNTRUSTED_CERTIFICATE,
    /** SNS: the signing certificate could not be fetched just now; SNS delivers again later. */
    CERTIFICATE_UNAVAILABLE,
    /** SNS: a genuine SNS message, but from a topic that is not configured (anybody can make a topic). */
    UNEXPECTED_TOPIC
}
