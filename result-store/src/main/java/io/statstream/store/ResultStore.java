package io.statstream.store;

import io.statstream.model.key.ContentKey;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where results live, by content key, and which keys are pending. Every call returns at once; a
 * failure of the store completes the stage exceptionally (fast, when the store is unreachable).
 * Values are the result envelope's JSON, stored and served as bytes.
 */
public interface ResultStore extends AutoCloseable {

    /** The stored envelope, or empty when the key has no result (never computed, or expired). */
    CompletionStage<Optional<byte[]>> get(ContentKey key);

    /** Whether the key has a result, without transferring it. */
    CompletionStage<Boolean> contains(ContentKey key);

    /** Stores an envelope for the configured time to live; a later put for the same key replaces it. */
    CompletionStage<Void> put(ContentKey key, byte[] envelopeJson);

    /**
     * Records that the key was accepted and its result is on the way, for the pending time to live.
     * Completes with false when it was already pending.
     */
    CompletionStage<Boolean> markPending(ContentKey key);

    /** Whether the key was marked pending and the mark has not expired. */
    CompletionStage<Boolean> isPending(ContentKey key);

    /** Completes when the store answers; exceptionally when it does not. */
    CompletionStage<Void> ping();

    /** A name for logs and health reports: "redis://host:port" or "in-process". */
    String describe();

    @Override
    void close();
}
