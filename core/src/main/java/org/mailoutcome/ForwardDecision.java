package org.mailoutcome;

import java.util.Objects;

/** What a {@link ForwardPolicy} decided about a forward path: follow it, or refuse with a reason. */
public sealed interface ForwardDecision {

    /**
     * Resend to this address.
     *
     * @param address the forward path to send to
     */
    record Follow(String address) implements ForwardDecision {
        /**
         * Checks the address.
         *
         * @param address the forward path
         */
        public Follow {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Do not resend.
     *
     * @param reason why, for logs and reports: e.g. {@code "forwarding is disabled"}
     */
    record Refuse(String reason) implements ForwardDecision {
        /**
         * Checks the reason.
         *
         * @param reason why
         */
        public Refuse {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
