package io.statstream.model.key;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.statstream.model.request.AnalysisRequest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity of an analysis: the lowercase hex SHA-256 of its {@link CanonicalForm}, all 64
 * characters. Equal questions have equal keys, so a key names a result before it exists.
 */
public record ContentKey(String hex) {
    private static final Pattern HEX_SHA_256 = Pattern.compile("[0-9a-f]{64}");

    @JsonCreator
    public ContentKey {
        if (hex == null || !HEX_SHA_256.matcher(hex).matches()) {
            throw new IllegalArgumentException("a content key is 64 lowercase hex digits, got " + hex);
        }
    }

    public static ContentKey of(AnalysisRequest request) {
        return CanonicalForm.of(request).key();
    }

    /** A key sent by a client, or empty when it is not 64 lowercase hex digits. */
    public static Optional<ContentKey> parse(String text) {
        return text != null && HEX_SHA_256.matcher(text).matches() ? Optional.of(new ContentKey(text)) : Optional.empty();
    }

    /** A key as it travels in a Kafka record key (ASCII), or empty when it is not one. */
    public static Optional<ContentKey> parse(byte[] ascii) {
        return ascii == null ? Optional.empty() : parse(new String(ascii, StandardCharsets.US_ASCII));
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
