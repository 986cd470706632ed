package org.mailoutcome.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.DeliveryOutcome.AcceptedUnverified;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.DeliveryOutcome.InsufficientStorage;
import org.mailoutcome.DeliveryOutcome.LocalError;
import org.mailoutcome.DeliveryOutcome.MailboxBusy;
import org.mailoutcome.DeliveryOutcome.MailboxNameNotAllowed;
import org.mailoutcome.DeliveryOutcome.MailboxUnavailable;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.DeliveryOutcome.PermanentFailure;
import org.mailoutcome.DeliveryOutcome.ProtocolError;
import org.mailoutcome.DeliveryOutcome.ServiceUnavailable;
import org.mailoutcome.DeliveryOutcome.StorageExceeded;
import org.mailoutcome.DeliveryOutcome.Suppressed;
import org.mailoutcome.DeliveryOutcome.TransactionFailed;
import org.mailoutcome.DeliveryOutcome.TransientFailure;
import org.mailoutcome.DeliveryOutcome.Unexpected;
import org.mailoutcome.DeliveryOutcome.WillForward;

/**
 * The one place where outcome records are explained in words: one entry per record, in the order of the outcome
 * table, and the hand-written key differences of the pairs people confuse most. Reasons are in
 * {@link ExplanationReasonTable}; the sentences added for one particular outcome are in {@link ExplanationNotes}.
 */
public final class ExplanationTable {

    /**
     * The words of one explanation.
     *
     * @param replies typical replies, {@code "code"} or {@code "code enhanced"}: each gives the record (tested)
     * @param summary one line, from the server's side: what it did with the message
     * @param description the longer meaning
     * @param whenSeen which command, which kind of server or policy
     * @param action what the client should do
     */
    public record Entry(List<String> replies, String summary, String description, String whenSeen, String action) {
        public Entry {
            replies = List.copyOf(replies);
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(whenSeen, "whenSeen");
            Objects.requireNonNull(action, "action");
        }
    }

    private static final Map<Class<? extends DeliveryOutcome>, Entry> RECORDS = new LinkedHashMap<>();
    private static final Map<Set<Class<?>>, String> PAIRS = new LinkedHashMap<>();

