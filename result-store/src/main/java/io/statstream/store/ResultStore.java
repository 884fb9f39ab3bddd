package io.statstream.store;

import io.statstream.model.key.ContentKey;
import io.statstream.model.result.ResultEnvelope;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where results live, by content key, and which keys are pending. Every call returns at once; a
 * failure of the store completes the stage exceptionally (fast, when the store is unreachable).
 * Values are the result envelope's JSON, stored and served as bytes.
 */
public interface ResultStore extends AutoCloseable {

    /** The stored envelope, or empty when the key has no result (never computed, or expired). */
    CompletionStage<Optional<byte[]>> get(ContentKey key);

    /**
     * The stored envelopes of many keys in one round trip, in the order of {@code keys}; empty
     * where a key has no result.
     */
    CompletionStage<List<Optional<byte[]>>> getAll(List<ContentKey> keys);

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
     * key replaces it), ends their keys' pending marks and tells the {@link #onStored} listeners;
     * one round trip.
     */
    CompletionStage<Void> putAll(List<TimedResult> results);

    /** Stores one envelope for the whole time to live. */
    default CompletionStage<Void> put(ContentKey key, byte[] envelopeJson) {
        return putAll(List.of(new TimedResult(key, envelopeJson, Instant.now())));
    }

    /**
     * Records that the keys were accepted and their results are on the way, until their results
     * are stored (at most the pending time to live from now; a later acceptance extends it), all
     * in one round trip.
     */
    CompletionStage<Void> markPending(Collection<ContentKey> keys);

    /** Whether the key was marked pending and the mark has not expired. */
    CompletionStage<Boolean> isPending(ContentKey key);

    /** {@link #isPending} for many keys in one round trip, in the order of {@code keys}. */
    CompletionStage<List<Boolean>> pendingAll(List<ContentKey> keys);

    /**
     * Calls {@code listener} with every key stored from now on, by this process or any other that
     * shares the store, until the returned handle is closed. Delivery is best effort (a listener
     * that misses a notice still finds the result by reading), and the listener runs on the
     * store's I/O thread: keep it short.
     */
    AutoCloseable onStored(Consumer<ContentKey> listener);

    /** The request counts kept beside the results, on the same connection. */
    HotKeys hotKeys();

    /** The sink's marks of the partitions it filled the store from, kept beside the results. */
    FilledPartitions filledPartitions();

    /** Completes when the store answers; exceptionally when it does not. */
    CompletionStage<Void> ping();

    /** A name for logs and health reports: "redis://host:port" or "in-process". */
    String describe();

    @Override
    void close();
}
