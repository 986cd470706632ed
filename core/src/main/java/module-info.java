/**
 * mail-outcome core: parses SMTP replies (multi-line, RFC 3463 enhanced status codes) and maps each to a typed
 * {@link org.mailoutcome.DeliveryOutcome}. No runtime dependencies.
 */
module org.mailoutcome {
    exports org.mailoutcome;
}
