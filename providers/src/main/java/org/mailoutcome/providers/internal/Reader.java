package org.mailoutcome.providers.internal;

import org.mailoutcome.providers.ParseResult;

/** Verifies and reads the requests of one provider, as configured. Never throws for what a request holds. */
public interface Reader {

    /** Verifies and reads one request whose size was already checked. */
    ParseResult read(byte[] body, Headers headers);

    /** Forgets a replay token this reader accepted, so that the provider's retry is accepted. */
    void forget(String replayToken);
}
