package org.mailoutcome;

import java.util.Objects;
import org.mailoutcome.internal.ExplanationNotes;
import org.mailoutcome.internal.ExplanationTable;

/**
 * Two reply codes or records side by side: their class, what the server does with the message (the
 * {@linkplain Explanation#summary() summary}), what the client should do (the {@linkplain Explanation#action()
 * action}), and the key difference.
 *
 * <pre>{@code
 * Comparison c = Comparison.of(251, 551);
 * c.first().codeClass();   // "2yz positive completion"
 * c.second().record();     // NotLocalNoRelay.class
 * c.keyDifference();       // "Both say the recipient is not local, but 251 accepts the message and forwards it ..."
 * }</pre>
 *
 * <p>The pairs people confuse most (251 and 551, 252 and 250, 252 and 551, 450 and 550, 451 and 421, 452 and 552,
 * or their records) have a hand-written key difference; any other pair gets one built from the two dispositions.
 *
 * @param first the first side
 * @param second the second side
 * @param keyDifference one or two sentences on what sets the two apart
 */
public record Comparison(Side first, Side second, String keyDifference) {

    /**
     * Checks the components.
     *
     * @param first the first side
     * @param second the second side
     * @param keyDifference the key difference
     */
    public Comparison {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(keyDifference, "keyDifference");
    }

    /**
     * Compares two sides.
     *
     * @param first the first side
     * @param second the second side
     * @return the comparison
     */
    public static Comparison of(Side first, Side second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        String key = ExplanationTable.keyDifference(first.record(), second.record()).orElseGet(() ->
                ExplanationNotes.keyDifference(first.label(), first.record(), first.disposition(), second.label(),
                        second.record(), second.disposition()));
        return new Comparison(first, second, key);
    }

    /**
     * Compares two reply codes.
     *
     * @param first the first code, 100 to 599
     * @param second the second code, 100 to 599
     * @return the comparison
     * @throws IllegalArgumentException if a code is outside 100-599
     */
    public static Comparison of(int first, int second) {
        return of(Side.ofCode(first), Side.ofCode(second));
    }

    /**
     * One side of a comparison: a reply code or a record.
     *
     * @param label how the side is named: the code (e.g. {@code "252"}) or the record's simple name
     * @param record the record: for a code, the one {@code DeliveryOutcome.classify(Stage.RCPT,
     *     SmtpReply.of(code, ""))} gives
     * @param codeClass the class of the code, e.g. {@code "2yz positive completion"}; for a record, that of its
     *     first typical code, or {@code "no reply code; counted as ..."}
     * @param explanation the explanation of the code or record
     */
    public record Side(String label, Class<? extends DeliveryOutcome> record, String codeClass,
            Explanation explanation) {
        /**
         * Checks the components.
         *
         * @param label the label
         * @param record the record
         * @param codeClass the class
         * @param explanation the explanation
         */
        public Side {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(codeClass, "codeClass");
            Objects.requireNonNull(explanation, "explanation");
        }

        /**
         * A reply code as a side.
         *
         * @param code the reply code, 100 to 599
         * @return the side, labelled with the code
         * @throws IllegalArgumentException if {@code code} is outside 100-599
         */
        public static Side ofCode(int code) {
            Explanation explanation = Explanation.of(code);
            Class<? extends DeliveryOutcome> record = DeliveryOutcome.classify(Stage.RCPT, SmtpReply.of(code, ""))
                    .getClass();
            return new Side(Integer.toString(code), record, ReplyCodes.meaning(code).codeClass(), explanation);
        }

        /**
         * A record as a side.
         *
         * @param record a record nested in {@link DeliveryOutcome}
         * @return the side, labelled with the record's simple name
         * @throws IllegalArgumentException for a class that is not an outcome record
         */
        public static Side ofRecord(Class<? extends DeliveryOutcome> record) {
            Explanation explanation = Explanation.of(record);
            String codeClass = explanation.codes().isEmpty() ? ExplanationNotes.codelessClass(dispositionOf(record))
                    : explanation.codes().get(0).codeClass();
            return new Side(record.getSimpleName(), record, codeClass, explanation);
        }

        /**
         * The disposition every outcome of the record has.
         *
         * @return success, transient or permanent
         */
        public Disposition disposition() {
            return dispositionOf(record);
        }

        private static Disposition dispositionOf(Class<? extends DeliveryOutcome> record) {
            if (DeliveryOutcome.Success.class.isAssignableFrom(record)) return Disposition.SUCCESS;
            if (DeliveryOutcome.Transient.class.isAssignableFrom(record)) return Disposition.TRANSIENT;
            if (DeliveryOutcome.Permanent.class.isAssignableFrom(record)) return Disposition.PERMANENT;
            if (record == DeliveryOutcome.ConnectionLost.class) return Disposition.TRANSIENT;
            throw new IllegalStateException("no disposition known for " + record.getName());
        }
    }
}
