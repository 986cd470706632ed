package org.mailoutcome.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Bytes the server writes in answer to one command, with the reply code they start with (if any), which decides the
 * effect of the reply on the session.
 */
public final class ServerReply {

    private static final byte[] CRLF = {'\r', '\n'};
    private final byte[] bytes;

    private ServerReply(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A reply of full lines, each written verbatim followed by CRLF.
     *
     * @param lines the lines, without line endings
     * @return the reply
     */
    public static ServerReply lines(List<String> lines) {
        int size = 0;
        byte[][] encoded = new byte[lines.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = lines.get(i).getBytes(StandardCharsets.UTF_8);
            size += encoded[i].length + CRLF.length;
        }
        byte[] bytes = new byte[size];
        int at = 0;
        for (byte[] line : encoded) {
            System.arraycopy(line, 0, bytes, at, line.length);
            System.arraycopy(CRLF, 0, bytes, at + line.length, CRLF.length);
            at += line.length + CRLF.length;
        }
        return new ServerReply(bytes);
    }

    /**
     * A one-line reply.
     *
     * @param line the line, without line ending
     * @return the reply
     */
    public static ServerReply line(String line) {
        return lines(List.of(line));
    }

    /**
     * Bytes written exactly as given.
     *
     * @param bytes the bytes; not copied, so not to be changed afterwards
     * @return the reply
     */
    public static ServerReply raw(byte[] bytes) {
        return new ServerReply(bytes);
    }

    /**
     * The bytes to write.
     *
     * @return the bytes; not a copy, must not be changed
     */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * The reply code: the first three bytes when they are digits 1-5, 0-9, 0-9.
     *
     * @return the code, or empty for output that does not start with one
     */
    public OptionalInt code() {
        if (bytes.length < 3 || bytes[0] < '1' || bytes[0] > '5' || !isDigit(bytes[1]) || !isDigit(bytes[2])) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((bytes[0] - '0') * 100 + (bytes[1] - '0') * 10 + (bytes[2] - '0'));
    }

    /**
     * Tells whether the reply starts with a code in the given class.
     *
     * @param digit the first digit, 2 for {@code 2yz}
     * @return {@code true} if the code starts with {@code digit}
     */
    public boolean isClass(int digit) {
        OptionalInt code = code();
        return code.isPresent() && code.getAsInt() / 100 == digit;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /**
     * The reply as text for the recordings: decoded as UTF-8, one trailing line ending removed, CRLF inside turned into
     * {@code \n}.
     *
     * @return the text
     */
    public String text() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.replace("\r\n", "\n");
    }

    @Override
    public String toString() {
        return bytes.length > 200 ? "ServerReply[" + bytes.length + " bytes]" : "ServerReply[" + text() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerReply other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
