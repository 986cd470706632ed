package org.mailoutcome.jakarta.internal;

import java.security.SecureRandom;

/**
 * Fresh send ids for tracking: 26 base32 characters ({@code a-z2-7}) from 130 random bits, safe as an ENVID
 * (xtext) and in a VERP local part.
 */
final class SendIds {
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int LENGTH = 26;

    private final SecureRandom random = new SecureRandom();

    /** A new id. */
    String next() {
        byte[] bytes = new byte[17];
        random.nextBytes(bytes);
        char[] id = new char[LENGTH];
        for (int i = 0; i < id.length; i++) {
            int bit = i * 5;
            int word = (bytes[bit / 8] & 0xff) << 8 | (bit / 8 + 1 < bytes.length ? bytes[bit / 8 + 1] & 0xff : 0);
            id[i] = BASE32[word >>> (11 - bit % 8) & 31];
        }
        return new String(id);
    }
}
