package org.mailoutcome.benchmarks;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;

/**
 * (r) The reference: a minimal SMTP client over a raw socket, one command at a time as Angus does (no
 * pipelining), the message bytes built once, nothing parsed beyond the reply code. What a client can cost at
 * least; the mailer on T threads is compared with T of these ({@code d/r}).
 *
 * <p>(m) The same client, but each message is made as an application makes it and written as Angus's transport
 * writes it: a new {@code MimeMessage}, {@code saveChanges()}, {@code writeTo} through Angus's {@code SMTPOutputStream}
 * (line endings, dot-stuffing; Jakarta Mail then searches for its {@code StreamProvider} twice per message, as under
 * plain Angus). What the message itself costs without any SMTP client code: {@code m/r} is the message's share,
 * {@code d/m} the mailer's and Angus's protocol code against none.
 */
final class RawSocketClient implements Clients.Sender {
    private final String host;
    private final int port;
    private final boolean starttls;
    private final byte[] mailFrom;
    private final byte[] rcptTo;
    private final byte[] data;
    private final Session session;
    private final Messages messages;
    private final boolean buildEach;
    private final ByteArrayOutputStream each = new ByteArrayOutputStream(8192);
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawSocketClient(Session session, Messages messages, String to, boolean buildEach) {
        this.session = session;
        this.messages = messages;
        this.buildEach = buildEach;
        this.host = session.getProperty("mail.smtp.host");
        this.port = Integer.parseInt(session.getProperty("mail.smtp.port"));
        this.starttls = Boolean.parseBoolean(session.getProperty("mail.smtp.starttls.enable"));
        this.mailFrom = ascii("MAIL FROM:<" + Messages.FROM + ">\r\n");
        this.rcptTo = ascii("RCPT TO:<" + to + ">\r\n");
        this.data = message(session, messages);
    }

    /** The message as written after DATA: CRLF lines (no line starts with a dot) and the final dot line. */
    private static byte[] message(Session session, Messages messages) {
        try {
            MimeMessage message = messages.create(session);
            message.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            String text = bytes.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n").replace("\n", "\r\n");
            return ascii((text.endsWith("\r\n") ? text : text + "\r\n") + ".\r\n");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot build the message", e);
        }
    }

    /** A new message, saved and written as Angus writes it after DATA, with the final dot line. */
    private byte[] built() throws IOException {
        try {
            MimeMessage message = messages.create(session);
            message.saveChanges();
            each.reset();
            SMTPOutputStream smtp = new SMTPOutputStream(each);
            message.writeTo(smtp);
            smtp.ensureAtBOL();
            each.write(END_OF_DATA);
            return each.toByteArray();
        } catch (MessagingException e) {
            throw new IOException("cannot build the message", e);
        }
    }

    private static final byte[] END_OF_DATA = {'.', '\r', '\n'};

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void sendOne(Tally tally) {
        try {
            if (socket == null) open();
            expect(command(mailFrom), 250);
            expect(command(rcptTo), 250);
            expect(command(ascii("DATA\r\n")), 354);
            expect(command(buildEach ? built() : data), 250);
            tally.accepted();
        } catch (IOException e) {
            tally.failed(e.toString());
            close();
        }
    }

    private void open() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        streams(socket);
        expect(reply(), 220);
        expect(command(ascii("EHLO localhost\r\n")), 250);
        if (!starttls) return;
        expect(command(ascii("STARTTLS\r\n")), 220);
        SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(socket, host, port, true);
        tls.startHandshake();
        socket = tls;
        streams(tls);
        expect(command(ascii("EHLO localhost\r\n")), 250);
    }

    private void streams(Socket s) throws IOException {
        in = new BufferedInputStream(s.getInputStream());
        out = new BufferedOutputStream(s.getOutputStream(), 8192);
    }

    private int command(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return reply();
    }

    /** Reads one reply (all its lines) and returns its code. */
    private int reply() throws IOException {
        int code;
        boolean more;
        do {
            int c1 = in.read();
            int c2 = in.read();
            int c3 = in.read();
            int sep = in.read();
            if (sep < 0) throw new IOException("connection closed");
            code = (c1 - '0') * 100 + (c2 - '0') * 10 + (c3 - '0');
            more = sep == '-';
            for (int b = sep; b != '\n'; b = in.read()) {
                if (b < 0) throw new IOException("connection closed");
            }
        } while (more);
        return code;
    }

    private static void expect(int code, int expected) throws IOException {
        if (code != expected) throw new IOException("expected " + expected + ", got " + code);
    }

    void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException e) {
            // closing after a failure or at the end: nothing to report
        }
        socket = null;
    }

    /** The benchmark's server has a self-signed certificate for 127.0.0.1, as the other clients trust it. */
    static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("no TLS", e);
        }
    }
}
