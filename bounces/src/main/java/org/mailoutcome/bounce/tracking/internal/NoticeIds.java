package org.mailoutcome.bounce.tracking.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.mailoutcome.bounce.ParsedMail;

/**
 * A notice's identity: its own Message-ID, else a digest of what was parsed from it (the same mail always parses
 * the same way, so ingesting it again gives the same identity).
 */
public final class NoticeIds {
    private NoticeIds() {
    }

    /** The identity of a parsed notice. */
    public static String of(ParsedMail notice) {
        return notice.headers().first("Message-ID").flatMap(Correlator::normalizeMessageId)
                .orElseGet(() -> "sha256:" + digest(notice.toString()));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
