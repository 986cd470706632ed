package org.mailoutcome.providers.internal;

import java.util.List;
import java.util.Optional;
import org.mailoutcome.providers.ParseResult;
import org.mailoutcome.providers.ProviderEvent;
import org.mailoutcome.tracking.Provider;

/** A check of the request first (headers and raw bytes), then the body parsed into events. */
public final class GatedReader implements Reader {
    private final Provider provider;
    private final Gate gate;
    private final Parser parser;
    private final Optional<ReplayGuard> guard;

    /** Reads a body's JSON text into events. */
    @FunctionalInterface
    public interface Parser {
        /** The events of a body. */
        List<ProviderEvent> events(String text) throws BadPayload;
    }

    /** @param provider the provider @param gate the check @param parser the reading @param guard the gate's guard */
    public GatedReader(Provider provider, Gate gate, Parser parser, Optional<ReplayGuard> guard) {
        this.provider = provider;
        this.gate = gate;
        this.parser = parser;
        this.guard = guard;
    }

    @Override
    public ParseResult read(byte[] body, Headers headers) {
        Verdict verdict = gate.check(body, headers);
        if (verdict instanceof Verdict.Fail fail) return new ParseResult.Refused(provider, fail.refusal(), fail.detail());
        try {
            return new ParseResult.Accepted(provider, parser.events(Json.decode(body)),
                    ((Verdict.Pass) verdict).replayToken());
        } catch (BadPayload e) {
            return new ParseResult.Malformed(provider, e.getMessage());
        }
    }

    @Override
    public void forget(String replayToken) {
        guard.ifPresent(g -> g.forget(replayToken));
    }
}
