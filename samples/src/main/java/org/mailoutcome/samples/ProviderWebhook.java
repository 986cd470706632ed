package org.mailoutcome.samples;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mailoutcome.providers.ParseResult;
import org.mailoutcome.providers.ProviderEvent;
import org.mailoutcome.providers.ProviderEvents;
import org.mailoutcome.providers.Verification;
import org.mailoutcome.tracking.Provider;

/**
 * Sample: a provider's webhook on a plain JDK HTTP server, no framework. Mailgun posts a signed bounce; the handler
 * verifies and reads it with {@link ProviderEvents}; one signed with a guessed key, and a replay of the genuine one,
 * are refused.
 */
public final class ProviderWebhook {
    /** Mailgun's HTTP webhook signing key, as its control panel shows it. */
    private static final String SIGNING_KEY = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

    private ProviderWebhook() {
    }

    /**
     * Runs the sample.
     *
     * @param args unused
     * @throws Exception if the server cannot start or a request fails
     */
    public static void main(String[] args) throws Exception {
        ProviderEvents events = ProviderEvents.builder()
                .verify(Provider.MAILGUN, Verification.mailgun(SIGNING_KEY)).build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/webhooks/mailgun", exchange -> {
            ParseResult result;
            try (InputStream body = exchange.getRequestBody()) {
                result = events.parse(Provider.MAILGUN, body, exchange.getRequestHeaders()); // never throws for content
            }
            if (result instanceof ParseResult.Accepted accepted) {
                for (ProviderEvent e : accepted.events()) {
                    if (e instanceof ProviderEvent.Bounced b) {
                        System.out.println("bounced " + b.recipient() + " (" + b.severity() + "): " + b.outcome().name()
                                + " " + b.outcome().reason() + ", send " + b.correlation().value("mail-outcome-id")
                                        .orElse("?"));
                    }
                }
            } else {
                System.out.println("refused: " + result);
            }
            exchange.sendResponseHeaders(result.httpStatus(), -1);
            exchange.close();
        });
        server.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/mailgun");
            long now = Instant.now().getEpochSecond();
            String genuine = signed(SIGNING_KEY, now, "e1f7b2a9c3d4e5f60718293a4b5c6d7e8f9012345678abcdef");
            String forged = signed("a-guessed-key", now, "0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcdef012");
            System.out.println("genuine: HTTP " + post(endpoint, genuine));
            System.out.println("forged:  HTTP " + post(endpoint, forged));
            System.out.println("replay:  HTTP " + post(endpoint, genuine));
        } finally {
            server.stop(0);
        }
        System.out.println("accepted " + events.counters().accepted(Provider.MAILGUN) + ", refused "
                + events.counters().refused(Provider.MAILGUN));
    }

    /** A permanent failure as Mailgun posts it, signed as Mailgun signs: HMAC-SHA256 of timestamp and token. */
    private static String signed(String key, long timestamp, String token) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
        return "{\"signature\": {\"timestamp\": \"" + timestamp + "\", \"token\": \"" + token + "\", \"signature\": \""
                + signature + "\"}, \"event-data\": {\"event\": \"failed\", \"severity\": \"permanent\", \"reason\": "
                + "\"bounce\", \"timestamp\": " + timestamp + ".278, \"recipient\": \"gone@example.net\", "
                + "\"user-variables\": {\"mail-outcome-id\": \"S7x2Kq9p\"}, \"message\": {\"headers\": "
                + "{\"message-id\": \"1717408800.45@app.example.com\"}}, \"delivery-status\": {\"code\": 550, "
                + "\"message\": \"5.1.1 The email account that you tried to reach does not exist.\"}}}";
    }

    private static int post(URI endpoint, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
