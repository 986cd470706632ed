package org.mailoutcome.providers.internal;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/** Reading configured keys. */
public final class Keys {

    private Keys() {
    }

    /**
     * An EC P-256 public key from base64 of its DER SubjectPublicKeyInfo, PEM armour and blanks allowed.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static PublicKey ecP256(String base64) {
        Objects.requireNonNull(base64, "publicKey");
        String stripped = base64.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(stripped);
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof ECPublicKey ec) || !isP256(ec.getParams())) {
                throw new IllegalArgumentException("the SendGrid verification key is not on curve P-256");
            }
            return key;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a base64 DER EC P-256 public key: " + e.getMessage(), e);
        }
    }

    private static boolean isP256(ECParameterSpec params) throws GeneralSecurityException {
        AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
        p256.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec expected = p256.getParameterSpec(ECParameterSpec.class);
        return expected.getCurve().equals(params.getCurve()) && expected.getOrder().equals(params.getOrder())
                && expected.getGenerator().equals(params.getGenerator());
    }
}
