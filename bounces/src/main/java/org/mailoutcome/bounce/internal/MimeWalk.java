package org.mailoutcome.bounce.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Walks a mail's MIME tree with Angus Mail and collects the parts the formats need. Bounded: at most
 * {@link #MAX_DEPTH} levels of multipart, {@link #MAX_PARTS} parts, {@link #MAX_TEXT} bytes per text part.
 * The mail is in memory, so a part Angus cannot read (bad encoding, broken structure) is skipped, never thrown.
 */
final class MimeWalk {
    private static final int MAX_DEPTH = 4;
    private static final int MAX_PARTS = 64;
    private static final int MAX_TEXT = 128 * 1024;
    private static final Session SESSION = session();

    private int parts;
    private Part returnedPart;

    private MimeWalk() {
    }

    /** The parts of a mail whose line endings are LF. */
    static MailParts walk(byte[] lfMail) {
        MailParts found = new MailParts(HeaderBlock.first(
                Text.decode(Arrays.copyOf(lfMail, headerEnd(lfMail)), Optional.empty())));
        try {
            MimeMessage message = new MimeMessage(SESSION, new SharedByteArrayInputStream(lfMail));
            String type = baseType(message);
            if (type.equals("multipart/report")) found.reportType = parameter(message, "report-type");
            MimeWalk walk = new MimeWalk();
            walk.visit(message, type, 0, found);
            if (found.deliveryStatus.isEmpty() && walk.returnedPart != null) walk.forwarded(found);
        } catch (MessagingException | RuntimeException e) {
            // Angus could not read the structure: the raw body is left for the text formats
        }
        if (found.texts.isEmpty() && found.deliveryStatus.isEmpty() && found.feedbackReport.isEmpty()) {
            found.texts.add(rawBody(lfMail));
        }
        return found;
    }

    private void visit(Part part, String type, int depth, MailParts found) {
        if (++parts > MAX_PARTS) return;
        try {
            if (type.startsWith("multipart/")) {
                if (depth < MAX_DEPTH) children(part, depth, found);
            } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
                found.deliveryStatus.add(text(part, true));
                found.global |= type.equals("message/global-delivery-status");
            } else if (type.equals("message/feedback-report")) {
                found.feedbackReport.add(text(part, true));
            } else if (isReturned(type)) {
                if (found.returned.isEmpty()) found.returned = Optional.of(HeaderBlock.first(text(part, true)));
                if (returnedPart == null && type.startsWith("message/")) returnedPart = part;
            } else if (type.startsWith("text/") || type.isEmpty()) {
                found.texts.add(text(part, false));
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // one unreadable part: the others still count
        }
    }

    /** A bounce forwarded as an attachment: the delivery-status parts of the attached message. */
    private void forwarded(MailParts found) {
        try (InputStream in = returnedPart.getInputStream()) {
            MimeMessage attached = new MimeMessage(SESSION, new SharedByteArrayInputStream(Text.toLf(
                    in.readNBytes(MAX_TEXT))));
            MailParts inner = new MailParts(found.headers);
            visit(attached, baseType(attached), 1, inner);
            found.deliveryStatus.addAll(inner.deliveryStatus);
            found.global |= inner.global;
        } catch (MessagingException | IOException | RuntimeException e) {
            // an unreadable attachment: nothing more to find
        }
    }

    private void children(Part part, int depth, MailParts found) throws MessagingException {
        MimeMultipart multipart = new MimeMultipart(new MimePartDataSource((MimePart) part));
        int count = multipart.getCount();
        for (int i = 0; i < count && parts <= MAX_PARTS; i++) {
            MimeBodyPart child = (MimeBodyPart) multipart.getBodyPart(i);
            visit(child, baseType(child), depth + 1, found);
        }
    }

    private static boolean isReturned(String type) {
        return type.equals("message/rfc822") || type.equals("message/global") || type.equals("text/rfc822-headers")
                || type.equals("message/global-headers") || type.equals("message/rfc822-headers");
    }

    /** The decoded content, at most {@link #MAX_TEXT} bytes; the raw content where the encoding is unknown. */
    private static String text(Part part, boolean utf8) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_TEXT);
        } catch (MessagingException | IOException e) {
            try (InputStream raw = part instanceof MimeBodyPart body ? body.getRawInputStream()
                    : ((MimeMessage) part).getRawInputStream()) {
                bytes = raw.readNBytes(MAX_TEXT);
            }
        }
        Optional<String> charset = utf8 ? Optional.empty() : parameter(part, "charset");
        return Text.decode(Text.toLf(bytes), charset);
    }

    private static String baseType(Part part) {
        try {
            String raw = part.getContentType();
            if (raw == null) return "text/plain";
            return new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    private static Optional<String> parameter(Part part, String name) {
        try {
            String raw = part.getContentType();
            return raw == null ? Optional.empty()
                    : Optional.ofNullable(new ContentType(raw).getParameter(name)).map(v -> v.toLowerCase(Locale.ROOT));
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The body as text, for a multipart whose boundary does not match (the header's and the body's differ). */
    private static String rawBody(byte[] lfMail) {
        int start = Math.min(lfMail.length, headerEnd(lfMail) + 2);
        return Text.decode(Arrays.copyOfRange(lfMail, start, Math.min(lfMail.length, start + MAX_TEXT)),
                Optional.empty());
    }

    /** The index of the blank line that ends the header, or the length. */
    private static int headerEnd(byte[] mail) {
        for (int i = 0; i + 1 < mail.length; i++) {
            if (mail[i] == '\n' && mail[i + 1] == '\n') return i;
        }
        return Math.min(mail.length, MAX_TEXT);
    }

    private static Session session() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(properties);
    }
}
