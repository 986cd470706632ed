package org.mailoutcome.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dialogue recorded from a real Postfix, from {@code src/test/resources/postfix-3.7-bdat}: {@code C:} lines are
 * what the client wrote in one write (escapes {@code \r \n \\ \xHH}, and {@code {x*N}} for N times x), {@code S:}
 * lines what it read, one line each, {@code S: <closed>} the server's close. The {@code S:} lines before the first
 * {@code C:} are the greeting.
 *
 * @param name the file name without {@code .txt}
 * @param exchanges each write with the replies that followed it
 */
record PostfixTranscript(String name, List<Exchange> exchanges) {

    /** The marker of the server's close. */
    static final String CLOSED = "<closed>";

    private static final Pattern REPEAT = Pattern.compile("\\{(.)\\*(\\d+)}");

    /**
     * One write and what the server answered before the next.
     *
     * @param write the bytes written
     * @param replies the replies, a multi-line reply joined with {@code \n}; {@link #CLOSED} for the close
     */
    record Exchange(byte[] write, List<String> replies) {
    }

    static PostfixTranscript load(String name) {
        String resource = "/postfix-3.7-bdat/" + name + ".txt";
        try (InputStream in = PostfixTranscript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + resource);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PostfixTranscript parse(String name, String text) {
        List<Exchange> exchanges = new ArrayList<>();
        byte[] write = null;
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("C: ")) {
                if (write != null) {
                    exchanges.add(new Exchange(write, replies(lines)));
                }
                write = unescape(line.substring(3));
                lines = new ArrayList<>();
            } else if (line.startsWith("S: ") && write != null) {
                lines.add(line.substring(3));
            }
        }
        exchanges.add(new Exchange(write, replies(lines)));
        return new PostfixTranscript(name, List.copyOf(exchanges));
    }

    /** Groups reply lines into replies: a line whose fourth character is a dash continues the reply. */
    private static List<String> replies(List<String> lines) {
        List<String> replies = new ArrayList<>();
        StringBuilder reply = new StringBuilder();
        for (String line : lines) {
            reply.append(reply.length() == 0 ? "" : "\n").append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                replies.add(reply.toString());
                reply.setLength(0);
            }
        }
        return List.copyOf(replies);
    }

    static byte[] unescape(String escaped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher repeat = REPEAT.matcher(escaped);
        for (int i = 0; i < escaped.length(); ) {
            char c = escaped.charAt(i);
            if (c == '{' && repeat.find(i) && repeat.start() == i) {
                out.writeBytes(repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))
                        .getBytes(StandardCharsets.US_ASCII));
                i = repeat.end();
            } else if (c == '\\') {
                char next = escaped.charAt(i + 1);
                if (next == 'x') {
                    out.write(Integer.parseInt(escaped.substring(i + 2, i + 4), 16));
                    i += 4;
                } else {
                    out.write(next == 'r' ? '\r' : next == 'n' ? '\n' : next);
                    i += 2;
                }
            } else {
                out.write(c);
                i++;
            }
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return name;
    }
}
