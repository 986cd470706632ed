package org.mailoutcome.providers.internal;

/** A check of a request made before its body is parsed: from its headers and raw bytes. */
@FunctionalInterface
public interface Gate {
    /** Lets every request through. */
    Gate OPEN = (body, headers) -> Verdict.pass();

    /** Checks one request. */
    Verdict check(byte[] body, Headers headers);
}
