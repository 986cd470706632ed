package org.mailoutcome.jdbc;

import org.mailoutcome.jakarta.OutcomeMailer;

/**
 * The mailer a worker re-sends through, for the server a send was first made to. The worker does not close the
 * mailers it is given; their owner does.
 */
@FunctionalInterface
public interface MailerSource {
    /**
     * The mailer for a server.
     *
     * @param server {@code host:port} as recorded with the send
     * @return a mailer that sends to that server (or to an override, such as a relay)
     */
    OutcomeMailer mailerFor(String server);
}
