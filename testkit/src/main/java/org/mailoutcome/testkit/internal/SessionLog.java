package org.mailoutcome.testkit.internal;

import org.mailoutcome.testkit.SmtpSession;

/** The recording of one session, written by its thread and read as snapshots by any thread. */
public final class SessionLog {

    /** Replies longer than this are recorded abbreviated. */
    static final int MAX_RECORDED_REPLY = 1000;

    private final int id;
    private final AppendOnlyList<String> commands = new AppendOnlyList<>();
    private final AppendOnlyList<Integer> commandFlights = new AppendOnlyList<>();
    private final AppendOnlyList<String> replies = new AppendOnlyList<>();
    private final AppendOnlyList<String> transcript = new AppendOnlyList<>();
    private int flight;
    private boolean tls;
    private boolean authenticated;
    private boolean open = true;

    /**
     * Creates the log of a new session.
     *
     * @param id the session's number, from 1
     */
    public SessionLog(int id) {
        this.id = id;
    }

    /**
     * A command line was read.
     *
     * @param line the line
     * @param buffered whether it had already arrived when the server turned to read it (it then belongs to the
     *     flight of the command before it)
     */
    synchronized void command(String line, boolean buffered) {
        if (!buffered || flight == 0) {
            flight++;
        }
        commands.add(line);
        commandFlights.add(flight);
        transcript.add("C: " + line);
    }

    synchronized void data(long size) {
        transcript.add("C: <message data, " + size + " bytes>");
        transcript.add("C: .");
    }

    synchronized void chunk(long size) {
        transcript.add("C: <chunk, " + size + " bytes>");
    }

    synchronized void reply(ServerReply reply) {
        String text = abbreviate(reply.text());
        replies.add(text);
        for (String line : text.split("\n", -1)) {
            transcript.add("S: " + line);
        }
    }

    private static String abbreviate(String text) {
        if (text.length() <= MAX_RECORDED_REPLY) {
            return text;
        }
        return text.substring(0, 100) + "...[" + text.length() + " characters]";
    }

    synchronized void note(String event) {
        transcript.add(event);
    }

    synchronized void tls() {
        tls = true;
        authenticated = false;
    }

    synchronized void authenticated() {
        authenticated = true;
    }

    synchronized void closed() {
        open = false;
    }

    /**
     * An immutable copy of the recording as it is now.
     *
     * @return the snapshot
     */
    public synchronized SmtpSession snapshot() {
        return new SmtpSession(id, commands.snapshot(), replies.snapshot(), transcript.snapshot(), tls, authenticated,
                open, commandFlights.snapshot());
    }
}
