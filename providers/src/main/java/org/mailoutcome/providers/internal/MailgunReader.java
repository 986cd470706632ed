package org.mailoutcome.providers.internal;

import com.google.gson.JsonObject;
import org.mailoutcome.providers.ParseResult;
import org.mailoutcome.tracking.Provider;

/** Mailgun with its HMAC: the body is parsed first, since the signature is in it. */
public final class MailgunReader implements Reader {
    private final MailgunCheck check;
    private final ReplayGuard guard;

    /** @param check the signature check @param guard its replay guard */
    public MailgunReader(MailgunCheck check, ReplayGuard guard) {
        this.check = check;
        this.guard = guard;
    }

    @Override
    public ParseResult read(byte[] body, Headers headers) {
        try {
            Json.Doc doc = Json.parse(body);
            if (!(doc.root() instanceof JsonObject root)) throw new BadPayload("a Mailgun webhook is a JSON object");
            Verdict verdict = check.check(root);
            if (verdict instanceof Verdict.Fail fail) {
                return new ParseResult.Refused(Provider.MAILGUN, fail.refusal(), fail.detail());
            }
            return new ParseResult.Accepted(Provider.MAILGUN, MailgunEvents.of(root, doc.text()),
                    ((Verdict.Pass) verdict).replayToken());
        } catch (BadPayload e) {
            return new ParseResult.Malformed(Provider.MAILGUN, e.getMessage());
        }
    }

    @Override
    public void forget(String replayToken) {
        guard.forget(replayToken);
    }
}
