package io.statstream.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.statstream.model.key.ContentKey;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Results in this process's memory, bounded in entries and in time, for running without Redis.
 * Only one process sees them and a restart loses them: the analysis-results topic still holds
 * every result, and the sink can rebuild from it.
 */
public final class InProcessResultStore implements ResultStore {
    private final Cache<ContentKey, byte[]> results;
    private final Cache<ContentKey, Boolean> pending;

    public InProcessResultStore(ResultStoreOptions options) {
        this.results = Caffeine.newBuilder()
                .maximumSize(options.maxInProcessEntries())
                .expireAfterWrite(options.resultTtl())
                .build();
        this.pending = Caffeine.newBuilder()
                .maximumSize(options.maxInProcessEntries())
                .expireAfterWrite(options.pendingTtl())
                .build();
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(ContentKey key) {
        return CompletableFuture.completedFuture(Optional.ofNullable(results.getIfPresent(key)));
    }

    @Override
    public CompletionStage<Boolean> contains(ContentKey key) {
        return CompletableFuture.completedFuture(results.getIfPresent(key) != null);
    }

    @Override
    public CompletionStage<Void> put(ContentKey key, byte[] envelopeJson) {
        results.put(key, envelopeJson);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Boolean> markPending(ContentKey key) {
        return CompletableFuture.completedFuture(pending.asMap().putIfAbsent(key, Boolean.TRUE) == null);
    }

    @Override
    public CompletionStage<Boolean> isPending(ContentKey key) {
        return CompletableFuture.completedFuture(pending.getIfPresent(key) != null);
    }

    @Override
    public CompletionStage<Void> ping() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public String describe() {
        return "in-process";
    }

    @Override
    public void close() {
        results.invalidateAll();
        pending.invalidateAll();
    }
}
