package io.statstream.model.key;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256, which every Java platform must provide: its absence is a broken platform, not a case
 * for callers to handle. Content keys, remembered request bodies and API key hashes use it.
 */
public final class Sha256 {
    private Sha256() {
    }

    /** A new digest, for hashing in several updates. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    public static byte[] of(byte[] bytes) {
        return newDigest().digest(bytes);
    }
}
