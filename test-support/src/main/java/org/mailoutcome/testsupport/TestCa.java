package org.mailoutcome.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A test certificate authority and a server certificate it signed for {@code localhost} and {@code 127.0.0.1}, made
 * once per JVM with the JDK's own {@code keytool} (no crypto library) in a {@link RunDirectory} removed once loaded.
 * For TLS tests that need a CA to trust (a Spring SSL bundle, a client's own socket factory) rather than a
 * self-signed certificate.
 */
public final class TestCa {
    static final char[] PASSWORD = "mail-outcome-test".toCharArray();
    private static TestCa instance;

    private final KeyStore serverKeys;
    private final Certificate ca;
    private final String caPem;

    private TestCa(KeyStore serverKeys, Certificate ca, String caPem) {
        this.serverKeys = serverKeys;
        this.ca = ca;
        this.caPem = caPem;
    }

    /**
     * The CA of this JVM, made on first use.
     *
     * @return the CA
     * @throws IllegalStateException when keytool fails
     */
    public static synchronized TestCa get() {
        if (instance == null) instance = make();
        return instance;
    }

    /**
     * The CA's certificate in PEM form ({@code -----BEGIN CERTIFICATE-----}).
     *
     * @return the PEM text
     */
    public String caPem() {
        return caPem;
    }

    /**
     * Writes the CA's certificate in PEM form.
     *
     * @param file where
     * @return the file
     */
    public Path writeCaPem(Path file) {
        try {
            return Files.writeString(file, caPem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server-side context with the signed certificate and its key.
     *
     * @return a new context
     */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(serverKeys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test server's TLS context", e);
        }
    }

    /**
     * A client-side context that trusts this CA and nothing else.
     *
     * @return a new context
     */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("mail-outcome-test-ca", ca);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a TLS context trusting the test CA", e);
        }
    }

    /**
     * A client-side context that trusts any certificate, as many test setups give a client; endpoint
     * identification, when the client asks for it, still applies.
     *
     * @return a new context
     */
    public static SSLContext trustingAnything() {
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
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context", e);
        }
    }

    private static TestCa make() {
        try (RunDirectory dir = RunDirectory.create("ca")) {
            Path ca = dir.path().resolve("ca.p12");
            Path server = dir.path().resolve("server.p12");
            Path caPem = dir.path().resolve("ca.pem");
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                    "-dname", "CN=mail-outcome test CA", "-ext", "bc:c", "-keystore", ca.toString());
            keytool("-exportcert", "-rfc", "-alias", "ca", "-file", caPem.toString(), "-keystore", ca.toString());
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity",
                    "3650", "-dname", "CN=localhost", "-keystore", server.toString());
            Path csr = dir.path().resolve("server.csr");
            Path signed = dir.path().resolve("server.pem");
            keytool("-certreq", "-alias", "server", "-file", csr.toString(), "-keystore", server.toString());
            keytool("-gencert", "-rfc", "-alias", "ca", "-infile", csr.toString(), "-outfile", signed.toString(),
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "3650", "-keystore", ca.toString());
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore",
                    server.toString());
            keytool("-importcert", "-alias", "server", "-file", signed.toString(), "-keystore", server.toString());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(server)) {
                keys.load(in, PASSWORD);
            }
            String pem = Files.readString(caPem, StandardCharsets.US_ASCII);
            Certificate caCert;
            try (InputStream in = Files.newInputStream(caPem)) {
                caCert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            return new TestCa(keys, caCert, pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the test CA", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test CA", e);
        }
    }

    static void keytool(String... args) throws IOException {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool " + args[0] + " did not finish within 60 s: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool " + args[0] + " ran", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed with " + process.exitValue() + ": " + output);
        }
    }
}
