package org.mailoutcome.providers;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.mailoutcome.providers.internal.HttpsFetcher;

/**
 * Fetches what SNS verification needs over HTTPS: the signing certificate at a message's {@code SigningCertURL},
 * and (when confirming subscriptions is configured) the {@code SubscribeURL}. Only URLs that already passed the
 * check (HTTPS, an {@code sns.<region>.amazonaws.com} host) are ever given to it.
 *
 * <p>Replace it to route through your proxy or HTTP client, or in tests; the default is {@link #https()}.
 */
@FunctionalInterface
public interface SnsFetcher {

    /**
     * Fetches a URL with GET.
     *
     * @param url an HTTPS URL of an SNS host
     * @param maxBytes the most bytes to accept; a longer answer is an error
     * @return the body of a 2xx answer
     * @throws IOException when the request fails, the status is not 2xx or the body is longer than {@code maxBytes}
     */
    byte[] get(URI url, int maxBytes) throws IOException;

    /**
     * The JDK's {@code java.net.http} client with the JVM's default trust, redirects not followed, 10 seconds for
     * the connection and 10 for the answer. Its client is made on first use.
     *
     * @return the fetcher
     */
    static SnsFetcher https() {
        return https(Duration.ofSeconds(10));
    }

    /**
     * Like {@link #https()} with another timeout.
     *
     * @param timeout for the connection, and again for the answer; positive
     * @return the fetcher
     */
    static SnsFetcher https(Duration timeout) {
        return new HttpsFetcher(timeout);
    }
}
