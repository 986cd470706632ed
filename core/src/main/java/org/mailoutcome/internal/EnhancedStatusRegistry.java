package org.mailoutcome.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IANA "SMTP Enhanced Status Codes" registry (updated 2024-12-06): the titles ("sample text") of every
 * registered {@code X.subject.detail} code and of the subject sub-codes. One line per code:
 * {@code "subject.detail title"}. Sources: RFC 3463 unless noted.
 */
public final class EnhancedStatusRegistry {
    /** Subject sub-code titles, indexed by subject (RFC 3463 section 2, the registry's second table). */
    private static final List<String> SUBJECTS = List.of("Other or Undefined Status", "Addressing Status",
            "Mailbox Status", "Mail System Status", "Network and Routing Status", "Mail Delivery Protocol Status",
            "Message Content or Media Status", "Security or Policy Status");

    private static final List<String> CODES = List.of(
            "0.0 Other undefined Status",
            "1.0 Other address status",
            "1.1 Bad destination mailbox address",
            "1.2 Bad destination system address",
            "1.3 Bad destination mailbox address syntax",
            "1.4 Destination mailbox address ambiguous",
            "1.5 Destination address valid",
            "1.6 Destination mailbox has moved, No forwarding address",
            "1.7 Bad sender's mailbox address syntax",
            "1.8 Bad sender's system address",
            "1.9 Message relayed to non-compliant mailer", // RFC 3886
            "1.10 Recipient address has null MX", // RFC 7505, RFC 7504
            "2.0 Other or undefined mailbox status",
            "2.1 Mailbox disabled, not accepting messages",
            "2.2 Mailbox full",
            "2.3 Message length exceeds administrative limit",
            "2.4 Mailing list expansion problem",
            "3.0 Other or undefined mail system status",
            "3.1 Mail system full",
            "3.2 System not accepting network messages",
            "3.3 System not capable of selected features",
            "3.4 Message too big for system",
            "3.5 System incorrectly configured",
            "3.6 Requested priority was changed", // RFC 6710
            "4.0 Other or undefined network or routing status",
            "4.1 No answer from host",
            "4.2 Bad connection",
            "4.3 Directory server failure",
            "4.4 Unable to route",
            "4.5 Mail system congestion",
            "4.6 Routing loop detected",
            "4.7 Delivery time expired",
            "5.0 Other or undefined protocol status",
            "5.1 Invalid command",
            "5.2 Syntax error",
            "5.3 Too many recipients",
            "5.4 Invalid command arguments",
            "5.5 Wrong protocol version",
            "5.6 Authentication Exchange line is too long", // RFC 4954
            "6.0 Other or undefined media error",
            "6.1 Media not supported",
            "6.2 Conversion required and prohibited",
            "6.3 Conversion required but not supported",
            "6.4 Conversion with loss performed",
            "6.5 Conversion Failed",
            "6.6 Message content not available", // RFC 4468
            "6.7 Non-ASCII addresses not permitted for that sender/recipient", // RFC 6531
            "6.8 UTF-8 string reply is required, but not permitted by the SMTP client", // RFC 6531
            "6.9 UTF-8 header message cannot be transferred to one or more recipients, so the message must be "
                    + "rejected", // RFC 6531
            "6.10 UTF-8 string reply is required, but not permitted by the SMTP client (deprecated duplicate of "
                    + "X.6.8)", // RFC 6531; the registry gives no sample text
            "7.0 Other or undefined security status",
            "7.1 Delivery not authorized, message refused",
            "7.2 Mailing list expansion prohibited",
            "7.3 Security conversion required but not possible",
            "7.4 Security features not supported",
            "7.5 Cryptographic failure",
            "7.6 Cryptographic algorithm not supported",
            "7.7 Message integrity failure",
            "7.8 Authentication credentials invalid", // RFC 4954
            "7.9 Authentication mechanism is too weak", // RFC 4954
            "7.10 Encryption Needed", // RFC 5248
            "7.11 Encryption required for requested authentication mechanism", // RFC 4954
            "7.12 A password transition is needed", // RFC 4954
            "7.13 User Account Disabled", // RFC 5248
            "7.14 Trust relationship required", // RFC 5248
            "7.15 Priority Level is too low", // RFC 6710
            "7.16 Message is too big for the specified priority", // RFC 6710
            "7.17 Mailbox owner has changed", // RFC 7293
            "7.18 Domain owner has changed", // RFC 7293
            "7.19 RRVS test cannot be completed", // RFC 7293
            "7.20 No passing DKIM signature found", // RFC 7372
            "7.21 No acceptable DKIM signature found", // RFC 7372
            "7.22 No valid author-matched DKIM signature found", // RFC 7372
            "7.23 SPF validation failed", // RFC 7372
            "7.24 SPF validation error", // RFC 7372
            "7.25 Reverse DNS validation failed", // RFC 7372
            "7.26 Multiple authentication checks failed", // RFC 7372
            "7.27 Sender address has null MX", // RFC 7505
            "7.28 Mail flood detected", // draft-levine-mailbomb-header
            "7.29 ARC validation failure", // RFC 8617
            "7.30 REQUIRETLS support required"); // RFC 8689

    private static final Map<Integer, String> TITLES = index(CODES);

    private EnhancedStatusRegistry() {
    }

    /** The registered title of {@code X.subject.detail}, or empty for a code not in the registry. */
    public static Optional<String> title(int subject, int detail) {
        return Optional.ofNullable(TITLES.get(key(subject, detail)));
    }

    /** The title of a registered subject sub-code (0 to 7), or empty. */
    public static Optional<String> subjectTitle(int subject) {
        return subject >= 0 && subject < SUBJECTS.size() ? Optional.of(SUBJECTS.get(subject)) : Optional.empty();
    }

    private static Map<Integer, String> index(List<String> lines) {
        Map<Integer, String> titles = new HashMap<>();
        for (String line : lines) {
            int dot = line.indexOf('.');
            int space = line.indexOf(' ');
            int subject = Integer.parseInt(line.substring(0, dot));
            int detail = Integer.parseInt(line.substring(dot + 1, space));
            if (titles.put(key(subject, detail), line.substring(space + 1)) != null) {
                throw new IllegalStateException("duplicate registry line: " + line);
            }
        }
        return Map.copyOf(titles);
    }

    private static int key(int subject, int detail) {
        return subject * 1000 + detail;
    }
}
