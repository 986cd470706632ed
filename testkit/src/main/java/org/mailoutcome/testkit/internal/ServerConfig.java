package org.mailoutcome.testkit.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.testkit.ReplyPackets;

/**
 * The options of one server: the public builder checks each, this record how they combine.
 *
 * @param hostname the name in the greeting and the EHLO reply
 * @param pipelining whether to advertise PIPELINING
 * @param chunking whether to advertise CHUNKING and accept BDAT
 * @param maxMessageSize the SIZE limit in bytes
 * @param maxRecipients accepted recipients per transaction before {@code 452 4.5.3}
 * @param starttls whether to offer STARTTLS
 * @param requireTls whether MAIL and AUTH need TLS first
 * @param credentials the user AUTH accepts; empty when AUTH is not offered
 * @param requireAuth whether MAIL needs AUTH first
 * @param readTimeout how long the server waits for a client line before closing the connection
 * @param replyPackets how replies are written onto the connection
 */
public record ServerConfig(String hostname, boolean pipelining, boolean chunking, long maxMessageSize,
        int maxRecipients, boolean starttls, boolean requireTls, Optional<Credentials> credentials,
        boolean requireAuth, Duration readTimeout, ReplyPackets replyPackets) {

    /**
     * Checks the components for null, and how they combine.
     *
     * @throws IllegalStateException if {@code requireTls} is set without {@code starttls}, or {@code requireAuth}
     *     without credentials
     */
    public ServerConfig {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(replyPackets, "replyPackets");
        if (requireTls && !starttls) {
            throw new IllegalStateException("requireTls(true) needs starttls(true)");
        }
        if (requireAuth && credentials.isEmpty()) {
            throw new IllegalStateException("requireAuth(true) needs auth(user, password)");
        }
    }
}
