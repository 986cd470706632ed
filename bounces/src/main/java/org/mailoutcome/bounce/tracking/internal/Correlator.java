package org.mailoutcome.bounce.tracking.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Headers;
import org.mailoutcome.bounce.internal.Addresses;
import org.mailoutcome.bounce.tracking.IngestResult.MatchedBy;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * Finds the send a notice is about (ENVID, then VERP token, then a provider's correlation header among the
 * returned headers, then the returned Message-ID; a provider's report by its tracking id, queue id, Message-ID) and the recipient each
 * of its entries names (Original-Recipient, Final-Recipient, then X-Failed-Recipients).
 */
public final class Correlator {
    /** Where a VERP address can show up in a notice: the envelope recipient first, then the To it was given. */
    private static final List<String> VERP_FIELDS = List.of("Delivered-To", "X-Original-To", "Envelope-To",
            "X-Envelope-To", "Original-Recipient", "To");
    /** A VERP token: what follows the last {@code +} of an address's local part. */
    private static final Pattern VERP_TOKEN = Pattern.compile("[A-Za-z0-9]{1,64}");

    private final DeliveryStore store;

    /** A send found, and how. */
    public record Match(SentMessage send, MatchedBy by) {
    }

    /** Correlates against the store. */
    public Correlator(DeliveryStore store) {
        this.store = store;
    }

    /**
     * The send: by ENVID, then by a VERP token among the header fields, then by Message-ID (the newest send of it
     * that has one of the addresses, else the newest).
     */
    public Optional<Match> find(Optional<String> envelopeId, List<Headers> headers, Optional<String> messageId,
            List<String> addresses) {
        Optional<SentMessage> byEnvid = envelopeId.map(String::strip).filter(e -> !e.isEmpty())
                .flatMap(store::findByEnvelopeId);
        if (byEnvid.isPresent()) return Optional.of(new Match(byEnvid.get(), MatchedBy.ENVELOPE_ID));
        for (String token : verpTokens(headers)) {
            Optional<SentMessage> byToken = store.findByVerpToken(token);
            if (byToken.isPresent()) return Optional.of(new Match(byToken.get(), MatchedBy.VERP_TOKEN));
        }
        for (String id : trackingIds(headers)) {
            Optional<SentMessage> byId = store.find(id);
            if (byId.isPresent()) return Optional.of(new Match(byId.get(), MatchedBy.TRACKING_ID));
        }
        Optional<String> id = messageId.flatMap(Correlator::normalizeMessageId);
        if (id.isEmpty()) return Optional.empty();
        return best(store.findByMessageId(id.get()), addresses, MatchedBy.MESSAGE_ID);
    }

    /**
     * The send a provider's report is about: by the tracking id its metadata carried back, then by the provider's
     * message id among the queue ids recorded, then by the Message-ID.
     */
    public Optional<Match> find(ProviderReport report) {
        List<String> addresses = report.recipient().stream().toList();
        Optional<SentMessage> byId = report.trackingId().flatMap(store::find);
        if (byId.isPresent()) return Optional.of(new Match(byId.get(), MatchedBy.TRACKING_ID));
        Optional<Match> byQueueId = report.providerMessageId().map(String::strip).filter(q -> !q.isEmpty())
                .flatMap(q -> best(store.findByQueueId(q), addresses, MatchedBy.QUEUE_ID));
        if (byQueueId.isPresent()) return byQueueId;
        return report.messageId().flatMap(Correlator::normalizeMessageId)
                .flatMap(m -> best(store.findByMessageId(m), addresses, MatchedBy.MESSAGE_ID));
    }

    /** What was tried, for an unmatched report. */
    public static String miss(ProviderReport report) {
        return "no tracked send with " + report.provider().id() + " tracking id "
                + report.trackingId().orElse("(none)") + ", queue id " + report.providerMessageId().orElse("(none)")
                + " or Message-ID " + report.messageId().orElse("(none)");
    }

    /** The newest send that has one of the addresses, else the newest. */
    private static Optional<Match> best(List<SentMessage> sends, List<String> addresses, MatchedBy by) {
        return sends.stream().filter(s -> addresses.stream().anyMatch(a -> s.recipient(a).isPresent())).findFirst()
                .or(() -> sends.stream().findFirst()).map(s -> new Match(s, by));
    }

    /** Send ids in the providers' correlation headers of a returned message. */
    private static List<String> trackingIds(List<Headers> headers) {
        Set<String> ids = new LinkedHashSet<>();
        for (Headers h : headers) {
            for (Provider p : Provider.values()) {
                for (String value : h.all(p.headerName())) p.trackingId(p.headerName(), value).ifPresent(ids::add);
            }
        }
        return List.copyOf(ids);
    }

    /** What was tried, for an unmatched notice. */
    public static String miss(Optional<String> envelopeId, List<Headers> headers, Optional<String> messageId) {
        return "no tracked send with ENVID " + envelopeId.orElse("(none)") + ", VERP token "
                + (verpTokens(headers).isEmpty() ? "(none)" : String.join("/", verpTokens(headers)))
                + (trackingIds(headers).isEmpty() ? "" : ", tracking id " + String.join("/", trackingIds(headers)))
                + " or Message-ID " + messageId.flatMap(Correlator::normalizeMessageId).orElse("(none)");
    }

    /** The recipient of the send an entry names: Original-Recipient, Final-Recipient, X-Failed-Recipients. */
    public static Optional<TrackedRecipient> recipient(SentMessage send, BouncedRecipient entry, Headers notice,
            boolean onlyEntry) {
        List<String> candidates = new ArrayList<>();
        entry.originalRecipient().ifPresent(candidates::add);
        candidates.add(entry.finalRecipient());
        if (onlyEntry) candidates.addAll(notice.all("X-Failed-Recipients"));
        for (String candidate : candidates) {
            for (String address : addresses(candidate)) {
                Optional<TrackedRecipient> r = send.recipient(address);
                if (r.isPresent()) return r;
            }
        }
        return Optional.empty();
    }

    /** Every address in a field value ({@code rfc822;a@b}, {@code Name <a@b>}, {@code a@b, c@d}). */
    public static List<String> addresses(String value) {
        return Addresses.all(value);
    }

    /** The Message-ID with its angle brackets, e.g. {@code <a@b>}. */
    public static Optional<String> normalizeMessageId(String raw) {
        String id = raw.strip();
        if (id.isEmpty()) return Optional.empty();
        int open = id.indexOf('<');
        int close = id.indexOf('>', open + 1);
        if (open >= 0 && close > open) return Optional.of(id.substring(open, close + 1));
        return Optional.of("<" + id + ">");
    }

    private static List<String> verpTokens(List<Headers> headers) {
        Set<String> tokens = new LinkedHashSet<>();
        for (Headers h : headers) {
            for (String field : VERP_FIELDS) {
                for (String value : h.all(field)) {
                    for (String address : Addresses.all(value)) verpToken(address).ifPresent(tokens::add);
                }
            }
        }
        return List.copyOf(tokens);
    }

    private static Optional<String> verpToken(String address) {
        String local = address.substring(0, address.lastIndexOf('@'));
        int plus = local.lastIndexOf('+');
        String token = plus < 0 ? "" : local.substring(plus + 1);
        return plus > 0 && VERP_TOKEN.matcher(token).matches() ? Optional.of(token) : Optional.empty();
    }
}
