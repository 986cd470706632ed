package org.mailoutcome.bounce.tracking.internal;

import java.util.Optional;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.bounce.ParsedMail;
import org.mailoutcome.bounce.tracking.FateListener;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.SuppressionChange;
import org.mailoutcome.tracking.TrackedRecipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a {@link FateListener}; a callback that throws is logged at WARN and the next one still runs. */
public final class Callbacks {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.bounce.tracking.DeliveryTracker");

    private final FateListener listener;

    /** Dispatch to this listener. */
    public Callbacks(FateListener listener) {
        this.listener = listener;
    }

    /** The callbacks of one applied change: the catch-all, the typed one, and a moved address when {@code moved}. */
    public void applied(FateUpdate.Applied applied, boolean moved) {
        var send = applied.message();
        var recipient = applied.recipient();
        String what = recipient.address() + " of send " + send.id() + " -> " + recipient.fate();
        safely("onFateChanged", what, () -> listener.onFateChanged(send, recipient, applied.previous()));
        Fate fate = recipient.fate();
        if (fate instanceof Fate.Bounced bounced) {
            safely("onBounced", what, () -> listener.onBounced(send, recipient, bounced));
            if (moved) bounced.outcome().forwardPath().ifPresent(path -> moved(send, recipient, path));
        } else if (fate instanceof Fate.Delayed delayed) {
            safely("onDelayed", what, () -> listener.onDelayed(send, recipient, delayed));
        } else if (fate instanceof Fate.Delivered delivered) {
            safely("onDelivered", what, () -> listener.onDelivered(send, recipient, delivered));
        }
    }

    /** A forward path learnt from a notice. */
    public void moved(SentMessage send, TrackedRecipient recipient, String path) {
        safely("onAddressMoved", recipient.address() + " of send " + send.id() + " -> " + path,
                () -> listener.onAddressMoved(send, recipient, path));
    }

    /** A new suppression, if the change is one. */
    public void suppression(SuppressionChange change) {
        if (change instanceof SuppressionChange.Suppressed s) {
            safely("onSuppressed", s.entry().address() + " " + s.entry().kind(), () -> listener.onSuppressed(s.entry()));
        }
    }

    /** A complaint. */
    public void complaint(Complaint complaint, Optional<org.mailoutcome.tracking.SentMessage> send) {
        safely("onComplaint", complaint.feedbackType() + " " + complaint.recipients(),
                () -> listener.onComplaint(complaint, send));
    }

    /** An unmatched notice. */
    public void unmatched(ParsedMail notice, String why) {
        safely("onUnmatched", why, () -> listener.onUnmatched(notice, why));
    }

    /** A provider's report matched to a recipient. */
    public void reported(ProviderReport report, SentMessage send, TrackedRecipient recipient) {
        safely("onProviderEvent", report.provider().id() + " " + report.kind() + " of send " + send.id(),
                () -> listener.onProviderEvent(report, send, recipient));
    }

    /** An unmatched provider's report. */
    public void unmatched(ProviderReport report, String why) {
        safely("onUnmatched", report.provider().id() + " " + report.kind(), () -> listener.onUnmatched(report, why));
    }

    /** A mail that is no notice. */
    public void ignored(ParsedMail mail) {
        safely("onIgnored", mail.format().toString(), () -> listener.onIgnored(mail));
    }

    private static void safely(String callback, String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("FateListener.{} threw while handling {}: {}", callback, what, e.toString(), e);
        }
    }
}
