package org.mailoutcome.testkit.internal;

import java.util.Objects;
import org.mailoutcome.testkit.Gate;

/** What a scripted rule does instead of the server's default reply. */
public sealed interface Action {

    /**
     * Writes a reply, then closes the connection or goes on.
     *
     * @param reply what to write
     * @param thenClose whether to close the connection after writing
     */
    record Send(ServerReply reply, boolean thenClose) implements Action {
        /** Checks the components. */
        public Send {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** Closes the connection without writing anything. */
    record Close() implements Action {
    }

    /** Answers as the server would without any rule. */
    record Proceed() implements Action {
    }

    /**
     * Waits until the gate is released, then does {@code then}.
     *
     * @param gate the gate to wait at
     * @param then what to do once released
     */
    record Hold(Gate gate, Action then) implements Action {
        /** Checks the components. */
        public Hold {
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(then, "then");
        }
    }
}
