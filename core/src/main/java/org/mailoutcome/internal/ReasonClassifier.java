package org.mailoutcome.internal;

import static org.mailoutcome.Reason.AUTH_REQUIRED;
import static org.mailoutcome.Reason.EXPIRED;
import static org.mailoutcome.Reason.GREYLISTED;
import static org.mailoutcome.Reason.HOST_UNKNOWN;
import static org.mailoutcome.Reason.MAILBOX_DISABLED;
import static org.mailoutcome.Reason.MAILBOX_FULL;
import static org.mailoutcome.Reason.MESSAGE_TOO_BIG;
import static org.mailoutcome.Reason.MOVED;
import static org.mailoutcome.Reason.NETWORK;
import static org.mailoutcome.Reason.POLICY;
import static org.mailoutcome.Reason.RATE_LIMITED;
import static org.mailoutcome.Reason.RELAY_DENIED;
import static org.mailoutcome.Reason.SYNTAX;
import static org.mailoutcome.Reason.SYSTEM;
import static org.mailoutcome.Reason.TOO_MANY_RECIPIENTS;
import static org.mailoutcome.Reason.UNKNOWN;
import static org.mailoutcome.Reason.USER_UNKNOWN;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;

/**
 * Derives the {@link Reason} of a reply from its code, its RFC 3463 enhanced status code and its text.
 * First match wins:
 * <ol>
 *   <li>2yz and 3yz: {@code NONE}, but 251 (will forward) {@code MOVED}; 1yz and codes above 599: {@code UNKNOWN}.
 *   <li>530, 534, 535, 538, the AUTH and STARTTLS replies of RFC 4954 and RFC 3207: {@code AUTH_REQUIRED}.
 *   <li>An enhanced code that <em>decides</em> (in {@link #STATUS}: X.1.1, X.1.6, X.2.2, X.3.4, X.5.3, X.7.8,
 *       X.7.26, X.7.28...): its reason, whatever the text says. Unregistered codes never decide.
 *   <li>Vendor quirks of one enhanced code (in {@link #STATUS}): a phrase that means something else with it.
 *   <li>The {@link #STRONG} phrases of the text, in table order (specific before general).
 *   <li>The default of an enhanced code that the text may refine: X.7.Z {@code POLICY}, X.4.Z {@code NETWORK},
 *       X.3.Z {@code SYSTEM}, X.5.Z {@code SYNTAX}, X.6.0 {@code POLICY}...; X.0.0, X.1.0 and X.2.0 have none.
 *   <li>500-504 and 555: {@code SYNTAX}.
 *   <li>The {@link #WEAK} phrases of the text ("rejected", "service unavailable"...).
 *   <li>What RFC 5321 says the basic code means ({@link #CODES}: 551 moved, 552 storage exceeded...), else
 *       {@code UNKNOWN}.
 * </ol>
 * Matching is case-insensitive and on whole words: the text is lower-cased once, its blanks and line breaks
 * collapsed to single spaces and any reply code or enhanced code at the start of a line dropped; each phrase is
 * then found with {@link String#indexOf(String, int)} and kept only at word boundaries (a phrase ending in
 * {@code *} is a word prefix). No regular expression: the cost is linear in the text for the fixed tables.
 * The choices and their agreement with Sisimai's corpus are explained in {@code docs/reasons.md}.
 */
public final class ReasonClassifier {

