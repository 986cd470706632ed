package org.mailoutcome.providers.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mailoutcome.providers.SnsFetcher;

/**
 * SNS signing certificates by URL: fetched once and cached (at most {@link #MAX_CACHED} URLs), checked at every
 * use: within their validity, usable for signatures, and chaining to the trust anchors when any are configured.
 */
public final class SnsCertificates {
    /** The most bytes a certificate PEM may have. */
    static final int MAX_PEM = 64 * 1024;
    /** The most URLs cached; SNS uses one certificate at a time per region. */
    static final int MAX_CACHED = 64;
    private final SnsFetcher fetcher;
    private final Set<TrustAnchor> anchors = new HashSet<>();
    private final Map<URI, List<X509Certificate>> cache = new ConcurrentHashMap<>();

    /** @param fetcher fetches a PEM @param anchors the trust anchors, possibly none */
    public SnsCertificates(SnsFetcher fetcher, List<X509Certificate> anchors) {
        this.fetcher = fetcher;
        for (X509Certificate a : anchors) this.anchors.add(new TrustAnchor(a, null));
    }

    /**
     * The signing certificate at a URL that already passed the URL check.
     *
     * @throws IOException when it cannot be fetched
     * @throws CertificateException when it is not a usable certificate now
     */
    public X509Certificate get(URI url, Instant now) throws IOException, CertificateException {
        List<X509Certificate> chain = cache.get(url);
        if (chain == null) {
            chain = parse(fetcher.get(url, MAX_PEM));
            if (cache.size() >= MAX_CACHED) cache.clear();
            cache.put(url, chain);
        }
        check(chain, now);
        return chain.get(0);
    }

    private static List<X509Certificate> parse(byte[] pem) throws CertificateException {
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (var c : factory.generateCertificates(new ByteArrayInputStream(pem))) {
            if (c instanceof X509Certificate x) chain.add(x);
        }
        if (chain.isEmpty()) throw new CertificateException("no X.509 certificate at the signing certificate URL");
        return List.copyOf(chain);
    }

    private void check(List<X509Certificate> chain, Instant now) throws CertificateException {
        X509Certificate leaf = chain.get(0);
        leaf.checkValidity(Date.from(now));
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[0]) throw new CertificateException("the certificate is not for digital signatures");
        if (anchors.isEmpty()) return;
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c))) path.add(c);
        }
        if (path.isEmpty()) return;
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), params);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("the certificate does not chain to a configured trust anchor: "
                    + e.getMessage(), e);
        }
    }
}
