package org.mailoutcome.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.mailoutcome.testkit.internal.AppendOnlyList;

/**
 * What happened on one client connection, as an immutable snapshot taken when it was asked for.
 *
 * <pre>{@code
 * SmtpSession session = server.sessions().get(0);
 * assertThat(session.commands()).contains("RCPT TO:<alice@example.test>");
 * assertThat(session.replies()).contains("551 5.1.6 User not local; please try <new@example.net>");
 * }</pre>
 *
 * @param id the session's number, from 1 in the order connections were accepted (again from 1 after
 *     {@link SmtpServer#reset()})
 * @param commands every command line received, in order, without line endings, as sent (so {@code AUTH} data and the
 *     lines sent in answer to {@code 334} challenges are included); message data and its terminating {@code "."} are
 *     not commands and are not included, nor are {@code BDAT} chunks (the {@code BDAT} command lines are)
 * @param replies everything the server wrote, one entry per reply, from the greeting on: a multi-line reply is one
 *     entry with its lines joined by {@code "\n"}, the final line ending removed; raw and garbage output is recorded
 *     the same way; a reply over 1,000 characters is abbreviated to its first 100 followed by
 *     {@code "...[N characters]"}
 * @param transcript the dialogue for humans, one entry per line: {@code "C: "} lines from the client (message data as
 *     one {@code "C: <message data, N bytes>"} line, a {@code BDAT} chunk as one {@code "C: <chunk, N bytes>"}
 *     line), {@code "S: "} lines from the server, and notes such as {@code "-- closed by client"}
 * @param tlsActive whether STARTTLS completed on this connection
 * @param authenticated whether AUTH succeeded (after the last STARTTLS, which forgets it)
 * @param open whether the connection was still open when the snapshot was taken
 * @param commandFlights for each entry of {@code commands}, the number (from 1) of the flight it came in: a command
 *     that had already arrived when the server turned to read it (it was in the server's buffer or the socket's)
 *     belongs to the flight of the command before it; a command the server had to wait for starts a new flight. A
 *     client that waits for each reply sends one command per flight; a pipelining client (RFC 2920) sends
 *     {@code MAIL}, every {@code RCPT} and {@code DATA} in one. See {@link #flights()}.
 */
public record SmtpSession(int id, List<String> commands, List<String> replies, List<String> transcript,
        boolean tlsActive, boolean authenticated, boolean open, List<Integer> commandFlights) {

    /**
     * Copies the lists.
     *
     * @param id the session's number
     * @param commands the command lines received
     * @param replies the replies written
     * @param transcript the dialogue for humans
     * @param tlsActive whether STARTTLS completed
     * @param authenticated whether AUTH succeeded
     * @param open whether the connection is open
     * @param commandFlights the flight of each command
     * @throws IllegalArgumentException if {@code commandFlights} and {@code commands} differ in size
     */
    public SmtpSession {
        commands = AppendOnlyList.immutable(commands);
        replies = AppendOnlyList.immutable(replies);
        transcript = AppendOnlyList.immutable(transcript);
        commandFlights = AppendOnlyList.immutable(commandFlights);
        if (commandFlights.size() != commands.size()) {
            throw new IllegalArgumentException("one flight number per command: " + commandFlights.size() + " for "
                    + commands.size() + " commands");
        }
    }

    /**
     * A session whose commands each came in a flight of their own.
     *
     * @param id the session's number
     * @param commands the command lines received
     * @param replies the replies written
     * @param transcript the dialogue for humans
     * @param tlsActive whether STARTTLS completed
     * @param authenticated whether AUTH succeeded
     * @param open whether the connection is open
     */
    public SmtpSession(int id, List<String> commands, List<String> replies, List<String> transcript,
            boolean tlsActive, boolean authenticated, boolean open) {
        this(id, commands, replies, transcript, tlsActive, authenticated, open,
                IntStream.rangeClosed(1, commands.size()).boxed().toList());
    }

    /**
     * The commands grouped by the flight they came in, in order.
     *
     * <pre>{@code
     * assertThat(session.flights()).contains(List.of("MAIL FROM:<a@example.test>", "RCPT TO:<b@example.test>",
     *         "RCPT TO:<c@example.test>", "DATA"));
     * }</pre>
     *
     * @return one list of command lines per flight
     */
    public List<List<String>> flights() {
        List<List<String>> flights = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            if (i > 0 && !commandFlights.get(i).equals(commandFlights.get(i - 1))) {
                flights.add(List.copyOf(current));
                current.clear();
            }
            current.add(commands.get(i));
        }
        if (!current.isEmpty()) {
            flights.add(List.copyOf(current));
        }
        return List.copyOf(flights);
    }
}
