package org.mailoutcome.bounce.tracking;

import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.text.ParsePosition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.bounce.Bounce;
import org.mailoutcome.bounce.BounceParser;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.bounce.ParsedMail;
import org.mailoutcome.bounce.tracking.internal.Callbacks;
import org.mailoutcome.bounce.tracking.internal.Correlator;
import org.mailoutcome.bounce.tracking.internal.NoticeIds;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.ReportedFate;
import org.mailoutcome.tracking.TrackedRecipient;
import org.mailoutcome.tracking.Tracking;

/**
 * Follows each recipient of a tracked send to its fate: reads bounces, delay notices, success notices and
 * complaints, matches each to the send it is about in the {@link DeliveryStore} the mailer recorded it in, updates
 * the recipient's {@link Fate} and calls the {@link FateListener}.
 *
 * <pre>{@code
 * Tracking tracking = Tracking.builder(store).build();                   // one object for both ends
 * OutcomeMailer mailer = OutcomeMailer.builder(session).tracking(tracking).build();
 * DeliveryTracker tracker = DeliveryTracker.builder(tracking).listener(new FateListener() {
 *     @Override public void onBounced(SentMessage send, TrackedRecipient r, Fate.Bounced fate) { ... }
 * }).build();
 * tracker.ingest(bounceStream);                                         // from a pipe, a webhook, a mailbox
 * }</pre>
 *
 * <p><b>Matching.</b> The send: by the notice's {@code Original-Envelope-Id} (the ENVID the mailer sent where the
 * server advertised DSN), then by a VERP token in the address the notice was sent to ({@code Delivered-To},
 * {@code X-Original-To}, {@code To}...), then by the Message-ID of the returned message. The recipient: by
 * {@code Original-Recipient}, then {@code Final-Recipient} (each compared with the envelope address and the address
 * a followed forward went to), then {@code X-Failed-Recipients}. A notice or recipient that matches nothing is
 * reported to {@link FateListener#onUnmatched}, never dropped.
 *
 * <p><b>Fates.</b> {@code failed} makes the recipient bounced (with the remote reply classified by core),
 * {@code delayed} delayed, {@code delivered}, {@code relayed} and {@code expanded} delivered, which is never
 * final. A fate only moves forward ({@link Fate#allows(Fate)}).
 *
 * <p><b>Idempotent.</b> Each notice has an identity (its Message-ID, else a digest of its content); the store
 * remembers it per recipient, so a notice ingested twice changes nothing and calls no callback the second time.
 *
 * <p>Thread-safe; the store's {@link DeliveryStore#update(ReportedFate)} is atomic.
 */
public final class DeliveryTracker {
    private final DeliveryStore store;
    private final BounceParser parser;
    private final Callbacks callbacks;
    private final Clock clock;
    private final Correlator correlator;

    private DeliveryTracker(Builder b) {
        this.store = b.tracking.store();
        this.parser = b.parser;
        this.callbacks = new Callbacks(b.listener);
        this.clock = b.tracking.clock();
        this.correlator = new Correlator(store);
    }

    /**
     * A builder for a tracker of the sends a mailer made with this tracking: the same store, the same clock for
     * notices without a valid Date field.
     *
     * @param tracking the tracking given to the mailer
     * @return the builder
     */
    public static Builder builder(Tracking tracking) {
        return new Builder(tracking);
    }

    /**
     * Ingests a raw mail, e.g. piped by the MTA or posted to a webhook; the stream is not closed.
     *
     * @param mail the mail (RFC 5322); at most the parser's {@link BounceParser#maxBytes()} are read
     * @return what was done with it
     * @throws IOException when reading fails
     * @throws DeliveryStoreException when the store fails: ingest the mail again later
     */
    public IngestResult ingest(InputStream mail) throws IOException {
        return ingest(parser.parse(Objects.requireNonNull(mail, "mail")));
    }

    /**
     * Ingests a message read by Jakarta Mail, e.g. from an IMAP folder.
     *
     * @param mail the message
     * @return what was done with it
     * @throws IOException when reading its content fails
     * @throws DeliveryStoreException when the store fails: ingest the message again later
     */
    public IngestResult ingest(MimeMessage mail) throws IOException {
        return ingest(parser.parse(Objects.requireNonNull(mail, "mail")));
    }

    /**
     * Ingests a mail already parsed.
     *
     * @param mail what {@link BounceParser} made of a mail
     * @return what was done with it
     * @throws DeliveryStoreException when the store fails: ingest the mail again later
     */
    public IngestResult ingest(ParsedMail mail) {
        Objects.requireNonNull(mail, "mail");
        if (mail instanceof Bounce bounce) return ingest(bounce);
        if (mail instanceof Complaint complaint) return complaint(complaint);
        callbacks.ignored(mail);
        return new IngestResult.Ignored(mail);
    }

