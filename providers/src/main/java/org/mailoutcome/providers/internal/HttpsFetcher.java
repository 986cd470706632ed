package org.mailoutcome.providers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.mailoutcome.providers.SnsFetcher;

/** The default {@link SnsFetcher}: {@code java.net.http}, no redirects, bounded time and size. */
public final class HttpsFetcher implements SnsFetcher {
    private final Duration timeout;
    private volatile HttpClient client;

    /** @param timeout connection and answer timeout, positive */
    public HttpsFetcher(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: "
                + timeout);
        this.timeout = timeout;
    }

    @Override
    public byte[] get(URI url, int maxBytes) throws IOException {
        if (!"https".equalsIgnoreCase(url.getScheme())) throw new IOException("not an HTTPS URL: " + url);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) throw new IOException("HTTP " + response.statusCode() + " from " + url);
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) throw new IOException("more than " + maxBytes + " bytes from " + url);
            return body;
        }
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }
}
