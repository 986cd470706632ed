package org.mailoutcome.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailoutcome.Reason;
import org.mailoutcome.internal.ExplanationTable.Entry;

/**
 * The one place where each {@link Reason} is explained in words. The typical replies name the codes and enhanced
 * codes the reason usually comes with (the precedence that derives it is in {@code docs/reasons.md}).
 */
public final class ExplanationReasonTable {
    private static final Map<Reason, Entry> REASONS = new EnumMap<>(Reason.class);

    static {
        put(Reason.NONE, List.of("250 2.0.0", "252 2.1.5", "354"),
                "Nothing went wrong: the reply is a success or an expected intermediate reply.",
                "The reason of every 2yz and 3yz reply except 251 (which is MOVED): the server did what was asked, "
                        + "so there is no cause to report.",
                "Every command that worked: 250 to MAIL, to RCPT and to the end of data, 252 to VRFY, 354 to DATA.",
                "Nothing to do.");
        put(Reason.USER_UNKNOWN, List.of("550 5.1.1", "550 5.1.10"),
                "The mailbox does not exist at the receiving server.",
                "The recipient address is unknown: a typo, a person who left, or an address that never existed. "
                        + "Given by X.1.1 (and X.1.10 from Exchange Online) or by texts such as \"user unknown\", "
                        + "\"no such user\" and \"does not exist\".",
                "At RCPT or VRFY, from the recipient's own server (Postfix's \"User unknown in local recipient "
                        + "table\", Gmail's \"The email account that you tried to reach does not exist\").",
                "Do not retry. Check the address for typos; if it is right, remove it from your lists: repeated "
                        + "sends to unknown users hurt the sender's reputation.");
        put(Reason.MOVED, List.of("551 5.1.6", "550 5.1.6", "251 2.1.5"),
                "The recipient has moved; the reply may name the new address.",
                "The server knows the recipient no longer lives at this address: with 251 it forwards the message "
                        + "itself; with 551 or X.1.6 it refuses and leaves resending to the client. The forward "
                        + "path, when the reply names one, is on the outcome (forwardPath()).",
                "At RCPT for people who changed address: Postfix's relocated_maps, 551 access rules, Exim redirect "
                        + "routers, organisations that changed domain.",
                "Update your contact records to the forward path the reply names; after a 551, resend there "
                        + "(OutcomeMailer does it only with an enabled ForwardPolicy). Without a forward path, ask "
                        + "the recipient for the new address.");
        put(Reason.MAILBOX_FULL, List.of("452 4.2.2", "552 5.2.2"),
                "The recipient's mailbox is over quota.",
                "The mailbox exists but has no room left. With 452 (or 4.2.2) the server expects room to be made "
                        + "soon; with 552 (or 5.2.2) it refuses this message for good.",
                "At RCPT or after the end of data, for abandoned or overflowing mailboxes (\"Mailbox full\", "
                        + "\"over quota\").",
                "After a 4yz, retry later with backoff. After a 5yz, do not retry automatically: tell the "
                        + "recipient another way that the mailbox is full.");
        put(Reason.MESSAGE_TOO_BIG, List.of("552 5.3.4", "552 5.2.3"),
                "The message is larger than the server or the mailbox accepts.",
                "A size limit was hit: the server's message size limit (X.3.4), the mailbox's administrative limit "
                        + "(X.2.3), or the limit for the message's priority (X.7.16). The same message is refused "
                        + "again.",
                "At MAIL when the SIZE parameter is over the limit the server advertised in EHLO (Postfix's \"552 "
                        + "5.3.4 Message size exceeds fixed limit\"), or after the end of data.",
                "Send a smaller message: compress or remove attachments, or link to large files instead. The "
                        + "server's limit is the SIZE value in its EHLO reply.");
        put(Reason.TOO_MANY_RECIPIENTS, List.of("452 4.5.3", "552 5.5.3"),
                "The transaction already has as many recipients as the server accepts; the rest must go in a new "
                        + "one.",
                "A per-transaction recipient limit (X.5.3). RFC 5321 section 4.5.3.1.10 says the recipients "
                        + "accepted so far stay accepted and the others are sent in another transaction; servers "
                        + "that answer 552 for this are read as if they had answered 452.",
                "At RCPT, past the server's limit (Postfix's smtpd_recipient_limit; large providers have limits "
                        + "too).",
                "Send the remaining recipients in a new transaction. OutcomeMailer does this on its own, until "
                        + "every recipient has a final outcome.");
        put(Reason.GREYLISTED, List.of("451 4.7.1", "450 4.7.1"),
                "Greylisting: a deliberate temporary refusal that a later retry passes.",
                "The server refuses the first attempt from a sender, client and recipient it has not seen "
                        + "together before, on purpose, because spam software rarely retries. A retry after the "
                        + "greylisting delay (often 1 to 5 minutes, sometimes more) is accepted.",
                "At RCPT, with 451 or 450 and text such as \"Greylisted, please try again later\" (Postgrey, "
                        + "rspamd, many small and mid-size sites).",
                "Retry after a few minutes, from the same client address and with the same sender "
                        + "(RetryPolicy.greylisting() waits 6, 12 and 24 minutes). Nothing is wrong on your side.");
        put(Reason.RATE_LIMITED, List.of("421 4.7.28", "421 4.7.0", "450 4.7.1"),
                "The sender is sending too fast or too much.",
                "The receiving server throttles the client, the sender or the sending domain: too many messages, "
                        + "recipients or connections in a period, or a flood detected (X.7.28).",
                "At connection, MAIL or RCPT, from large providers during bulk sends or after the sender's "
                        + "reputation dropped (\"rate limited\", \"too many connections\", \"unusual rate\").",
                "Slow down: retry later with longer backoff, send fewer messages per connection and open fewer "
                        + "connections at once. If it lasts, check the sender's reputation and authentication.");
        put(Reason.RELAY_DENIED, List.of("554 5.7.1", "550 5.7.1"),
                "The server will not relay to this destination for this client.",
                "The server is not the destination of the recipient's domain and does not let this client relay "
                        + "through it: the client is neither on a trusted network nor authenticated.",
                "At RCPT, sending to an outside domain through a server without logging in (Postfix's \"554 5.7.1 "
                        + "... Relay access denied\"), or sending to a server that is not an MX of the domain.",
                "Authenticate (AUTH over TLS, usually on the submission port 587) with an account allowed to "
                        + "relay, or send to the recipient domain's own MX.");
        put(Reason.AUTH_REQUIRED, List.of("530 5.7.0", "535 5.7.8"),
                "SMTP authentication, or TLS before it, is required or failed.",
                "The server wants the client to log in (530), found the credentials invalid (535, X.7.8), or "
                        + "needs encryption or another mechanism first (X.7.10 to X.7.14). Failures of the sender "
                        + "domain's authentication (SPF, DKIM, DMARC) are POLICY instead.",
                "On submission servers (ports 587 and 465): MAIL before AUTH gives \"530 5.7.0 Must issue a "
                        + "STARTTLS command first\" or \"Authentication required\"; a wrong password gives \"535 "
                        + "5.7.8 Error: authentication failed\".",
                "Use STARTTLS (or implicit TLS) and AUTH with valid credentials: check the user name, the password "
                        + "or app password, and whether the account may send by SMTP.");
        put(Reason.POLICY, List.of("550 5.7.1", "554 5.7.1", "550 5.7.26"),
                "Refused by policy: blocklists, spam or content filters, reputation, or sender authentication.",
                "The server decided not to take mail from this sender, client or content: a blocklisted address, "
                        + "missing reverse DNS, SPF, DKIM or DMARC failures (X.7.23 to X.7.26), spam or a virus "
                        + "found (X.6.Z, X.7.1), or a sender domain it refuses (X.1.8).",
                "At connection, MAIL, RCPT or after the end of data, from large providers and filtering gateways: "
                        + "\"blocked using zen.spamhaus.org\", \"Message not accepted for policy reasons\", "
                        + "\"Access denied\".",
                "Do not retry unchanged. Check blocklists for the sending address, publish and align SPF, DKIM and "
                        + "DMARC, fix the reverse DNS, review the content; then use the provider's delisting "
                        + "process or contact the receiving postmaster.");
        put(Reason.SYNTAX, List.of("500 5.5.2", "501 5.5.4", "553 5.1.3"),
                "The command or an address in it is syntactically wrong.",
                "The server could not parse what the client sent: an unknown command (500), bad arguments (501, "
                        + "X.5.2), a malformed recipient address (X.1.3, 553) or a malformed sender (X.1.7).",
                "Addresses without a domain (Postfix wants them fully qualified), stray blanks or quotes, commands "
                        + "or ESMTP parameters the server does not know.",
                "Fix the address or the command: look for typos, missing domains and bad quoting; compare the "
                        + "parameters sent with the extensions the server advertises in EHLO.");
        put(Reason.SYSTEM, List.of("451 4.3.0", "451 4.3.5", "452 4.3.1"),
                "A fault in the receiving system: configuration, storage or an internal error.",
                "Something is wrong on the server's side, not with the message or the address: a configuration "
                        + "error (X.3.5), a full disk (X.3.1), a failed lookup, an unspecified mail system problem "
                        + "(X.3.0). Usually transient.",
                "451 and 421 from misconfigured or overloaded servers (Postfix's \"451 4.3.5 Server configuration "
                        + "error\"); 452 when the queue disk is full.",
                "Retry later after a 4yz. If it persists, or after a 5yz, tell the receiving postmaster: only the "
                        + "server's operator can fix it.");
        put(Reason.NETWORK, List.of("421 4.4.2", "421 4.4.1", "521 5.3.2", "556 5.1.10"),
                "A network or routing problem: connection lost, timeout, or a host or domain that cannot be "
                        + "reached.",
                "The message could not travel on: the connection broke or timed out (ConnectionLost), the next "
                        + "hop did not answer (X.4.1), routing failed or looped (X.4.4, X.4.6), the destination "
                        + "system is bad (X.1.2), or the host or domain takes no mail at all (521, 556, null MX).",
                "Network outages, firewalls, slow servers, relays that cannot reach the next hop, domains with a "
                        + "null MX or without a mail server.",
                "Retry later when it is transient. When it is permanent, check the recipient's domain (typos, MX "
                        + "records): it may take no mail at all.");
        put(Reason.HOST_UNKNOWN, List.of("550 5.1.2", "450 4.1.2"),
                "The recipient's domain or mail host does not exist.",
                "The part after the @ names no host that mail can go to: the domain is not registered, has no "
                        + "address record, or is misspelt. Given by X.1.2 or by texts such as \"host unknown\", "
                        + "\"domain not found\" and \"no such domain\".",
                "At RCPT from a relay that checks recipient domains (Postfix's reject_unknown_recipient_domain), and "
                        + "in bounces from the sender's own server after its DNS lookups failed.",
                "Check the domain for typos. A permanent one will not heal by retrying; a 4yz may be a passing DNS "
                        + "failure, so retry it a few times before dropping the address.");
        put(Reason.EXPIRED, List.of("447 4.4.7", "554 5.4.7"),
                "The message waited in a queue until its lifetime ran out.",
                "A server accepted the message but could not pass it on before its queue lifetime ended (X.4.7, "
                        + "\"message expired\", \"delivery time expired\"); the cause was usually a destination "
                        + "that did not answer or kept deferring.",
                "In delay notices and bounces from the sending side's own relay, days after the send (Postfix's "
                        + "maximal_queue_lifetime, Exim's retry timeouts, Exchange's QUEUE.Expired).",
                "The recipient's server was unreachable for days: check the domain and its MX hosts, then resend "
                        + "if the address is right.");
        put(Reason.MAILBOX_DISABLED, List.of("550 5.2.1", "450 4.2.1"),
                "The mailbox exists but is disabled or suspended.",
                "The receiving server knows the recipient but takes no mail for it now: the account is disabled, "
                        + "suspended or locked (X.2.1, \"account disabled\", \"mailbox suspended\"). It may come "
                        + "back, or be deleted later.",
                "At RCPT for accounts closed by their provider or suspended for abuse or non-payment.",
                "Do not retry soon. Treat a repeated one like an unknown user and stop sending to the address.");
        put(Reason.UNKNOWN, List.of("550 5.0.0"),
                "No finer reason could be derived from the reply.",
                "The code, the enhanced status code and the text point to no known cause: a terse or "
                        + "vendor-specific reply or an unparseable one. The record and its disposition still apply.",
                "Replies without an enhanced code and with a terse or unusual text; replies that do not parse.",
                "Act on the record and its disposition (retry a transient one, not a permanent one) and read the "
                        + "reply text for details.");
    }

    private ExplanationReasonTable() {
    }

    /** The entry of a reason; every reason has one (tested). */
    public static Optional<Entry> of(Reason reason) {
        return Optional.ofNullable(REASONS.get(reason));
    }

    private static void put(Reason reason, List<String> replies, String summary, String description,
            String whenSeen, String action) {
        REASONS.put(reason, new Entry(replies, summary, description, whenSeen, action));
    }
}
