package io.statstream.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import io.statstream.model.key.ContentKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Results in this process's memory, bounded in entries and in time, for running without Redis.
 * Only one process sees them and a restart loses them: the analysis-results topic still holds
 * every result, and the sink can rebuild from it.
 */
public final class InProcessResultStore implements ResultStore {
    private final Cache<ContentKey, byte[]> results;
    private final Cache<ContentKey, Boolean> pending;
    private final Set<Consumer<ContentKey>> listeners = new CopyOnWriteArraySet<>();
    private final InProcessHotKeys hotKeys;
    private final FilledPartitions filledPartitions = new InProcessFilledPartitions();
    private final ResultStoreOptions options;

    public InProcessResultStore(ResultStoreOptions options) {
        this.options = options;
        this.hotKeys = new InProcessHotKeys(Clock.systemUTC(), options.maxInProcessEntries());
        this.results = LocalCaches.builder()
                .maximumSize(options.maxInProcessEntries())
                .expireAfter(Expiry.writing((ContentKey key, byte[] envelope) -> options.ttlFor(envelope)))
                .build();
        this.pending = LocalCaches.builder()
                .maximumSize(options.maxInProcessEntries())
                .expireAfterWrite(options.pendingTtl())
                .build();
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(ContentKey key) {
        return CompletableFuture.completedFuture(Optional.ofNullable(results.getIfPresent(key)));
    }

    @Override
    public CompletionStage<List<Optional<byte[]>>> getAll(List<ContentKey> keys) {
        return CompletableFuture.completedFuture(keys.stream().map(key -> Optional.ofNullable(results.getIfPresent(key))).toList());
    }

    @Override
    public CompletionStage<List<KeyState>> states(List<ContentKey> keys) {
        return CompletableFuture.completedFuture(keys.stream().map(this::state).toList());
    }

    /** The mark first: the sink stores a result before it ends the mark, so one gone by then left its result. */
    private KeyState state(ContentKey key) {
        boolean marked = pending.getIfPresent(key) != null;
        byte[] envelope = results.getIfPresent(key);
        if (envelope != null) {
            return new KeyState.Done(envelope);
        }
        return marked ? KeyState.PENDING : KeyState.UNKNOWN;
    }

    @Override
    public CompletionStage<List<Optional<Duration>>> remainingTtl(List<ContentKey> keys) {
        var expiry = results.policy().expireVariably().orElseThrow();
        return CompletableFuture.completedFuture(keys.stream().map(expiry::getExpiresAfter).toList());
    }

    @Override
    public HotKeys hotKeys() {
        return hotKeys;
    }

    @Override
    public FilledPartitions filledPartitions() {
        return filledPartitions;
    }

    @Override
    public CompletionStage<List<Boolean>> containsAll(List<ContentKey> keys) {
        return CompletableFuture.completedFuture(keys.stream().map(key -> results.getIfPresent(key) != null).toList());
    }

    @Override
    public CompletionStage<Void> putAll(List<TimedResult> stored) {
        Instant now = Instant.now();
        var expiry = results.policy().expireVariably().orElseThrow();
        for (TimedResult result : stored) {
            Duration left = options.remainingTtl(result.envelopeJson(), result.since(), now);
            if (left.toMillis() > 0) { // none left: already expired, nothing to store
                expiry.put(result.key(), result.envelopeJson(), left);
                pending.invalidate(result.key());
                listeners.forEach(listener -> listener.accept(result.key()));
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> markPending(Collection<ContentKey> keys) {
        keys.forEach(key -> pending.put(key, Boolean.TRUE)); // every acceptance restarts the clock
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> unmarkPending(Collection<ContentKey> keys) {
        pending.invalidateAll(keys);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public AutoCloseable onStored(Consumer<ContentKey> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
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
