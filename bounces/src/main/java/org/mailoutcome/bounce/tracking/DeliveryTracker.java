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
import java.util.stream.Stream;
import org.mailoutcome.bounce.Bounce;
import org.mailoutcome.bounce.BounceParser;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.bounce.ParsedMail;
import org.mailoutcome.bounce.tracking.internal.Callbacks;
import org.mailoutcome.bounce.tracking.internal.Consequences;
import org.mailoutcome.bounce.tracking.internal.Correlator;
import org.mailoutcome.bounce.tracking.internal.NoticeIds;
import org.mailoutcome.bounce.tracking.internal.ReportIngest;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.ReportedFate;
import org.mailoutcome.tracking.SuppressionChange;
import org.mailoutcome.tracking.SuppressionList;
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
 * {@code X-Original-To}, {@code To}...), then by the send id in an email service provider's correlation header
 * among the returned headers ({@code X-SMTPAPI}, {@code X-Mailgun-Variables}...), then by the Message-ID of the
 * returned message. A provider's webhook event ({@link #ingest(ProviderReport)}) is matched by the same keys. The recipient: by
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
    private final Consequences consequences;
    private final ReportIngest reports;

    private DeliveryTracker(Builder b) {
        this.store = b.tracking.store();
        this.parser = b.parser;
        this.callbacks = new Callbacks(b.listener);
        this.clock = b.tracking.clock();
        this.correlator = new Correlator(store);
        this.consequences = new Consequences(b.suppressions, b.addressBook, clock);
        this.reports = new ReportIngest(store, consequences, callbacks, clock);
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
        List<String> addresses = bounce.recipients().stream()
                .flatMap(r -> Stream.concat(r.originalRecipient().stream(), Stream.of(r.finalRecipient())))
                .toList();
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

    /**
     * Ingests an email service provider's event, as the providers module reports it
     * ({@code ProviderReports.of(accepted)}), exactly as a DSN mail: matched to its send by the tracking id of
     * the provider's metadata, then the provider's message id among the sends' queue ids, then the Message-ID;
     * the fate moved, the suppression list and the address book fed, the callbacks called; once per event
     * identity however often it is ingested. Give it only events whose authenticity was verified.
     *
     * @param report the report
     * @return {@link ReportResult.Tracked} or {@link ReportResult.Unmatched}
     * @throws DeliveryStoreException when the store fails: ingest the event again later (answer the provider
     *     with an error so that it delivers again)
     */
    public ReportResult ingest(ProviderReport report) {
        return reports.ingest(Objects.requireNonNull(report, "report"));
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
            Consequences.Result result = update instanceof FateUpdate.NotFound
                    ? new Consequences.Result(Optional.empty(), false)
                    : consequences.of(send, recipient.get(), entry, noticeId, at);
            updates.add(new IngestResult.Update(entry, update, result.suppression()));
            boolean moved = consequences.hasAddressBook() ? result.moveLearnt() : true;
            if (update instanceof FateUpdate.Applied applied) {
                send = applied.message();
                callbacks.applied(applied, moved);
            } else if (result.moveLearnt()) {
                callbacks.moved(send, recipient.get(), entry.forwardPath().orElseThrow());
            }
            result.suppression().ifPresent(callbacks::suppression);
        }
        for (BouncedRecipient entry : unmatched) {
            callbacks.unmatched(bounce, "send " + match.send().id() + " (matched by " + match.by()
                    + ") has no recipient " + entry.recipient());
        }
        return new IngestResult.Tracked(store.find(send.id()).orElse(send), match.by(), noticeId, updates, unmatched);
    }

    private IngestResult complaint(Complaint complaint) {
        List<org.mailoutcome.bounce.Headers> headers = List.of(complaint.headers(), complaint.returnedHeaders());
        Optional<Correlator.Match> match = correlator.find(Optional.empty(), headers, complaint.messageId(),
                complaint.recipients());
        Instant at = complaint.arrivalDate().orElseGet(() -> noticeTime(complaint.headers()));
        List<SuppressionChange> changes = consequences.of(complaint, match.map(Correlator.Match::send),
                NoticeIds.of(complaint), at);
        callbacks.complaint(complaint, match.map(Correlator.Match::send));
        changes.forEach(callbacks::suppression);
        return new IngestResult.Complained(complaint, match.map(Correlator.Match::send),
                match.map(Correlator.Match::by), changes);
    }

    private static Fate fate(BouncedRecipient entry, Instant at) {
        return switch (entry.action()) {
            case FAILED -> new Fate.Bounced(entry.outcome(), entry.reason(), at);
            case DELAYED -> new Fate.Delayed(at, entry.statusStated() ? Optional.of(entry.status()) : Optional.empty());
            case DELIVERED, RELAYED, EXPANDED -> new Fate.Delivered(at);
        };
    }

    /** When the notice was written: its Date field, else now. */
    private Instant noticeTime(Bounce bounce) {
        return noticeTime(bounce.headers());
    }

    /** The Date field, never later than now (a notice from the future could hold back every later delay). */
    private Instant noticeTime(org.mailoutcome.bounce.Headers headers) {
        Instant now = clock.instant();
        Optional<Date> date = headers.first("Date").map(d -> new MailDateFormat().parse(d, new ParsePosition(0)));
        return date.map(Date::toInstant).filter(d -> d.isBefore(now)).orElse(now);
    }

    /** Options of a {@link DeliveryTracker}. */
    public static final class Builder {
        private final Tracking tracking;
        private BounceParser parser = BounceParser.defaults();
        private FateListener listener = FateListener.NONE;
        private Optional<SuppressionList> suppressions = Optional.empty();
        private Optional<AddressBook> addressBook = Optional.empty();

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
         * Feeds the suppression list what the notices say: a bounce for a recipient of a tracked send (a hard
         * bounce, or one more soft bounce, as the list's policy judges it), a success notice (which clears the soft
         * bounces), a complaint matched to a send (its recipients). Each notice counts once, however many times it is
         * read; the same list given to the mailer makes the next send leave a suppressed address out. Default: none.
         *
         * @param list the suppression list
         * @return this builder
         */
        public Builder suppressions(SuppressionList list) {
            this.suppressions = Optional.of(Objects.requireNonNull(list, "list"));
            return this;
        }

        /**
         * Keeps the new address a bounce names (5.1.6 with a forward path) as old to new; with it,
         * {@link FateListener#onAddressMoved} fires once per move, when it is learnt. Default: none.
         *
         * @param book the address book
         * @return this builder
         */
        public Builder addressBook(AddressBook book) {
            this.addressBook = Optional.of(Objects.requireNonNull(book, "book"));
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
