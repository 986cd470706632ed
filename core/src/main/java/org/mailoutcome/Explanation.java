package org.mailoutcome;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.mailoutcome.internal.ExplanationNotes;
import org.mailoutcome.internal.ExplanationReasonTable;
import org.mailoutcome.internal.ExplanationTable;
import org.mailoutcome.internal.ExplanationTable.Entry;

/**
 * What an outcome means and what to do about it, in plain English: for every record of {@link DeliveryOutcome},
 * every reply code, every {@link Reason}, and one particular outcome.
 *
 * <pre>{@code
 * Explanation e = Explanation.of(outcome);      // or of(NotLocalNoRelay.class), of(551), of(Reason.MOVED)
 * e.summary();        // "The server refuses the message: the recipient is not local and it will not relay; ..."
 * e.action();         // "Resend directly to the forward address the reply names, ..."
 * e.codes();          // [551 User not local; please try <forward-path> (5yz permanent negative completion, ...)]
 * e.enhancedCodes();  // [5.1.6]: its title() is "Destination mailbox has moved, No forwarding address"
 * }</pre>
 *
 * <p>The words of a record or reason are the same wherever they are shown (the command-line tool and
 * {@code docs/outcomes.md} render these values); an outcome adds its own reply code, enhanced code and notes.
 *
 * @param summary one line: what the server did with the message (for a reason: what the cause is)
 * @param description the longer meaning
 * @param whenSeen when it is typically seen: which command, which kind of server or policy
 * @param action the recommended action
 * @param codes the reply codes it is about, with their standard texts: the typical codes of a record or reason,
 *     the one code of a reply; empty when there is none (e.g. {@link DeliveryOutcome.ConnectionLost})
 * @param enhancedCodes the enhanced status codes it is about: typical ones, or the one of a reply; each has its
 *     {@link EnhancedStatus#title()}
 * @param notes what one particular outcome adds: its reason, its forward path and whether a {@link ForwardPolicy}
 *     would follow it, what the client saw when no reply came; empty for a record, a code or a reason
 */
public record Explanation(String summary, String description, String whenSeen, String action,
        List<ReplyCodes.Meaning> codes, List<EnhancedStatus> enhancedCodes, List<String> notes) {

    /**
     * Checks and copies the components.
     *
     * @param summary the summary
     * @param description the description
     * @param whenSeen when it is seen
     * @param action the recommended action
     * @param codes the reply codes
     * @param enhancedCodes the enhanced status codes
     * @param notes the notes
     */
    public Explanation {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(whenSeen, "whenSeen");
        Objects.requireNonNull(action, "action");
        codes = List.copyOf(codes);
        enhancedCodes = List.copyOf(enhancedCodes);
        notes = List.copyOf(notes);
    }

    /**
     * Every outcome record, in the order of the outcome table on {@link DeliveryOutcome}; each has an explanation.
     *
     * @return the record classes, from {@code Accepted} to {@code ConnectionLost}
     */
    public static List<Class<? extends DeliveryOutcome>> records() {
        return ExplanationTable.records();
    }

    /**
     * The explanation of a record, with its typical reply and enhanced status codes.
     *
     * @param record a record nested in {@link DeliveryOutcome}, e.g. {@code NotLocalNoRelay.class}
     * @return the explanation, without notes
     * @throws IllegalArgumentException for a class that is not an outcome record (e.g. {@code Success.class})
     */
    public static Explanation of(Class<? extends DeliveryOutcome> record) {
        Objects.requireNonNull(record, "record");
        Entry entry = ExplanationTable.of(record)
                .orElseThrow(() -> new IllegalArgumentException("not an outcome record: " + record.getName()));
        return build(entry, code -> true, List.of());
    }

    /**
     * The explanation of a reason, with the reply and enhanced status codes it typically comes with.
     *
     * @param reason the reason
     * @return the explanation, without notes
     */
    public static Explanation of(Reason reason) {
        Objects.requireNonNull(reason, "reason");
        return build(ExplanationReasonTable.of(reason).orElseThrow(), code -> true, List.of());
    }

    /**
     * The explanation of a reply code: that of the record {@code DeliveryOutcome.classify(Stage.RCPT,
     * SmtpReply.of(code, ""))} gives, about this code only.
     *
     * @param code the reply code, 100 to 599
     * @return the explanation, with this code and the enhanced codes that typically come with it
     * @throws IllegalArgumentException if {@code code} is outside 100-599
     */
    public static Explanation of(int code) {
        Class<? extends DeliveryOutcome> record = DeliveryOutcome.classify(Stage.RCPT, SmtpReply.of(code, ""))
                .getClass();
        Explanation typical = build(ExplanationTable.of(record).orElseThrow(), c -> c == code, List.of());
        return new Explanation(typical.summary, typical.description, typical.whenSeen, typical.action,
                List.of(ReplyCodes.meaning(code)), typical.enhancedCodes, List.of());
    }

    /**
     * The explanation of one outcome: its record's words, its own reply code and enhanced status code, and notes
     * on its reason, forward path or lost connection.
     *
     * @param outcome the outcome
     * @return the explanation
     */
    public static Explanation of(DeliveryOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return of(outcome, ExplanationNotes.of(outcome, Optional.empty(), Optional.empty()));
    }

    /**
     * Like {@link #of(DeliveryOutcome)}, and for a {@link DeliveryOutcome.NotLocalNoRelay} with a forward path,
     * a note saying whether {@code policy} would follow it ({@link ForwardPolicy#wouldFollow(String, String)}):
     * {@code "The mailer would resend to x@y (policy: ...)."} or
     * {@code "The configured ForwardPolicy would not follow it: <reason>."}. The recipient is needed because the
     * policy's {@link DomainRule} compares the two addresses' domains.
     *
     * @param outcome the outcome
     * @param recipient the address the outcome is about (the one the server rejected)
     * @param policy the forward policy to ask
     * @return the explanation
     */
    public static Explanation of(DeliveryOutcome outcome, String recipient, ForwardPolicy policy) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(policy, "policy");
        return of(outcome, ExplanationNotes.of(outcome, Optional.of(recipient), Optional.of(policy)));
    }

    private static Explanation of(DeliveryOutcome outcome, List<String> notes) {
        Entry entry = ExplanationTable.of(outcome.getClass()).orElseThrow();
        List<ReplyCodes.Meaning> codes = outcome.reply().map(r -> List.of(ReplyCodes.meaning(r.code())))
                .orElse(List.of());
        return new Explanation(entry.summary(), entry.description(), entry.whenSeen(), entry.action(), codes,
                outcome.enhancedStatus().stream().toList(), notes);
    }

    /** The words of an entry with the codes of its typical replies that pass {@code codes}. */
    private static Explanation build(Entry entry, IntPredicate codes, List<String> notes) {
        List<String[]> replies = entry.replies().stream().map(r -> r.split(" ")).filter(r ->
                codes.test(Integer.parseInt(r[0]))).toList();
        List<ReplyCodes.Meaning> meanings = replies.stream().map(r -> Integer.parseInt(r[0])).distinct()
                .map(ReplyCodes::meaning).toList();
        List<EnhancedStatus> enhanced = replies.stream().filter(r -> r.length > 1)
                .map(r -> EnhancedStatus.parse(r[1])).distinct().toList();
        return new Explanation(entry.summary(), entry.description(), entry.whenSeen(), entry.action(), meanings,
                enhanced, notes);
    }
}
