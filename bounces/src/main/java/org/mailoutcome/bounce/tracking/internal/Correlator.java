package org.mailoutcome.bounce.tracking.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Headers;
import org.mailoutcome.bounce.tracking.IngestResult.MatchedBy;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * Finds the send a notice is about (ENVID, then VERP token, then the returned Message-ID) and the recipient each
 * of its entries names (Original-Recipient, Final-Recipient, then X-Failed-Recipients).
 */
public final class Correlator {
    /** Where a VERP address can show up in a notice: the envelope recipient first, then the To it was given. */
    private static final List<String> VERP_FIELDS = List.of("Delivered-To", "X-Original-To", "Envelope-To",
            "X-Envelope-To", "Original-Recipient", "To");
    private static final Pattern VERP = Pattern.compile("[A-Za-z0-9._-]+\\+([A-Za-z0-9]{1,64})@");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;\"()]+@[^\\s<>,;\"()]+");

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
        Optional<String> id = messageId.flatMap(Correlator::normalizeMessageId);
        if (id.isEmpty()) return Optional.empty();
        List<SentMessage> sends = store.findByMessageId(id.get());
        return sends.stream().filter(s -> addresses.stream().anyMatch(a -> s.recipient(a).isPresent())).findFirst()
                .or(() -> sends.stream().findFirst()).map(s -> new Match(s, MatchedBy.MESSAGE_ID));
    }

    /** What was tried, for an unmatched notice. */
    public static String miss(Optional<String> envelopeId, List<Headers> headers, Optional<String> messageId) {
        return "no tracked send with ENVID " + envelopeId.orElse("(none)") + ", VERP token "
                + (verpTokens(headers).isEmpty() ? "(none)" : String.join("/", verpTokens(headers)))
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
        List<String> found = new ArrayList<>();
        String v = value.regionMatches(true, 0, "rfc822;", 0, 7) ? value.substring(7) : value;
        Matcher m = ADDRESS.matcher(v);
        while (m.find()) found.add(m.group());
        return found;
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
                    Matcher m = VERP.matcher(value);
                    while (m.find()) tokens.add(m.group(1));
                }
            }
        }
        return List.copyOf(tokens);
    }
}
