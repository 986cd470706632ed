package org.mailoutcome;

/** The coarse meaning of an outcome, from the first digit of the SMTP reply code (RFC 5321 section 4.2.1). */
public enum Disposition {
    /** 2yz: the server took responsibility for this step (for a recipient: it will deliver or forward). */
    SUCCESS,
    /** 4yz, or a lost connection: nothing was accepted, the same request may succeed later. */
    TRANSIENT,
    /** 5yz, or a reply that makes no sense: repeating the same request will fail the same way. */
    PERMANENT
}
