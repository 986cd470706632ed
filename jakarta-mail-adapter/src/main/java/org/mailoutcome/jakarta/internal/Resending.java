package org.mailoutcome.jakarta.internal;

import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.List;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.retry.StoredMessage;
import org.mailoutcome.jakarta.retry.TransactionHooks;

/** One transaction of a stored message to given recipients, with the ledger's hooks around it. */
public final class Resending {
    private Resending() {
    }

    /** Sends the stored bytes to the recipients; every recipient gets one outcome. */
    public static DeliveryReport resend(TransactionRouter router, StoredMessage stored, List<InternetAddress> to,
            TransactionHooks hooks) {
        List<InternetAddress> envelope = Envelope.recipients(to.toArray(new InternetAddress[0]));
        StoredMimeMessage message = StoredMimeMessage.of(router.session(), stored);
        try {
            hooks.beforeTransaction(envelope);
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return ReportBuilder.connectFailed(envelope, List.of(), "not sent: beforeTransaction failed: " + e,
                    stored.messageId());
        }
        DeliveryReport report = router.resend(message, envelope, stored.messageId(), () -> {
            try {
                hooks.beforeEndOfData();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("end of data not sent: beforeEndOfData failed: " + e, e);
            }
        });
        try {
            hooks.afterReplies(report);
        } catch (Exception e) {
            throw new IllegalStateException("afterReplies failed: " + e.getMessage(), e);
        }
        return report;
    }
}
