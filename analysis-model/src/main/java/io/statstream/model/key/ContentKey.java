package io.statstream.model.key;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.statstream.model.request.AnalysisRequest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The identity of an analysis: the lowercase hex SHA-256 of its {@link CanonicalForm}, all 64
 * characters. Equal questions have equal keys, so a key names a result before it exists.
 */
public record ContentKey(String hex) {
    private static final int HEX_DIGITS = 64;

    @JsonCreator
    public ContentKey {
        if (!isKey(hex)) {
            throw new IllegalArgumentException("a content key is 64 lowercase hex digits, got " + hex);
        }
    }

    public static ContentKey of(AnalysisRequest request) {
        return CanonicalForm.of(request).key();
    }

    /** A key sent by a client, or empty when it is not 64 lowercase hex digits. */
    public static Optional<ContentKey> parse(String text) {
        return isKey(text) ? Optional.of(new ContentKey(text)) : Optional.empty();
    }

    /** A key as it travels in a Kafka record key (ASCII), or empty when it is not one. */
    public static Optional<ContentKey> parse(byte[] ascii) {
        return ascii == null || ascii.length != HEX_DIGITS ? Optional.empty() : parse(new String(ascii, StandardCharsets.US_ASCII));
    }

    /** 64 lowercase hex digits; a loop, not a regular expression: the worker checks every record's key. */
    private static boolean isKey(String text) {
        if (text == null || text.length() != HEX_DIGITS) {
            return false;
        }
        for (int i = 0; i < HEX_DIGITS; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key's bits {@code 64 × index} to {@code 64 × index + 63} (digits {@code 16 × index} on), as
     * a number: a key is four of them, each as uniform as a hash, for tables that hold keys without
     * objects.
     */
    public long word(int index) {
        long value = 0;
        for (int i = index * 16, end = i + 16; i < end; i++) {
            value = (value << 4) | Character.digit(hex.charAt(i), 16);
        }
        return value;
    }

    @JsonValue
    @Override
    public String hex() {
        return hex;
    }

    @Override
    public String toString() {
        return hex;
    }
}
