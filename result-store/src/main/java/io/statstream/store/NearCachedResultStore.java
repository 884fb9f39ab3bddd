package io.statstream.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.statstream.model.key.ContentKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A bounded in-process cache of results in front of another store. A key's result never changes,
 * so a cached copy is never wrong; it is kept briefly so that the cache follows the store's expiry
 * closely. Only reads of results go through it; everything else goes to the store.
 */
public final class NearCachedResultStore implements ResultStore {
    public static final Duration DEFAULT_KEEP = Duration.ofMinutes(1);

    private final ResultStore store;
    private final Cache<ContentKey, byte[]> cache;

    public NearCachedResultStore(ResultStore store, long maxEntries, Duration keep) {
        this.store = store;
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(keep).build();
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(ContentKey key) {
        byte[] cached = cache.getIfPresent(key);
        if (cached != null) {
            return CompletableFuture.completedFuture(Optional.of(cached));
        }
        return store.get(key).thenApply(found -> {
            found.ifPresent(envelope -> cache.put(key, envelope));
            return found;
        });
    }

    @Override
    public CompletionStage<List<Optional<byte[]>>> getAll(List<ContentKey> keys) {
        List<ContentKey> missing = new ArrayList<>();
        for (ContentKey key : keys) {
            if (cache.getIfPresent(key) == null) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(keys.stream().map(key -> Optional.ofNullable(cache.getIfPresent(key))).toList());
        }
        return store.getAll(keys).thenApply(found -> {
            for (int i = 0; i < keys.size(); i++) {
                ContentKey key = keys.get(i);
                found.get(i).ifPresent(envelope -> cache.put(key, envelope));
            }
            return found;
        });
    }

    @Override
    public CompletionStage<List<Optional<Duration>>> remainingTtl(List<ContentKey> keys) {
        return store.remainingTtl(keys);
    }

    @Override
    public CompletionStage<List<Boolean>> containsAll(List<ContentKey> keys) {
        return store.containsAll(keys);
    }

    @Override
    public CompletionStage<Void> putAll(List<TimedResult> results) {
        return store.putAll(results);
    }

    @Override
    public CompletionStage<Void> markPending(Collection<ContentKey> keys) {
        return store.markPending(keys);
    }

    @Override
    public CompletionStage<Boolean> isPending(ContentKey key) {
        return store.isPending(key);
    }

    @Override
    public CompletionStage<List<Boolean>> pendingAll(List<ContentKey> keys) {
        return store.pendingAll(keys);
    }

    @Override
    public AutoCloseable onStored(Consumer<ContentKey> listener) {
        return store.onStored(listener);
    }

    @Override
    public HotKeys hotKeys() {
        return store.hotKeys();
    }

    @Override
    public FilledPartitions filledPartitions() {
        return store.filledPartitions();
    }

    @Override
    public CompletionStage<Void> ping() {
        return store.ping();
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public void close() {
        cache.invalidateAll(); // the wrapped store is its owner's to close
    }
}