    static {
        put(Accepted.class, List.of("250 2.0.0", "250 2.1.0", "250 2.1.5"),
                "The server took this step; for a recipient or a message, it is now responsible for delivery.",
                "A 2yz positive completion: the command did what was asked. After RCPT the recipient is accepted; "
                        + "after the end of data the server has taken the message (a bounce can still come later). "
                        + "Any 2yz without a record of its own (e.g. 254) counts the same, and so do the expected "
                        + "intermediate replies, 354 to DATA and 334 during AUTH.",
                "Every command that worked: 250 to MAIL, to RCPT and to the end of data (often with a queue id, "
                        + "\"250 2.0.0 Ok: queued as ...\"), 354 to DATA.",
                "Nothing to do. Keep the queue id of the end-of-data reply: it finds the message in the server's "
                        + "logs.");
        put(WillForward.class, List.of("251", "251 2.1.5"),
                "The server accepts the message and forwards it itself: the recipient is not local to it.",
                "A 2yz positive completion (RFC 5321 section 3.4): the server knows where the recipient now lives "
                        + "and takes responsibility for forwarding; the reply usually names the forward path. Unlike "
                        + "551, nothing is refused and nothing is resent.",
                "At RCPT, from servers that forward moved users themselves. Rare today: most servers forward "
                        + "silently with 250, or refuse with 550 or 551.",
                "Nothing to resend. Consider updating your contact records to the forward path the reply names, "
                        + "so that later mail goes there directly.");
        put(AcceptedUnverified.class, List.of("252 2.1.5", "252 2.0.0"),
                "The server would not confirm the mailbox (often on purpose, against address harvesting) but "
                        + "accepts the message and will attempt delivery.",
                "A 2yz positive completion: the server cannot or will not verify the user, yet takes the message. "
                        + "It says nothing about whether the mailbox exists: delivery may still fail later, and "
                        + "then a bounce arrives.",
                "Mostly to VRFY, from servers that will not verify addresses (most large providers; Postfix "
                        + "answers 252 for every address it would accept); sometimes at RCPT, from relays and "
                        + "servers that check recipients only after accepting the message.",
                "Nothing needs fixing: treat it as accepted. To verify addresses, ask the mail administrator or "
                        + "rely on bounces; probing with VRFY or RCPT will not tell you more.");
        put(ServiceUnavailable.class, List.of("421 4.3.2", "421 4.7.0"),
                "The server is not available and closes the connection: the transaction ends without the message.",
                "A 4yz transient negative completion. The server (or a front end) cannot serve this session: it is "
                        + "shutting down, overloaded, or throttling the client. Any command can get a 421, and the "
                        + "connection closes after it, so every recipient not yet finished must be tried again.",
                "As the greeting of a busy or rate-limiting server, or in the middle of a session (Gmail's \"421 "
                        + "4.7.0 Try again later, closing connection\"); also when a server shuts down.",
                "Retry later on a new connection, with backoff (RetryPolicy.defaults() retries 421). If it lasts "
                        + "for hours, lower the sending rate and check the sender's reputation with the provider.");
        put(MailboxBusy.class, List.of("450 4.2.1", "450 4.7.1"),
                "The server does not take the message for this mailbox now: it is busy, locked, or blocked by "
                        + "policy for the moment.",
                "A 4yz transient negative completion: the mailbox is unavailable for now. Unlike 550, the server "
                        + "expects the same request to succeed later.",
                "At RCPT: a mailbox that is locked or temporarily unavailable, a DEFER or defer_if_permit access "
                        + "rule (Postfix), greylisting on some servers, a temporary policy block.",
                "Retry later with backoff (RetryPolicy.defaults() retries 450); keep the address. If it lasts for "
                        + "days, contact the recipient another way.");
        put(LocalError.class, List.of("451 4.3.0", "451 4.3.5", "451 4.7.1"),
                "The server aborted the request because of an error on its side, or on purpose for now "
                        + "(greylisting).",
                "A 4yz transient negative completion: \"local error in processing\". Either the receiving system has "
                        + "a temporary fault (configuration, storage, a failed lookup), or it greylists: it refuses "
                        + "the first attempt from an unknown sender on purpose and accepts a retry minutes later.",
                "At RCPT or after the end of data: greylisting (Postgrey's \"451 4.7.1 Greylisted, please try again "
                        + "later\"), a misconfigured server (Postfix's \"451 4.3.5 Server configuration error\"), a "
                        + "DNS or database lookup that failed.",
                "Retry later: after a few minutes for greylisting (RetryPolicy.greylisting() waits 6, 12 and 24 "
                        + "minutes), with backoff for a fault. If it never succeeds, tell the receiving postmaster.");
        put(InsufficientStorage.class, List.of("452 4.5.3", "452 4.2.2", "452 4.3.1", "552 5.5.3"),
                "The server does not take this recipient now: it is short of storage, or the transaction already "
                        + "has as many recipients as it accepts.",
                "A 4yz transient negative completion: \"insufficient system storage\". Most often it is the "
                        + "recipient limit (\"452 4.5.3 Too many recipients\"): the recipients before it stay "
                        + "accepted and the rest go in a new transaction (RFC 5321 section 4.5.3.1.10, which also "
                        + "covers servers that answer 552 for this). Less often a disk or a mailbox is full for now.",
                "At RCPT once a message has more recipients than the server takes per transaction (Postfix's "
                        + "smtpd_recipient_limit); at MAIL or RCPT when the queue disk is nearly full; with X.2.2, a "
                        + "mailbox over quota.",
                "For too many recipients: send the rest in another transaction (OutcomeMailer does it on its "
                        + "own). For storage: retry later with backoff.");
        put(TransientFailure.class, List.of("455 4.3.0", "454 4.7.0", "447 4.4.7"),
                "The server does not take the request now, for a cause the reply code does not name; it may "
                        + "succeed later.",
                "A 4yz transient negative completion without a record of its own: 455 \"Server unable to "
                        + "accommodate parameters\", 454 (TLS or authentication unavailable for now) and "
                        + "vendor-specific 4yz codes. The enhanced status code and the text tell the cause.",
                "455 to MAIL or RCPT parameters the server cannot handle now; 454 to STARTTLS or AUTH; 4yz codes "
                        + "that some servers invent.",
                "Retry later with backoff; read the enhanced code and the text (the Reason names the cause when "
                        + "it can).");
        put(MailboxUnavailable.class, List.of("550 5.1.1", "550 5.7.1", "550 5.2.1"),
                "The server refuses the message for this mailbox for good: it does not exist, is not accessible, "
                        + "or policy forbids it.",
                "A 5yz permanent negative completion: \"mailbox unavailable\". Most often the address does not "
                        + "exist (X.1.1, \"User unknown\"); also a disabled mailbox, or a rejection for policy "
                        + "(blocklists, relay denied, spam). Repeating the same request fails the same way.",
                "At RCPT for an unknown user (Postfix's \"User unknown in local recipient table\", Gmail's \"The "
                        + "email account that you tried to reach does not exist\"); after the end of data for "
                        + "content or policy; at MAIL for a refused sender.",
                "Do not retry. Check the address for typos and remove it from your lists if it does not exist; "
                        + "for a policy rejection (see the Reason and the text), fix the cause or contact the "
                        + "site's postmaster.");
        put(NotLocalNoRelay.class, List.of("551 5.1.6", "551", "550 5.1.6"),
                "The server refuses the message: the recipient is not local and it will not relay; the reply may "
                        + "name where to send it instead.",
                "A 5yz permanent negative completion: \"User not local; please try <forward-path>\" (RFC 5321 "
                        + "section 3.4). The server knows the recipient moved but will not forward: resending is up "
                        + "to the sender. Unlike 251, which accepts and forwards, 551 refuses. Any 5yz with X.1.6, "
                        + "or whose text names a moved recipient's new address, means the same.",
                "At RCPT or VRFY for people who moved: Postfix's relocated_maps (\"550 5.1.6 ... User has moved "
                        + "to ...\"), 551 access rules, Exim redirect routers; mostly in organisations that changed "
                        + "domain.",
                "Resend directly to the forward address the reply names, and update your contact records if the "
                        + "recipient moved for good. Check that the address is plausible first: OutcomeMailer "
                        + "follows it only when an enabled ForwardPolicy allows it.");
        put(StorageExceeded.class, List.of("552 5.2.2", "552 5.3.4"),
                "The server refuses the message for good: the mailbox is full, or the message is larger than it "
                        + "accepts.",
                "A 5yz permanent negative completion: \"exceeded storage allocation\". Either the mailbox is over "
                        + "quota (X.2.2) or the message is over a size limit (X.3.4, at MAIL with SIZE or after the "
                        + "end of data). The same message is refused again.",
                "At MAIL when the SIZE parameter is over the limit (Postfix's \"552 5.3.4 Message size exceeds "
                        + "fixed limit\"); at RCPT or after the end of data for a full mailbox.",
                "For a message too big: send a smaller one (link large files instead of attaching them). For a full "
                        + "mailbox: tell the recipient another way; do not retry automatically.");
        put(MailboxNameNotAllowed.class, List.of("553 5.1.3", "553 5.1.7", "553 5.1.8"),
                "The server refuses the address itself: the mailbox name is not allowed, usually because of its "
                        + "syntax.",
                "A 5yz permanent negative completion: \"mailbox name not allowed\". The address is malformed "
                        + "(X.1.3), or it is a sender address or domain the server will not accept (X.1.7, X.1.8).",
                "At RCPT for a malformed recipient; at MAIL for a sender the server refuses, e.g. one the "
                        + "authenticated user does not own.",
                "Correct the address: check its syntax and its domain; for a sender, use an address the server "
                        + "lets you send as.");
        put(TransactionFailed.class, List.of("554 5.7.1", "554 5.5.1"),
                "The server refuses the transaction, usually for policy, spam or relaying; as a greeting it means "
                        + "\"no SMTP service here\".",
                "A 5yz permanent negative completion: \"Transaction failed\". The generic permanent refusal, "
                        + "used most by filters: relay access denied, a blocklisted client, spam or a virus found, "
                        + "no valid recipient left at DATA.",
                "At RCPT for relay denial or an access REJECT (Postfix's \"554 5.7.1 ... Relay access denied\"); "
                        + "after the end of data from content filters; as the greeting of a server that blocks the "
                        + "client; at DATA when no recipient was accepted.",
                "Do not retry unchanged. Read the Reason and the text: authenticate or use the right relay for "
                        + "relay denial; check blocklists and sender authentication for policy; change the content "
                        + "for filters; ask the postmaster when the cause is unclear.");
        put(ProtocolError.class, List.of("500 5.5.2", "501 5.5.4", "502 5.5.1", "503 5.5.1", "504 5.5.2", "555 5.5.4"),
                "The server did not accept the command as sent: unknown command, bad syntax, wrong order or "
                        + "unsupported parameter.",
                "A 5yz permanent negative completion about the conversation rather than the message: 500 unknown "
                        + "command, 501 bad arguments, 502 not implemented, 503 bad sequence, 504 parameter not "
                        + "implemented, 555 MAIL or RCPT parameters not recognized. It points to a client bug, a "
                        + "feature the server lacks, or an address it reads as malformed.",
                "503 for a command out of order (RCPT before MAIL, or after a failed MAIL); 502 to VRFY or EXPN "
                        + "when they are disabled; 501 or 504 for addresses Postfix wants fully qualified; 555 for "
                        + "ESMTP parameters (SIZE, SMTPUTF8, DSN) the server does not support.",
                "Fix the client or the address, not the server: check the command order, the address syntax and "
                        + "the extensions the server advertised in its EHLO reply. Retrying unchanged fails again.");
        put(PermanentFailure.class, List.of("530 5.7.0", "535 5.7.8", "521 5.3.2", "556 5.1.10"),
                "The server refuses the request for good, with a 5yz code that has no record of its own: no mail "
                        + "accepted at all, or authentication required or failed.",
                "A 5yz permanent negative completion without a record of its own: 521 the host does not accept "
                        + "mail and 556 the domain does not accept mail (RFC 7504, null MX); 530 authentication "
                        + "required and 535 credentials invalid (RFC 4954); 534, 538 and vendor codes. The Reason "
                        + "and the enhanced code tell which.",
                "530 to MAIL when the server wants AUTH or STARTTLS first (submission ports); 535 to AUTH with a "
                        + "wrong user or password; 521 as the greeting of a host that never takes mail; 556 for a "
                        + "recipient domain that publishes a null MX.",
                "For 530 or 535: authenticate, over TLS, with valid credentials. For 521 or 556: the host or "
                        + "domain takes no mail, so reach the recipient another way. Otherwise read the text; do "
                        + "not retry unchanged.");
        put(Unexpected.class, List.of(),
                "The server answered with something that makes no sense here: a 1yz, a 3yz where a final reply "
                        + "was due, or text that is not an SMTP reply.",
                "The reply breaks the protocol (no SMTP command expects a 1yz, and a 3yz is only right as 354 to "
                        + "DATA and 334 during AUTH), or the bytes were not a reply at all: another service on the "
                        + "port, plain text spoken to a TLS port, a broken proxy. Counted as permanent, because "
                        + "repeating the request will not help.",
                "Connecting to the wrong port or service (an HTTP or POP3 server, implicit TLS on port 465 spoken "
                        + "to in plain text), broken middleboxes, buggy servers.",
                "Check the host, the port and the TLS mode (implicit TLS or STARTTLS) and look at the raw reply; "
                        + "report it to the server's operator if the configuration is right.");
        put(ConnectionLost.class, List.of(),
                "No reply came: the connection broke or timed out, so the server's decision is unknown.",
                "Not an SMTP reply: the connection was reset or closed, or a read or write timed out. Before the "
                        + "end of data nothing was delivered. After the end of data the message may or may not "
                        + "have been delivered (isMaybeDelivered()): the server may have taken it just before the "
                        + "connection broke.",
                "Network trouble, servers that drop clients they dislike without a word, firewalls and proxies "
                        + "closing idle connections, slow servers timing out after the end of data.",
                "Retry on a new connection when the loss came before the end of data (RetryPolicy.defaults() "
                        + "does). After the end of data a retry may deliver twice: retry only if a duplicate is "
                        + "acceptable (retryMaybeDelivered(true)).");
        put(Suppressed.class, List.of(),
                "Not sent: the address is on the mailer's suppression list, so the server was never asked.",
                "Not an SMTP reply: the mailer left the recipient out of the envelope because an earlier hard "
                        + "bounce, repeated soft bounces, a complaint or an operator put the address on its "
                        + "suppression list. The other recipients are sent as usual; when every recipient is "
                        + "suppressed no connection is opened. The outcome says why and since when.",
                "Sends to an address that bounced for good (user unknown, host unknown, mailbox disabled), that "
                        + "kept bouncing softly (mailbox full), or whose owner complained, with a suppression list "
                        + "given to the mailer.",
                "Nothing to resend: sending again to an address that does not exist harms the sender's "
                        + "reputation. If the address is good again (the user re-entered it), remove the entry, or "
                        + "bypass the list for that one send.");

        pair(WillForward.class, NotLocalNoRelay.class, "Both say the recipient is not local, but 251 accepts the "
                + "message and forwards it itself, while 551 refuses it and leaves resending to you: after a 251 "
                + "nothing is resent; after a 551 nothing was delivered, and the message must go to the forward "
                + "path (or another address).");
        pair(AcceptedUnverified.class, Accepted.class, "Both accept the message and neither needs any action. 250 "
                + "says the server accepts this recipient; 252 says it would not confirm the mailbox, so a bounce "
                + "can still follow.");
        pair(AcceptedUnverified.class, NotLocalNoRelay.class, "252 accepts the message although the server would "
                + "not confirm the mailbox: nothing needs fixing and nothing is resent. 551 refuses it because the "
                + "recipient is not local: nothing was delivered, and it must be resent to the forward path the "
                + "reply names (unlike 251, which accepts and forwards).");
        pair(MailboxBusy.class, MailboxUnavailable.class, "Same words, \"mailbox unavailable\", different "
                + "permanence: 450 is for now (busy, locked, blocked for the moment) and a later retry may succeed; "
                + "550 is final (no such user, or refused by policy) and retrying the same address fails again.");
        pair(LocalError.class, ServiceUnavailable.class, "Both are transient, but 451 aborts only this request and "
                + "the session goes on (greylisting, a fault on the server), while 421 ends the whole session: the "
                + "server closes the connection and every unfinished recipient is retried on a new one.");
        pair(InsufficientStorage.class, StorageExceeded.class, "452 is a shortage for now (the server's storage, "
                + "or the recipient limit of one transaction: send the rest in a new one); 552 is final for this "
                + "message (mailbox over quota, or message too big): sending the same message again fails again.");
    }

    private ExplanationTable() {
    }

    /** Every record, in the order of the outcome table. */
    public static List<Class<? extends DeliveryOutcome>> records() {
        return List.copyOf(RECORDS.keySet());
    }

    /** The entry of a record, or empty for a class that is not an outcome record. */
    public static Optional<Entry> of(Class<?> record) {
        return Optional.ofNullable(RECORDS.get(record));
    }

    /** The hand-written key difference of two records, in either order, or empty. */
    public static Optional<String> keyDifference(Class<?> first, Class<?> second) {
        return first == second ? Optional.empty() : Optional.ofNullable(PAIRS.get(Set.of(first, second)));
    }

    private static void put(Class<? extends DeliveryOutcome> record, List<String> replies, String summary,
            String description, String whenSeen, String action) {
        RECORDS.put(record, new Entry(replies, summary, description, whenSeen, action));
    }

    private static void pair(Class<?> first, Class<?> second, String keyDifference) {
        PAIRS.put(Set.of(first, second), keyDifference);
    }
}