    /** Enhanced codes by {@code "subject.detail"}, or {@code "subject.*"} for the rest of a subject. */
    private static final Map<String, StatusRule> STATUS = table(
            decide(USER_UNKNOWN, "1.1", "7.17", "7.18"), // RRVS: the address no longer reaches the intended owner
            decide(HOST_UNKNOWN, "1.2"), // bad destination system address: Sisimai hostunknown
            decide(NETWORK, "4.2", "4.3", "4.4", "4.6"),
            decide(EXPIRED, "4.7"), // delivery time expired: Sisimai expired
            decide(SYNTAX, "5.1", "5.2", "5.4", "5.5"),
            decide(MOVED, "1.6"),
            decide(POLICY, "1.8", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", "6.10", "7.20", "7.21",
                    "7.22", "7.23", "7.24", "7.25", "7.26", "7.27", "7.29"), // 1.8: the sender's domain; 6: content
            decide(MAILBOX_FULL, "2.2"),
            decide(MESSAGE_TOO_BIG, "2.3", "3.4", "7.16"),
            decide(SYSTEM, "3.1", "3.5"),
            decide(TOO_MANY_RECIPIENTS, "5.3"),
            decide(AUTH_REQUIRED, "5.6", "7.8", "7.10", "7.11", "7.12", "7.14"),
            decide(MAILBOX_DISABLED, "7.13"), // RFC 4954 "user account disabled", sent for recipients too
            decide(RATE_LIMITED, "7.28"),
            refine(USER_UNKNOWN, "1.4", "1.10"), // Exchange Online sends 5.1.10 for an unknown recipient
            refine(SYNTAX, "1.7", "5.*"),
            refine(MAILBOX_DISABLED, "2.1"), // mailbox disabled: Sisimai suspend
            refine(SYSTEM, "2.4", "3.*"),
            refine(NETWORK, "3.2", "4.*"), // X.3.2 system not accepting network messages: Sisimai notaccept
            // Exchange Online (directory-based edge blocking): 5.4.1 "Recipient address rejected: Access denied"
            quirk("4.1", NETWORK, rule(USER_UNKNOWN, "recipient address rejected")),
            // X.1.3 is bad address syntax, but servers send it for a well-formed address that names no mailbox
            quirk("1.3", SYNTAX, rule(USER_UNKNOWN, "does not exist|doesn't exist|no such|not exist")),
            refine(POLICY, "6.*", "7.*")); // includes X.7.1, X.7.9 (used for policy beyond RFC 4954), X.7.30

