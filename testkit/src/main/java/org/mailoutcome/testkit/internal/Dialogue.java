package org.mailoutcome.testkit.internal;

import java.io.IOException;

/** A server challenge and the client's answer, as in the {@code 334} steps of {@code AUTH}. */
@FunctionalInterface
interface Dialogue {

    /**
     * Writes one reply line and reads the client's answer line.
     *
     * @param replyLine the reply, without line ending
     * @return the answer, without line ending
     * @throws IOException if the connection fails or ends
     */
    String challenge(String replyLine) throws IOException;
}
