package org.mailoutcome.bounce.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** Content-Transfer-Encoding: base64 and quoted-printable decoded leniently; anything else as it is. */
final class TransferEncoding {

    private TransferEncoding() {
    }

    static byte[] decode(byte[] content, Optional<String> encoding) {
        String name = encoding.map(e -> e.strip().toLowerCase(Locale.ROOT)).orElse("7bit");
        if (name.equals("base64")) return base64(content);
        if (name.equals("quoted-printable")) return quotedPrintable(content);
        return content;
    }

    /** Base64 with line breaks and stray characters skipped; a damaged tail is dropped. */
    private static byte[] base64(byte[] content) {
        byte[] clean = new byte[content.length];
        int n = 0;
        for (byte b : content) {
            if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/') {
                clean[n++] = b;
            } else if (b == '=' || b == '-') {
                break;
            }
        }
        n -= n % 4 == 1 ? 1 : 0; // a lone sixth of a byte decodes to nothing
        String padding = n % 4 == 2 ? "==" : n % 4 == 3 ? "=" : "";
        try {
            return Base64.getDecoder().decode(new String(clean, 0, n, StandardCharsets.US_ASCII) + padding);
        } catch (IllegalArgumentException e) {
            return content;
        }
    }

    private static byte[] quotedPrintable(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            if (b != '=') {
                out.write(b);
            } else if (i + 1 < content.length && content[i + 1] == '\n') {
                i++;
            } else if (i + 2 < content.length && hex(content[i + 1]) >= 0 && hex(content[i + 2]) >= 0) {
                out.write(hex(content[i + 1]) * 16 + hex(content[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
