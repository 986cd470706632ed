package org.mailoutcome.bounce;

/** The format, or the family of mail systems, whose mail the parser recognised. */
public enum Format {
    /** RFC 3464 / RFC 6522: {@code multipart/report; report-type=delivery-status}, {@code message/delivery-status}. */
    DELIVERY_STATUS,
    /** RFC 6533: {@code message/global-delivery-status}, UTF-8 addresses and texts. */
    GLOBAL_DELIVERY_STATUS,
    /** RFC 5965 Abuse Reporting Format: {@code multipart/report; report-type=feedback-report}. */
    FEEDBACK_REPORT,
    /**
     * RFC 3834 auto-replies and vacation notices ({@code Auto-Submitted}, {@code X-Autoreply}...), and
     * challenge-response requests to confirm the sender.
     */
    AUTO_REPLY,
    /** Exim's plain-text bounce with {@code X-Failed-Recipients}. */
    EXIM,
    /** qmail's plain-text bounce ("Hi. This is the qmail-send program"). */
    QMAIL,
    /** A plain-text bounce of another family: older Sendmail forms, providers' texts, list servers. */
    TEXT,
    /** Not recognised as any of the above (only in {@link NotABounce}). */
    NONE
}
