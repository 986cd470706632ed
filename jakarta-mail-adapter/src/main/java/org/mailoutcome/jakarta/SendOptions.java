package org.mailoutcome.jakarta;

/**
 * Options of one send, for the rare send that must differ from the mailer's settings.
 *
 * <pre>{@code
 * mailer.send(passwordReset, SendOptions.bypassingSuppressions());   // the user just re-entered the address
 * }</pre>
 */
public final class SendOptions {
    private static final SendOptions DEFAULTS = new Builder().build();

    private final boolean bypassSuppressions;

    private SendOptions(Builder b) {
        this.bypassSuppressions = b.bypassSuppressions;
    }

    /**
     * The mailer's settings, unchanged.
     *
     * @return the options
     */
    public static SendOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Shorthand for {@code builder().bypassSuppressions(true).build()}.
     *
     * @return the options
     */
    public static SendOptions bypassingSuppressions() {
        return builder().bypassSuppressions(true).build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with these options.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder().bypassSuppressions(bypassSuppressions);
    }

    /**
     * Whether this send ignores the mailer's suppression list.
     *
     * @return false by default
     */
    public boolean bypassesSuppressions() {
        return bypassSuppressions;
    }

    @Override
    public String toString() {
        return "SendOptions[bypassSuppressions=" + bypassSuppressions + "]";
    }

    /** Builds {@link SendOptions}; meant for one thread. */
    public static final class Builder {
        private boolean bypassSuppressions;

        private Builder() {
        }

        /**
         * Whether to send to suppressed addresses too (they are not even looked up); default false. What is
         * learnt from the send still feeds the list.
         *
         * @param bypass true to ignore the suppression list for this send
         * @return this builder
         */
        public Builder bypassSuppressions(boolean bypass) {
            this.bypassSuppressions = bypass;
            return this;
        }

        /**
         * The options.
         *
         * @return new, immutable options
         */
        public SendOptions build() {
            return new SendOptions(this);
        }
    }
}
