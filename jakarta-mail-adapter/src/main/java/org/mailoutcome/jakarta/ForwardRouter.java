package org.mailoutcome.jakarta;

import jakarta.mail.Session;
import java.util.Optional;

/**
 * Where a followed forward path is delivered: through the mailer's own server (the default, {@link #SAME_SERVER})
 * or through another server, named by a session. mail-outcome does no MX lookup of its own: a router that wants
 * one does it here.
 */
@FunctionalInterface
public interface ForwardRouter {
    /** Every forward goes through the mailer's own server. */
    ForwardRouter SAME_SERVER = address -> Optional.empty();

    /**
     * The session (server, port, credentials, TLS) to deliver a forward address through.
     *
     * @param forwardAddress the address the forward goes to
     * @return a session, or empty for the mailer's own server
     */
    Optional<Session> route(String forwardAddress);
}
