package org.mailoutcome.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A 2048-bit RSA key with a self-signed certificate ({@code digitalSignature} key usage), made with the JDK's
 * keytool: what Amazon SNS signs its messages with, for tests that sign SNS notifications.
 *
 * @param privateKey the key that signs
 * @param certificate its certificate
 */
public record SigningKey(PrivateKey privateKey, X509Certificate certificate) {

    /**
     * A new key and certificate.
     *
     * @param commonName the certificate's CN, e.g. {@code sns.amazonaws.com}
     * @return the key
     */
    public static SigningKey rsa(String commonName) {
        try (RunDirectory dir = RunDirectory.create("key")) {
            Path store = dir.path().resolve("key.p12");
            TestCa.keytool("-genkeypair", "-alias", "key", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=" + commonName, "-ext", "KeyUsage=digitalSignature", "-keystore", store.toString());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, TestCa.PASSWORD);
            }
            return new SigningKey((PrivateKey) keys.getKey("key", TestCa.PASSWORD),
                    (X509Certificate) keys.getCertificate("key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the signing key", e);
        }
    }

    /**
     * The certificate in PEM, as a server hands it out.
     *
     * @return the PEM text
     */
    public String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }
}
