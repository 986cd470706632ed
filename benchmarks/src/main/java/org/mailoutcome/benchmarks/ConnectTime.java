package org.mailoutcome.benchmarks;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Properties;

/**
 * How long Angus takes to open one STARTTLS connection (connect, greeting, EHLO, STARTTLS, handshake, EHLO), for
 * TLS 1.3 and 1.2, with and without {@code TCP_NODELAY}: the cost every new connection of static
 * {@code Transport.send} pays, and the mailer's on every reconnect.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar org.mailoutcome.benchmarks.ConnectTime 127.0.0.1:PORT [connections]
 * }</pre>
 */
public final class ConnectTime {
    private ConnectTime() {
    }

    /**
     * Prints the mean connect time of each variant, twice (the first pass includes the JIT's warm-up).
     *
     * @param args {@code HOST:PORT} of a server offering STARTTLS, and optionally connections per variant (20)
     * @throws MessagingException if a connection fails
     */
    public static void main(String[] args) throws MessagingException {
        String server = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        for (int pass = 1; pass <= 2; pass++) {
            for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
                for (boolean noDelay : new boolean[] {false, true}) {
                    Session session = Session.getInstance(properties(server, protocol, noDelay));
                    long total = 0;
                    for (int i = 0; i < n; i++) {
                        Transport transport = session.getTransport("smtp");
                        long start = System.nanoTime();
                        transport.connect();
                        total += System.nanoTime() - start;
                        transport.close();
                    }
                    System.out.printf("pass %d  %s  TCP_NODELAY %-5s  connect %6.1f ms%n", pass, protocol, noDelay,
                            total / 1e6 / n);
                }
            }
        }
    }

    private static Properties properties(String server, String protocol, boolean noDelay) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", server.substring(0, server.lastIndexOf(':')));
        p.setProperty("mail.smtp.port", server.substring(server.lastIndexOf(':') + 1));
        p.setProperty("mail.smtp.localhost", "client.lab.test");
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "60000");
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.trust", p.getProperty("mail.smtp.host"));
        p.setProperty("mail.smtp.ssl.protocols", protocol);
        if (noDelay) p.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        return p;
    }
}
