package org.mailoutcome.providers;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers from a map instead of the network, and records every URL asked for. */
final class FakeSnsFetcher implements SnsFetcher {
    final Map<URI, byte[]> answers = new ConcurrentHashMap<>();
    final List<URI> requested = new CopyOnWriteArrayList<>();
    volatile IOException failure;

    FakeSnsFetcher answer(String url, String body) {
        answers.put(URI.create(url), body.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public byte[] get(URI url, int maxBytes) throws IOException {
        requested.add(url);
        if (failure != null) throw failure;
        byte[] body = answers.get(url);
        if (body == null) throw new IOException("HTTP 404 from " + url);
        if (body.length > maxBytes) throw new IOException("more than " + maxBytes + " bytes from " + url);
        return body;
    }
}
