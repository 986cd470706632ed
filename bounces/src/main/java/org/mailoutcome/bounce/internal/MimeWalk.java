package org.mailoutcome.bounce.internal;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailoutcome.bounce.Headers;

/**
 * Walks a mail's MIME tree and collects the parts the formats need. Its own small splitter on the LF-normalised
 * bytes (Angus's parser asks {@code StreamProvider} for a stream per header block, a {@code ServiceLoader} search of
 * about 50 µs each unless a system property names the provider); Jakarta Mail's {@link ContentType} reads the
 * type. Lenient: a missing closing boundary ends the part at the end of the mail, an unknown transfer encoding is
 * read as it is. Bounded: at most {@link #MAX_DEPTH} levels of multipart, {@link #MAX_PARTS} parts and
 * {@link #MAX_TEXT} bytes per part.
 */
final class MimeWalk {
    private static final int MAX_DEPTH = 4;
    private static final int MAX_PARTS = 64;
    private static final int MAX_TEXT = 128 * 1024;

    /** The mail as ISO-8859-1 text: one char per byte, so indexes are byte offsets. */
    private final String raw;
    private final byte[] bytes;
    private int parts;
    private int[] returnedMessage;

    private MimeWalk(byte[] bytes) {
        this.bytes = bytes;
        this.raw = new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The parts of a mail whose line endings are LF. */
    static MailParts walk(byte[] lfMail) {
        MimeWalk walk = new MimeWalk(lfMail);
        int[] top = walk.split(0, lfMail.length);
        MailParts found = new MailParts(walk.headers(top));
        String type = baseType(found.headers);
        if (type.equals("multipart/report")) found.reportType = parameter(found.headers, "report-type");
        walk.visit(found.headers, top[1], top[2], 0, found);
        if (found.deliveryStatus.isEmpty() && walk.returnedMessage != null) walk.forwarded(found);
        if (found.texts.isEmpty() && found.deliveryStatus.isEmpty() && found.feedbackReport.isEmpty()) {
            found.texts.add(walk.text(top[1], lfMail.length, Optional.empty(), Optional.empty()));
        }
        return found;
    }

    /** {@code [headerStart, bodyStart, end]} of the entity from {@code start} to {@code end}. */
    private int[] split(int start, int end) {
        if (start < end && raw.charAt(start) == '\n') return new int[] {start, start + 1, end};
        int blank = raw.indexOf("\n\n", start);
        return blank < 0 || blank >= end ? new int[] {start, end, end} : new int[] {start, blank + 2, end};
    }

    private Headers headers(int[] entity) {
        return HeaderBlock.first(Text.decode(Arrays.copyOfRange(bytes, entity[0], entity[1]), Optional.empty()));
    }

    private void visit(Headers h, int body, int end, int depth, MailParts found) {
        if (++parts > MAX_PARTS) return;
        String type = baseType(h);
        Optional<String> encoding = h.first("Content-Transfer-Encoding");
        if (type.startsWith("multipart/")) {
            Optional<String> boundary = parameter(h, "boundary", false);
            if (depth < MAX_DEPTH && boundary.isPresent()) {
                children(body, end, boundary.get(), depth, found, type.equals("multipart/alternative"));
            }
            else if (boundary.isEmpty()) found.texts.add(text(body, end, encoding, Optional.empty()));
        } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
            found.deliveryStatus.add(text(body, end, encoding, Optional.empty()));
            found.global |= type.equals("message/global-delivery-status");
        } else if (type.equals("message/feedback-report")) {
            found.feedbackReport.add(text(body, end, encoding, Optional.empty()));
        } else if (isReturned(type)) {
            if (found.returned.isEmpty()) found.returned = Optional.of(HeaderBlock.first(text(body, end, encoding,
                    Optional.empty())));
            if (returnedMessage == null && type.startsWith("message/")) returnedMessage = new int[] {body, end};
        } else if (type.equals("text/html")) {
            found.texts.add(Html.toText(text(body, end, encoding, parameter(h, "charset"))));
        } else if (type.startsWith("text/") || type.isEmpty()) {
            found.texts.add(text(body, end, encoding, parameter(h, "charset")));
        }
    }

