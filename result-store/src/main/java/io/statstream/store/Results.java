package io.statstream.store;

import io.statstream.model.key.ContentKey;
import io.statstream.model.result.ResultEnvelope;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Results by content key: the envelope's JSON, stored and served as bytes. Every call returns at
 * once; a failure of the store completes the stage exceptionally (fast, when it is unreachable).
 */
public interface Results {

    /** The stored envelope, or empty when the key has no result (never computed, or expired). */
    CompletionStage<Optional<byte[]>> get(ContentKey key);

    /**
     * The stored envelopes of many keys in one round trip, in the order of {@code keys}; empty
     * where a key has no result.
     */
    CompletionStage<List<Optional<byte[]>>> getAll(List<ContentKey> keys);

    /**
     * Each key's state, in the order of {@code keys}, in one round trip (two in a cluster): its
     * result, pending, or unknown. A result wins over its key's pending mark, and a result stored
     * while the states are read is found: never "unknown" for a key accepted earlier.
     */
    CompletionStage<List<KeyState>> states(List<ContentKey> keys);

    /**
     * How long each key's result will still be kept, in the order of {@code keys}; empty where a
     * key has no result. One round trip, however many keys.
     */
    CompletionStage<List<Optional<Duration>>> remainingTtl(List<ContentKey> keys);

    /** Whether each key has a result, in the order of {@code keys}, without transferring them; one round trip. */
    CompletionStage<List<Boolean>> containsAll(List<ContentKey> keys);

    /** Whether the key has a result, without transferring it. */
    default CompletionStage<Boolean> contains(ContentKey key) {
        return containsAll(List.of(key)).thenApply(found -> found.get(0));
    }

    /**
     * A result to store, and when its time to live started: when it was computed. A result
     * replayed from the topic long after (a rebuild, a sink catching up) keeps only the time it
     * has left, and one with none left is not stored at all. (Not from the request's acceptance:
     * the worker drops copies of a key as in flight for a while after computing it, and the
     * result must outlive that, however long the request waited in the topic.)
     */
    record TimedResult(ContentKey key, byte[] envelopeJson, Instant since) {
        /** Its time to live started at the envelope's {@code computed_at}, or now if it has none. */
        public static TimedResult computed(ContentKey key, byte[] envelopeJson) {
            return new TimedResult(key, envelopeJson, ResultEnvelope.peekComputedAt(envelopeJson).orElseGet(Instant::now));
        }
    }

    /**
     * Stores envelopes for what is left of the configured time to live (a later put for the same
     * key replaces it), ends their keys' {@link PendingMarks} and, once they are stored, sends their
     * {@link StoredNotices}: two round trips.
     */
    CompletionStage<Void> putAll(List<TimedResult> results);

    /** Stores one envelope for the whole time to live. */
    default CompletionStage<Void> put(ContentKey key, byte[] envelopeJson) {
        return putAll(List.of(new TimedResult(key, envelopeJson, Instant.now())));
    }
}
