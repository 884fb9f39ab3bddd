package io.statstream.model.topic;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The worker's mark on each record it writes to analysis-results: an HMAC-SHA256 of the record's
 * key and value under a secret the worker and the sink share ({@code RESULT_SIGNING_KEY}), in the
 * header {@link #HEADER}. The sink stores only records that carry a valid one, so a result
 * written to the topic by anyone else is never served.
 */
public final class ResultSignature {
    public static final String HEADER = "statstream.signature";
    private static final String ALGORITHM = "HmacSHA256";

    /**
     * One keyed {@code Mac} per thread (the worker's stream threads, the sink's): looking one up and
     * keying it for every record was a third of the time spent signing and checking.
     */
    private final ThreadLocal<Mac> macs;

    public ResultSignature(String secret) {
        if (secret.isBlank()) {
            throw new IllegalArgumentException("a signing key must not be blank");
        }
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java has " + ALGORITHM, e);
            }
        });
    }

    /** Adds (or replaces) the record's signature header. */
    public void sign(byte[] recordKey, byte[] recordValue, Headers headers) {
        headers.remove(HEADER);
        headers.add(HEADER, mac(recordKey, recordValue));
    }

    /** Whether the headers carry this key's signature of exactly this key and value. */
    public boolean verify(byte[] recordKey, byte[] recordValue, Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header != null && header.value() != null
                && MessageDigest.isEqual(header.value(), mac(recordKey, recordValue)); // constant time
    }

    /** The thread's {@code Mac}, reset under the same key (as doFinal also leaves it), signs one record. */
    private byte[] mac(byte[] recordKey, byte[] recordValue) {
        Mac mac = macs.get();
        mac.reset(); // nothing left over from a record whose signing was cut short
        // The key's length first: no other split of the same bytes into key and value signs alike.
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(recordKey == null ? -1 : recordKey.length).array());
        if (recordKey != null) {
            mac.update(recordKey);
        }
        if (recordValue != null) {
            mac.update(recordValue);
        }
        return mac.doFinal();
    }
}
