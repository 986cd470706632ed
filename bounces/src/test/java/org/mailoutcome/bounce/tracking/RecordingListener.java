package org.mailoutcome.bounce.tracking;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.bounce.ParsedMail;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.TrackedRecipient;

/** Records every callback as one line: {@code "onBounced gone@far.test"}. */
class RecordingListener implements FateListener {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void onBounced(SentMessage send, TrackedRecipient recipient, Fate.Bounced fate) {
        calls.add("onBounced " + recipient.address() + " " + fate.reason());
    }

    @Override
    public void onDelayed(SentMessage send, TrackedRecipient recipient, Fate.Delayed fate) {
        calls.add("onDelayed " + recipient.address());
    }

    @Override
    public void onDelivered(SentMessage send, TrackedRecipient recipient, Fate.Delivered fate) {
        calls.add("onDelivered " + recipient.address());
    }

    @Override
    public void onAddressMoved(SentMessage send, TrackedRecipient recipient, String forwardPath) {
        calls.add("onAddressMoved " + recipient.address() + " " + forwardPath);
    }

    @Override
    public void onSuppressed(Suppression entry) {
        calls.add("onSuppressed " + entry.address() + " " + entry.kind());
    }

    @Override
    public void onComplaint(Complaint complaint, Optional<SentMessage> send) {
        calls.add("onComplaint " + send.map(SentMessage::id).orElse("unmatched"));
    }

    @Override
    public void onUnmatched(ParsedMail notice, String why) {
        calls.add("onUnmatched " + why);
    }

    @Override
    public void onIgnored(ParsedMail mail) {
        calls.add("onIgnored " + mail.format());
    }
}
