package org.mailoutcome.providers.internal;

import java.util.Optional;
import org.mailoutcome.providers.Refusal;

/** What a verification found: authentic (with what its replay guard remembered), or refused. */
public sealed interface Verdict {

    /** Authentic. @param replayToken what the replay guard remembered, if it has one */
    record Pass(Optional<String> replayToken) implements Verdict {
    }

    /** Refused. @param refusal why @param detail a sentence without credentials */
    record Fail(Refusal refusal, String detail) implements Verdict {
    }

    /** Authentic, nothing remembered. */
    static Verdict pass() {
        return new Pass(Optional.empty());
    }

    /** Refused. */
    static Verdict fail(Refusal refusal, String detail) {
        return new Fail(refusal, detail);
    }
}