    /** The parts of a multipart; of an alternative with a plain text, the HTML rendering is skipped. */
    private void children(int body, int end, String boundary, int depth, MailParts found, boolean alternative) {
        String delimiter = "--" + boundary;
        List<int[]> children = new ArrayList<>();
        int at = lineStarting(delimiter, body, end);
        while (at >= 0 && children.size() <= MAX_PARTS) {
            if (raw.startsWith(delimiter + "--", at)) break;
            int eol = raw.indexOf('\n', at);
            if (eol < 0 || eol >= end) break;
            int next = lineStarting(delimiter, eol + 1, end);
            int partEnd = next < 0 ? end : Math.max(eol + 1, next - 1);
            int[] child = split(eol + 1, partEnd);
            children.add(new int[] {child[0], child[1], partEnd});
            at = next;
        }
        List<Headers> headers = children.stream().map(this::headers).toList();
        boolean plain = alternative && headers.stream().anyMatch(h -> baseType(h).equals("text/plain"));
        for (int i = 0; i < children.size() && parts <= MAX_PARTS; i++) {
            if (plain && baseType(headers.get(i)).equals("text/html")) continue;
            visit(headers.get(i), children.get(i)[1], children.get(i)[2], depth + 1, found);
        }
    }

    /** A bounce forwarded as an attachment: the delivery-status parts of the attached message. */
    private void forwarded(MailParts found) {
        int[] inner = split(returnedMessage[0], returnedMessage[1]);
        MailParts attached = new MailParts(found.headers);
        visit(headers(inner), inner[1], inner[2], 1, attached);
        found.deliveryStatus.addAll(attached.deliveryStatus);
        found.global |= attached.global;
    }

    /** The index of the first line in {@code [from, end)} that starts with {@code prefix}, or -1. */
    private int lineStarting(String prefix, int from, int end) {
        for (int i = raw.indexOf(prefix, from); i >= 0 && i < end; i = raw.indexOf(prefix, i + 1)) {
            if (i == 0 || raw.charAt(i - 1) == '\n') return i;
        }
        return -1;
    }

    /** The content decoded (base64, quoted-printable), at most {@link #MAX_TEXT} bytes, in its charset. */
    private String text(int body, int end, Optional<String> encoding, Optional<String> charset) {
        int stop = Math.min(end, body + 3 * MAX_TEXT);
        byte[] content = TransferEncoding.decode(Arrays.copyOfRange(bytes, Math.min(body, stop), stop), encoding);
        if (content.length > MAX_TEXT) content = Arrays.copyOf(content, MAX_TEXT);
        return Text.decode(Text.toLf(content), charset);
    }

    private static boolean isReturned(String type) {
        return type.equals("message/rfc822") || type.equals("message/global") || type.equals("text/rfc822-headers")
                || type.equals("message/global-headers") || type.equals("message/rfc822-headers");
    }

    private static String baseType(Headers h) {
        Optional<String> value = h.first("Content-Type");
        if (value.isEmpty()) return "text/plain";
        try {
            return new ContentType(value.get()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | RuntimeException e) {
            return "";
        }
    }

    private static Optional<String> parameter(Headers h, String name) {
        return parameter(h, name, true);
    }

    private static Optional<String> parameter(Headers h, String name, boolean lowerCase) {
        try {
            Optional<String> value = h.first("Content-Type").map(v -> {
                try {
                    return new ContentType(v).getParameter(name);
                } catch (ParseException e) {
                    return null;
                }
            });
            return lowerCase ? value.map(v -> v.toLowerCase(Locale.ROOT)) : value;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
