package org.mailoutcome;

/**
 * Why a reply came back the way it did: a finer axis than the {@link Disposition} and independent of the
 * outcome record ({@link DeliveryOutcome#reason()}).
 *
 * <p>Derived in this order, first match wins: 2yz and 3yz replies give {@link #NONE} (251 gives {@link #MOVED});
 * the AUTH replies 530, 534, 535 and 538 give {@link #AUTH_REQUIRED}; a precise RFC 3463 enhanced status code
 * decides (X.1.1 {@link #USER_UNKNOWN}, X.2.2 {@link #MAILBOX_FULL}...); then phrases of the reply text refine
 * the generic codes (X.0.0, X.7.1, X.7.0, X.3.0, X.5.0, unregistered details); then the subject of the enhanced
 * code gives its default (X.7.Z {@link #POLICY}, X.4.Z {@link #NETWORK}...); and without an enhanced code, the
 * basic code and the text decide. The full tables, and how the result compares with the Sisimai bounce
 * classifier, are in {@code docs/reasons.md}.
 */
public enum Reason {
    /** Nothing went wrong (2yz and 3yz replies). */
    NONE,
    /** The mailbox does not exist (X.1.1, X.1.10 from Exchange Online, "user unknown", "no such user"). */
    USER_UNKNOWN,
    /** The recipient has moved; a forward path may be known (X.1.6, 251, 551). */
    MOVED,
    /**
     * The mailbox exists but is disabled or suspended and takes no mail for now (X.2.1, "account disabled",
     * "mailbox suspended"); Sisimai's {@code suspend}.
     */
    MAILBOX_DISABLED,
    /** The recipient's mailbox is over quota (X.2.2, "mailbox full", "over quota"). */
    MAILBOX_FULL,
    /** The message is larger than the server or mailbox accepts (X.3.4, X.2.3, X.7.16). */
    MESSAGE_TOO_BIG,
    /** Too many recipients in one transaction (X.5.3); send the rest in a new transaction. */
    TOO_MANY_RECIPIENTS,
    /** Greylisting: a deliberate temporary refusal that a later retry passes. */
    GREYLISTED,
    /** The sender is sending too fast or too much (X.7.28, "rate limited", "too many connections"). */
    RATE_LIMITED,
    /** The server will not relay to this destination for this client (X.7.1 "relay access denied"). */
    RELAY_DENIED,
    /**
     * SMTP authentication, or TLS before it, is required or failed: the client should authenticate
     * (530, 535, X.7.8, X.7.10 to X.7.14). Sender-domain authentication failures (SPF, DKIM, DMARC, X.7.23 to
     * X.7.26) are {@link #POLICY}.
     */
    AUTH_REQUIRED,
    /**
     * Refused by policy: blocklists, spam, virus or content filters, reputation, reverse DNS, the sender's
     * address or domain, SPF/DKIM/DMARC (X.7.1, X.7.20 to X.7.27, X.6.Z, X.1.8).
     */
    POLICY,
    /** The command or an address in it is syntactically wrong (X.5.2, X.1.3, 500/501). */
    SYNTAX,
    /** A fault in the receiving system: configuration, storage, internal error (X.3.0, X.3.5, 451). */
    SYSTEM,
    /**
     * The recipient's domain or mail host does not exist or has no address (X.1.2, "host unknown", "domain not
     * found"); Sisimai's {@code hostunknown}.
     */
    HOST_UNKNOWN,
    /** A network or routing problem: connection lost, timeout, no route, a host that takes no mail (X.4.Z). */
    NETWORK,
    /**
     * The message stayed in a queue until its lifetime ran out (X.4.7, "message expired"): what a bounce says when
     * a server gave up retrying; Sisimai's {@code expired}.
     */
    EXPIRED,
    /** No finer reason could be derived. */
    UNKNOWN
}
