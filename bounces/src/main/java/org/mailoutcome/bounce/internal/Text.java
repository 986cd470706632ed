package org.mailoutcome.bounce.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Line endings and charsets of raw mail bytes. */
public final class Text {

    private Text() {
    }

    /** CRLF and bare CR become LF, in one pass; a mail without CR is returned as it is. */
    public static byte[] toLf(byte[] in) {
        int cr = 0;
        for (byte b : in) if (b == '\r') cr++;
        if (cr == 0) return in;
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b != '\r') out[n++] = b;
            else if (i + 1 >= in.length || in[i + 1] != '\n') out[n++] = '\n';
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The bytes in the named charset; unknown charsets and undeclared ones: UTF-8 if valid, else ISO-8859-1. */
    public static String decode(byte[] bytes, Optional<String> charset) {
        Optional<Charset> declared = charset.flatMap(Text::charset);
        if (declared.isPresent() && !declared.get().equals(StandardCharsets.US_ASCII)) {
            return new String(bytes, declared.get());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
