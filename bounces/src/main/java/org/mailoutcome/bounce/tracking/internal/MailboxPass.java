package org.mailoutcome.bounce.tracking.internal;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import java.io.IOException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.bounce.tracking.Marking;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the bounce folder: every message not yet marked is ingested, then marked. A message whose
 * ingestion fails (I/O, the store) stays unmarked and is tried again by the next pass.
 */
public final class MailboxPass {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.bounce.tracking.BounceMailbox");

    private final DeliveryTracker tracker;
    private final Marking marking;

    /** Passes that ingest with the tracker and mark as chosen. */
    public MailboxPass(DeliveryTracker tracker, Marking marking) {
        this.tracker = tracker;
        this.marking = marking;
    }

    /** Ingests and marks every unmarked message of the open folder; returns how many were ingested. */
    public int run(Folder folder) throws MessagingException {
        Message[] messages = marking instanceof Marking.Keyword k
                ? folder.search(new NotTerm(new FlagTerm(new Flags(k.keyword()), true))) : folder.getMessages();
        int done = 0;
        for (Message message : messages) {
            if (message.isExpunged()) continue;
            if (ingest(message)) {
                mark(folder, message);
                done++;
            }
        }
        return done;
    }

    private boolean ingest(Message message) {
        try {
            tracker.ingest((MimeMessage) message);
            return true;
        } catch (IOException | DeliveryStoreException | ClassCastException e) {
            LOG.warn("bounce mailbox: message {} not ingested, left unmarked for the next pass: {}",
                    message.getMessageNumber(), e.toString(), e);
            return false;
        }
    }

    private void mark(Folder folder, Message message) throws MessagingException {
        if (marking instanceof Marking.Keyword k) {
            message.setFlags(new Flags(k.keyword()), true);
            return;
        }
        Folder target = folder.getStore().getFolder(((Marking.MoveTo) marking).folder());
        if (!target.exists()) target.create(Folder.HOLDS_MESSAGES);
        if (folder instanceof IMAPFolder imap && folder.getStore() instanceof IMAPStore store
                && store.hasCapability("MOVE")) {
            imap.moveMessages(new Message[] {message}, target);
        } else {
            folder.copyMessages(new Message[] {message}, target);
            message.setFlag(Flags.Flag.DELETED, true);
            folder.expunge();
        }
    }
}