    /**
     * Ingests a bounce, delay notice or success notice.
     *
     * @param bounce the notice
     * @return {@link IngestResult.Tracked} or {@link IngestResult.Unmatched}
     * @throws DeliveryStoreException when the store fails: ingest the notice again later
     */
    public IngestResult ingest(Bounce bounce) {
        Objects.requireNonNull(bounce, "bounce");
        List<String> addresses = bounce.recipients().stream().map(BouncedRecipient::finalRecipient).toList();
        List<org.mailoutcome.bounce.Headers> headers = List.of(bounce.headers(), bounce.returnedHeaders());
        Optional<Correlator.Match> match = correlator.find(bounce.originalEnvelopeId(), headers, bounce.messageId(),
                addresses);
        if (match.isEmpty()) {
            String why = Correlator.miss(bounce.originalEnvelopeId(), headers, bounce.messageId());
            callbacks.unmatched(bounce, why);
            return new IngestResult.Unmatched(bounce, why);
        }
        return apply(bounce, match.get());
    }

    private IngestResult apply(Bounce bounce, Correlator.Match match) {
        String noticeId = NoticeIds.of(bounce);
        Instant at = noticeTime(bounce);
        List<IngestResult.Update> updates = new ArrayList<>();
        List<BouncedRecipient> unmatched = new ArrayList<>();
        var send = match.send();
        for (BouncedRecipient entry : bounce.recipients()) {
            Optional<TrackedRecipient> recipient = Correlator.recipient(send, entry, bounce.headers(),
                    bounce.recipients().size() == 1);
            if (recipient.isEmpty()) {
                unmatched.add(entry);
                continue;
            }
            FateUpdate update = store.update(new ReportedFate(send.id(), recipient.get().address(), fate(entry, at),
                    noticeId));
            updates.add(new IngestResult.Update(entry, update));
            if (update instanceof FateUpdate.Applied applied) {
                send = applied.message();
                callbacks.applied(applied);
            }
        }
        for (BouncedRecipient entry : unmatched) {
            callbacks.unmatched(bounce, "send " + match.send().id() + " (matched by " + match.by()
                    + ") has no recipient " + entry.originalRecipient().orElse(entry.finalRecipient()));
        }
        return new IngestResult.Tracked(store.find(send.id()).orElse(send), match.by(), noticeId, updates, unmatched);
    }

    private IngestResult complaint(Complaint complaint) {
        List<org.mailoutcome.bounce.Headers> headers = List.of(complaint.headers(), complaint.returnedHeaders());
        Optional<Correlator.Match> match = correlator.find(Optional.empty(), headers, complaint.messageId(),
                complaint.recipients());
        callbacks.complaint(complaint, match.map(Correlator.Match::send));
        return new IngestResult.Complained(complaint, match.map(Correlator.Match::send),
                match.map(Correlator.Match::by));
    }

    private static Fate fate(BouncedRecipient entry, Instant at) {
        return switch (entry.action()) {
            case FAILED -> new Fate.Bounced(entry.outcome(), at);
            case DELAYED -> new Fate.Delayed(at, entry.statusStated() ? Optional.of(entry.status()) : Optional.empty());
            case DELIVERED, RELAYED, EXPANDED -> new Fate.Delivered(at);
        };
    }

    /** When the notice was written: its Date field, else now. */
    private Instant noticeTime(Bounce bounce) {
        Optional<Date> date = bounce.headers().first("Date")
                .map(d -> new MailDateFormat().parse(d, new ParsePosition(0)));
        return date.map(Date::toInstant).orElseGet(clock::instant);
    }

    /** Options of a {@link DeliveryTracker}. */
    public static final class Builder {
        private final Tracking tracking;
        private BounceParser parser = BounceParser.defaults();
        private FateListener listener = FateListener.NONE;

        private Builder(Tracking tracking) {
            this.tracking = Objects.requireNonNull(tracking, "tracking");
        }

        /**
         * The callbacks; default {@link FateListener#NONE}.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(FateListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The parser of raw mail; default {@link BounceParser#defaults()}.
         *
         * @param parser the parser
         * @return this builder
         */
        public Builder parser(BounceParser parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /**
         * Builds the tracker.
         *
         * @return the tracker
         */
        public DeliveryTracker build() {
            return new DeliveryTracker(this);
        }
    }
}
