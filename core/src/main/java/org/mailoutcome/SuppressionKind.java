package org.mailoutcome;

/**
 * Why an address is on a suppression list: the kind of evidence that put it there. It decides how long the entry
 * lasts by default (see the tracking module's {@code SuppressionPolicy}).
 */
public enum SuppressionKind {
    /** A permanent refusal about the mailbox itself: user unknown, host unknown, mailbox disabled. */
    HARD_BOUNCE,
    /** Repeated temporary trouble with the mailbox (full, expired in a queue), counted over a window. */
    SOFT_BOUNCES,
    /** The recipient reported a message as spam or abuse (an RFC 5965 feedback report). */
    COMPLAINT,
    /** Added by hand (an operator, an unsubscribe, an import). */
    MANUAL,
    /** An email service provider reported the address on its own suppression list, or invalid, and did not send. */
    PROVIDER
}
