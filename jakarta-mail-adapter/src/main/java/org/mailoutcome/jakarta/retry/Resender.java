package org.mailoutcome.jakarta.retry;

import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Objects;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.internal.MailerAccess;
import org.mailoutcome.jakarta.internal.Resending;
import org.mailoutcome.jakarta.internal.TransactionRouter;

/**
 * A durable retry worker's way to send a {@link StoredMessage} again, byte for byte, over a mailer's pooled
 * connections: one transaction, with the worker's {@link TransactionHooks} around it, and no retry, forward or
 * handler of the mailer's. Applications never need it; a worker such as the JDBC module's uses it.
 *
 * <pre>{@code
 * DeliveryReport report = Resender.of(mailer).resend(stored, targets, hooks);
 * }</pre>
 */
public final class Resender {
    private final TransactionRouter router;

    private Resender(TransactionRouter router) {
        this.router = router;
    }

    /**
     * A resender over this mailer's connections (its server, timeouts, credentials and pool).
     *
     * @param mailer the mailer; closing it closes the connections this resender uses
     * @return the resender
     */
    public static Resender of(OutcomeMailer mailer) {
        return new Resender(MailerAccess.router(mailer));
    }

    /**
     * Sends a stored message again in one transaction with the hooks around it.
     *
     * @param message the message as first sent
     * @param to the recipients of this transaction
     * @param hooks called before the transaction, before the end of data and after the replies
     * @return one outcome per recipient
     * @throws IllegalStateException when {@link TransactionHooks#afterReplies} throws
     */
    public DeliveryReport resend(StoredMessage message, List<InternetAddress> to, TransactionHooks hooks) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(to, "to");
        return Resending.resend(router, message, to, Objects.requireNonNull(hooks, "hooks"));
    }
}
