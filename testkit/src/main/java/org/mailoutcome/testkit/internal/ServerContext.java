package org.mailoutcome.testkit.internal;

import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What every session of one server shares.
 *
 * @param config the options
 * @param script the rules
 * @param recordings where sessions and messages are recorded
 * @param tls the TLS context for STARTTLS; empty when STARTTLS is off
 */
public record ServerContext(ServerConfig config, Script script, Recordings recordings, Optional<SSLContext> tls) {

    /** Checks the components. */
    public ServerContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(recordings, "recordings");
        Objects.requireNonNull(tls, "tls");
    }
}