    /** Phrases that refine any enhanced code that does not decide, most specific first; {@code |} separates. */
    private static final List<TextRule> STRONG = List.of(
            rule(GREYLISTED, "greylist*|graylist*|grey-list*|gray-list*|grey list*|gray list*"),
            rule(RELAY_DENIED, "relay access denied|relaying denied|relay denied|relay not permitted|"
                    + "relaying not permitted|relay not allowed|relaying not allowed|relaying disallowed|"
                    + "relay prohibited|relaying prohibited|not permitted to relay|not allowed to relay|"
                    + "unable to relay|cannot relay|can't relay|we do not relay|no relaying|not configured to relay|"
                    + "rcpthosts|relaying to|relay to|relaying mail to|relay access|relaying is not|relay is not|"
                    + "relay rejected|relaying rejected|relay refused|relaying refused|unauthorized relay|"
                    + "unauthorised relay|relay attempt|relaying disabled|may not relay|must not relay|"
                    + "will not relay|won't relay|does not relay|doesn't relay|not relay"),
            rule(POLICY, "dmarc*|spf|dkim*|domainkeys*|sender policy framework|unauthenticated|reputation|complaint*"),
            rule(RATE_LIMITED, "rate limit*|rate-limit*|ratelimit*|rate exceeded|unusual rate|at a rate|sending rate|"
                    + "message rate|connection rate|too many connections|too many concurrent*|too many simultaneous*|"
                    + "too many sessions|connection limit*|concurrency limit*|frequency limit*|too many messages|"
                    + "too many mails|too many emails|throttl*|slow down|too fast|mail flood*|per hour|this hour|"
                    + "per minute|per day|unexpected volume|excessive volume|high volume|sending quota|"
                    + "sending limit*|daily quota|daily limit*|relay quota|relay limit*"),
            rule(TOO_MANY_RECIPIENTS, "too many recipients|too many rcpt*|recipient limit*|recipients limit*|"
                    + "maximum recipients|max recipients|maximum number of recipients|recipients per message"),
            rule(AUTH_REQUIRED, "authentication required|authentication is required|authrequired|must authenticate|"
                    + "please authenticate|authenticate first|not authenticated|authentication failed|"
                    + "authentication failure|authentication unsuccessful|authentication credentials|"
                    + "invalid credentials|smtp authentication|smtp auth|smtp-auth|issue a starttls|starttls first|"
                    + "starttls is required|starttls required|encryption required|encryption needed"),
            rule(SYNTAX, "syntax|syntactically|unrecognized command|command unrecognized|command not recognized|"
                    + "bad sequence|improper sequence|fully-qualified|fully qualified|mailbox name not allowed"),
            rule(MAILBOX_FULL, "mailbox full|mailbox is full|mailbox has exceeded|mailbox quota|mailbox size limit|"
                    + "mailbox is over|inbox is full|inbox full|over quota|overquota|quota exceed*|exceeded quota|"
                    + "exceeds quota|exceeded its quota|exceeded their quota|exceeded the quota|disk quota|"
                    + "quota full|out of storage|storage space|exceeded storage allocation|user is over|full mailbox|"
                    + "mailfolder is full|account is full|mailbox size|size of the mailbox|size of mailbox|"
                    + "mailbox would exceed|would exceed the mailbox|exceeds the mailbox|mailbox exceeds|"
                    + "mailbox exceeded|mailbox too large|mailbox is too large|mailbox too big|mailbox limit|"
                    + "mailbox space|mailbox storage|storage limit|storage quota|reached its quota|"
                    + "reached the quota|reached their quota|quota reached|over its quota|over the quota|"
                    + "over their quota|exceeded its storage|exceeded the storage|mailbox has reached|"
                    + "mailbox is currently full|mailbox was full"),
            rule(MESSAGE_TOO_BIG, "message too large|message too big|message is too large|message is too big|"
                    + "message size|size exceeds|size limit exceeded|exceeds size limit|exceeds the size limit|"
                    + "message length exceeds|message exceeds|mail too large|email too large|too much mail data|"
                    + "maximum size|is too large|is too big|was too large|was too big|too large to|too large for|"
                    + "too big to|too big for|attachment too large|size limit|maximum message size|maximum allowed size|"
                    + "exceeds the size|exceeds the maximum size|exceeds maximum size|oversize*|over size|"
                    + "size of the message|larger than the maximum|larger than allowed|message is larger"),
            rule(POLICY, "sender address|sender domain|domain of sender|sender rejected|sender verif*|invalid sender|"
                    + "bad sender|unroutable sender|unrouteable sender"),
            rule(POLICY, "client host rejected|helo command rejected|find your hostname|find your reverse hostname|"
                    + "reverse dns|reverse lookup|rdns|ptr|ip name lookup|hostname lookup|host name lookup|"
                    + "sending ip*|dynamic ip*|dial-up|dialup|residential"),
            rule(USER_UNKNOWN, "user unknown|unknown user|user not found|user not exist|user does not exist|"
                    + "user doesn't exist|user doesn't have|invalid user|no such user|no such mailbox|"
                    + "no such recipient|no such address|no mailbox|unknown recipient|recipient unknown|"
                    + "recipient not found|recipientnotfound|recipnotfound|invalid recipient|"
                    + "recipient does not exist|unknown mailbox|mailbox unknown|mailbox not found|"
                    + "mailbox does not exist|mailbox doesn't exist|address does not exist|account does not exist|"
                    + "unknown address|address unknown|address not found|not a valid mailbox|invalid mailbox|"
                    + "unknown or illegal|unknown local part|inactive email*|inactive account|account is inactive|"
                    + "address is inactive|no mailbox here|not a known user|not a known recipient|"
                    + "not a known address|not known here|not an active address|not an active mailbox|"
                    + "not an active user|not an active account|address is not active|mailbox is not active|"
                    + "bad recipient|bad destination mailbox|address doesn't exist|account doesn't exist|"
                    + "no such account|not a valid user|not a valid recipient|not a valid address|"
                    + "unknown to this system|no account by that name|no user by that name|"
                    + "recipient name is not recognized|address couldn't be found|address could not be found|"
                    + "you entered couldn't be found|you entered could not be found|you entered wasn't found|"
                    + "you entered was not found"),
            rule(MOVED, "has moved|moved to|relocated to|user not local"),
            rule(MAILBOX_DISABLED, "account disabled|account is disabled|account has been disabled|"
                    + "mailbox disabled|mailbox is disabled|mailbox has been disabled|account suspended|"
                    + "account is suspended|account has been suspended|mailbox suspended|mailbox is suspended|"
                    + "user suspended|disabled account|suspended account|disabled mailbox|suspended mailbox|"
                    + "mailbox is frozen|account is frozen|account is locked|account has been locked|"
                    + "account is blocked|account has been blocked"),
            rule(HOST_UNKNOWN, "host unknown|unknown host|host not found|domain not found|no such domain|"
                    + "domain does not exist|domain doesn't exist|unknown domain|domain unknown|"
                    + "name or service not known|nxdomain"),
            rule(EXPIRED, "message expired|delivery time expired|envelope expired|queue.expired|expired in queue|"
                    + "too long in queue|retry timeout exceeded|could not deliver for the last|"
                    + "have been failing for a long time"),
            rule(NETWORK, "not reachable|unreachable|unrouteable|unroutable|"
                    + "null mx|no mx|mx records|name server*|nameserver*|dns query*|dns lookup*|dns error*|dns fail*|"
                    + "dns problem|timed out|timeout|connection refused|connection reset|connection lost|"
                    + "lost connection|connection dropped|no route to host|could not connect|unable to connect|"
                    + "cannot connect|failed to connect|no answer|hop count|too many hops|mail loop|routing loop|"
                    + "loop detected|does not accept mail|doesn't accept mail|"
                    + "accepts no mail|not accepting mail|not accepting network messages|support tls|"
                    + "tls negotiation*|tls handshake*"),
            rule(SYSTEM, "insufficient system storage|system storage|disk space|disk full|no space left|queue file|"
                    + "write error|system error|internal error|server error|local error|local problem|"
                    + "configuration error|misconfigur*|incorrectly configured|mailer error|out of memory|"
                    + "system resources|insufficient resources|resource limitation*"),
            rule(POLICY, "blocked|blocking|block list*|blocklist*|blacklist*|black list*|denylist*|deny list*|dnsbl|"
                    + "rbl|spamhaus|spamcop|sorbs|barracuda*|abuseat|uribl|surbl|cloudmark|banned|spam*|unsolicited|"
                    + "unwanted|ube|uce|junk|bulk|virus*|malware|infected|phish*|content rejected|message content|"
                    + "content filter*|filtered|suspicious|policy|policies|not allowed|not authorized|unauthorized|"
                    + "not permitted|prohibit*|forbidden|denied|refused|abuse|header*|rfc 5322|rfc5322|rfc 2822|"
                    + "rfc2822|not compliant"));

