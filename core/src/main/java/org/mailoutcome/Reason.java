package org.mailoutcome;

/**
 * Why a reply came back the way it did: a finer axis than the {@link Disposition} and independent of the
 * outcome record. Derived from the RFC 3463 enhanced status code first and from the reply text second;
 * the precedence is documented on {@link DeliveryOutcome#classify(Stage, SmtpReply)}.
 */
public enum Reason {
    /** Nothing went wrong (2yz replies). */
    NONE,
    /** The mailbox does not exist (X.1.1, "user unknown", "no such user"). */
    USER_UNKNOWN,
    /** The recipient has moved; a forward path may be known (X.1.6, 251, 551). */
    MOVED,
    /** The recipient's mailbox is over quota (X.2.2). */
    MAILBOX_FULL,
    /** The message is larger than the server or mailbox accepts (X.3.4, X.2.3). */
    MESSAGE_TOO_BIG,
    /** Too many recipients in one transaction (X.5.3); send the rest in a new transaction. */
    TOO_MANY_RECIPIENTS,
    /** Greylisting: a deliberate temporary refusal that a later retry passes. */
    GREYLISTED,
    /** The sender is sending too fast or too much (X.7.28 and rate-limit texts). */
    RATE_LIMITED,
    /** The server will not relay to this destination for this client (X.7.1 "relay access denied"). */
    RELAY_DENIED,
    /** Authentication is required or failed (X.7.0 530, X.7.8, X.7.26 style codes, 535). */
    AUTH_REQUIRED,
    /** Refused by policy: blocklists, spam or content filters, reputation, DMARC/SPF/DKIM. */
    POLICY,
    /** The command or an address in it is syntactically wrong (X.5.2, X.1.3, 500/501). */
    SYNTAX,
    /** A fault in the receiving system: configuration, storage, internal error (X.3.0, X.3.5). */
    SYSTEM,
    /** A network or routing problem: connection lost, timeout, host unknown (X.4.y). */
    NETWORK,
    /** No finer reason could be derived. */
    UNKNOWN
}
