package io.statstream.model.key;

import io.statstream.model.EngineVersion;
import io.statstream.model.request.AnalysisRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A request written one way only: every default filled in (the parsed request holds them), keys
 * sorted, numbers in one spelling (RFC 8785). This JSON is what travels on
 * {@code analysis-requests}; its hash, prefixed with the engine version, is the {@link ContentKey}.
 *
 * @param json the canonical JSON text of the request
 * @param key  the content key of the request under the current engine version
 */
public record CanonicalForm(String json, ContentKey key) {
    /** Hashed before the JSON, so that a new engine version gives every request a new key. */
    static final String KEY_PREFIX = "statstream-engine-" + EngineVersion.CURRENT + "\n";
    private static final byte[] KEY_PREFIX_BYTES = KEY_PREFIX.getBytes(StandardCharsets.UTF_8);

    public CanonicalForm {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(key, "key");
    }

    public static CanonicalForm of(AnalysisRequest request) {
        byte[] json = CanonicalJson.write(request);
        return new CanonicalForm(new String(json, StandardCharsets.UTF_8), keyOf(json));
    }

    /**
     * The key of a request already in canonical form, as its bytes travel on analysis-requests:
     * the hash of exactly these bytes, with nothing re-written. The worker checks each record's key
     * this way; a record whose value is not canonical hashes to a key no client was given.
     */
    public static ContentKey keyOf(byte[] canonicalJson) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(KEY_PREFIX_BYTES);
        return new ContentKey(HexFormat.of().formatHex(digest.digest(canonicalJson)));
    }

    public byte[] jsonBytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