    /** Phrases consulted only when neither the enhanced code nor a strong phrase gave a reason. */
    private static final List<TextRule> WEAK = List.of(
            new TextRule(USER_UNKNOWN, true, phrases("mailbox unavailable|address rejected|does not exist|"
                    + "doesn't exist|do not exist|don't exist|mailbox is not available|mailbox not available|"
                    + "mailbox is unavailable")),
            rule(SYSTEM, "service unavailable|service currently unavailable|service not available|"
                    + "temporarily unavailable"),
            rule(POLICY, "rejected"));

    /** What RFC 5321 (and RFC 7504 for 521/556) says a basic code means, when nothing finer is known. */
    private static final Map<Integer, Reason> CODES = Map.of(421, SYSTEM, 451, SYSTEM, 452, SYSTEM,
            521, NETWORK, 556, NETWORK, 551, MOVED, 552, MAILBOX_FULL, 553, SYNTAX);
    /** How much of a reply's text is read for its reason. */
    static final int MAX_WORDS = 4096;
    private static final Set<Integer> AUTH_CODES = Set.of(530, 534, 535, 538);
    private static final Set<Integer> PROTOCOL_CODES = Set.of(500, 501, 502, 503, 504, 555);

    private ReasonClassifier() {
    }

    /**
     * The reason of a reply.
     *
     * @param code the reply code
     * @param status the reply's enhanced status code
     * @param text the reply text, lines joined by {@code \n}, with or without codes at the start of lines
     * @return the reason, never null
     */
    public static Reason reasonOf(int code, Optional<EnhancedStatus> status, String text) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        int codeClass = code / 100;
        if (codeClass == 2 || codeClass == 3) return code == 251 ? MOVED : Reason.NONE;
        if (codeClass != 4 && codeClass != 5) return UNKNOWN;
        if (AUTH_CODES.contains(code)) return AUTH_REQUIRED;
        Optional<StatusRule> statusRule = status.flatMap(ReasonClassifier::statusRule);
        if (statusRule.filter(StatusRule::decides).isPresent()) return statusRule.get().reason();
        String words = words(text);
        boolean permanent = codeClass == 5;
        Optional<Reason> fromText = statusRule.flatMap(rule -> firstMatch(rule.quirks(), words, permanent))
                .or(() -> firstMatch(STRONG, words, permanent));
        if (fromText.isPresent()) return fromText.get();
        // X.5.0, "other protocol status", says nothing about the recipient: the weak phrases may
        boolean otherProtocol = status.filter(s -> s.matches(5, 0)).isPresent();
        if (otherProtocol) fromText = firstMatch(WEAK, words, permanent);
        if (fromText.isPresent()) return fromText.get();
        if (statusRule.isPresent()) return statusRule.get().reason();
        if (PROTOCOL_CODES.contains(code)) return SYNTAX;
        return firstMatch(WEAK, words, permanent).orElse(CODES.getOrDefault(code, UNKNOWN));
    }

    /**
     * Lower case, blanks and line breaks as single spaces, codes at line starts dropped (wrapped phrases match); at
     * most the first {@link #MAX_WORDS} characters, so a multi-megabyte reply from a broken or hostile server costs
     * no more than a long real one (real replies are under 1 KiB; the phrases that decide come first).
     */
    private static String words(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_WORDS));
        int lineStart = 0;
        while (true) {
            int eol = text.indexOf('\n', lineStart);
            int end = eol < 0 ? text.length() : eol;
            space(out);
            for (int i = afterCodes(text, lineStart, end); i < end; i++) {
                if (out.length() >= MAX_WORDS) return out.toString();
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r') space(out);
                else out.append(Character.toLowerCase(c));
            }
            if (eol < 0 || out.length() >= MAX_WORDS) return out.toString();
            lineStart = eol + 1;
        }
    }

    /** The index after blanks, a 3-digit reply code with its separator and an enhanced code, each optional. */
    private static int afterCodes(String line, int from, int end) {
        int i = skipBlanks(line, from, end);
        boolean replyCode = end - i >= 3 && line.substring(i, i + 3).chars().allMatch(c -> c >= '0' && c <= '9');
        if (replyCode && (end - i == 3 || " -\t".indexOf(line.charAt(i + 3)) >= 0)) {
            i = skipBlanks(line, Math.min(i + 4, end), end);
        }
        int statusEnd = StatusScanner.end(line, i);
        return statusEnd > i && statusEnd <= end ? skipBlanks(line, statusEnd, end) : i;
    }

    private static int skipBlanks(String line, int from, int end) {
        int i = from;
        while (i < end && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\r')) i++;
        return i;
    }

    private static void space(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') out.append(' ');
    }

    /** Whether index {@code i} of {@code words} is outside a word: before the start, past the end, or no letter. */
    private static boolean isEdge(String words, int i) {
        return i < 0 || i >= words.length() || !Character.isLetterOrDigit(words.charAt(i));
    }

    private static Optional<StatusRule> statusRule(EnhancedStatus status) {
        StatusRule exact = STATUS.get(status.subject() + "." + status.detail());
        return Optional.ofNullable(exact != null ? exact : STATUS.get(status.subject() + ".*"));
    }

    private static Optional<Reason> firstMatch(List<TextRule> rules, String words, boolean permanent) {
        return rules.stream().filter(rule -> rule.matches(words, permanent)).findFirst().map(TextRule::reason);
    }

    private static StatusGroup decide(Reason reason, String... keys) {
        return new StatusGroup(new StatusRule(reason, true, List.of()), List.of(keys));
    }

    private static StatusGroup refine(Reason reason, String... keys) {
        return new StatusGroup(new StatusRule(reason, false, List.of()), List.of(keys));
    }

    private static StatusGroup quirk(String key, Reason reason, TextRule quirk) {
        return new StatusGroup(new StatusRule(reason, false, List.of(quirk)), List.of(key));
    }

    /** The groups by code; a code listed twice fails the class initialisation. */
    private static Map<String, StatusRule> table(StatusGroup... groups) {
        return Arrays.stream(groups).flatMap(g -> g.keys().stream().map(key -> Map.entry(key, g.rule())))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static TextRule rule(Reason reason, String phrases) {
        return new TextRule(reason, false, phrases(phrases));
    }

    private static List<Phrase> phrases(String specs) {
        return Arrays.stream(specs.split("\\|")).map(Phrase::of).toList();
    }

    /**
     * What an enhanced code says: its reason, whether it decides or only stands when the text says nothing, and
     * phrases that a vendor uses with this code in a meaning of their own (tried before {@link #STRONG}).
     */
    private record StatusRule(Reason reason, boolean decides, List<TextRule> quirks) {
    }

    /** The enhanced codes that share a rule. */
    private record StatusGroup(StatusRule rule, List<String> keys) {
    }

    /** Any of the phrases gives the reason; a permanent-only rule ignores 4yz replies. */
    private record TextRule(Reason reason, boolean permanentOnly, List<Phrase> phrases) {
        boolean matches(String words, boolean permanent) {
            return (permanent || !permanentOnly) && phrases.stream().anyMatch(phrase -> phrase.isIn(words));
        }
    }

    /** A lower-case phrase found at word boundaries; {@code prefix} lets it end inside a word. */
    private record Phrase(String text, boolean prefix) {
        static Phrase of(String spec) {
            boolean prefix = spec.endsWith("*");
            return new Phrase(prefix ? spec.substring(0, spec.length() - 1) : spec, prefix);
        }

        boolean isIn(String words) {
            for (int at = words.indexOf(text); at >= 0; at = words.indexOf(text, at + 1)) {
                if (isEdge(words, at - 1) && (prefix || isEdge(words, at + text.length()))) return true;
            }
            return false;
        }
    }
}
