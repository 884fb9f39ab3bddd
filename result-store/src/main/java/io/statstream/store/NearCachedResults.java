package io.statstream.store;

import com.github.benmanes.caffeine.cache.Cache;
import io.statstream.model.key.ContentKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A bounded in-process cache of results in front of the store's. A key's result never changes,
 * so a cached copy is never wrong; it is kept briefly so that the cache follows the store's expiry
 * closely. Only reads of envelopes are cached; the rest goes to the store.
 * <p>
 * Reads of one key (by get, or a lookup of one) fill it from the key's second read: a dashboard
 * polls a few keys again and again, while a client that submitted a new analysis reads its result
 * once ({@link SeenBefore} says why that matters). Reads of more keys use it but do not fill it: a
 * bulk collects each of its results once, and filling the cache with them churned it (a put and an
 * eviction per result, 13 % of Redis's event loop while a bulk of 100,000 was collected) and pushed
 * out the results read again and again.
 */
public final class NearCachedResults implements Results {
    public static final Duration DEFAULT_KEEP = Duration.ofMinutes(1);

    private final Results results;
    private final Cache<ContentKey, byte[]> cache;
    private final SeenBefore readBefore = new SeenBefore();

    public NearCachedResults(Results results, long maxEntries, Duration keep) {
        this.results = results;
        this.cache = LocalCaches.builder().maximumSize(maxEntries).expireAfterWrite(keep).build();
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(ContentKey key) {
        byte[] cached = cache.getIfPresent(key);
        if (cached != null) {
            return CompletableFuture.completedFuture(Optional.of(cached));
        }
        return results.get(key).thenApply(found -> {
            found.ifPresent(envelope -> keepIfReadBefore(key, envelope));
            return found;
        });
    }

    private void keepIfReadBefore(ContentKey key, byte[] envelope) {
        if (readBefore.sawBefore(key.word(0), key.word(1))) {
            cache.put(key, envelope);
        }
    }

    @Override
    public CompletionStage<List<Optional<byte[]>>> getAll(List<ContentKey> keys) {
        if (keys.size() == 1) {
            return get(keys.get(0)).thenApply(List::of);
        }
        List<byte[]> cached = cachedAll(keys);
        return cached == null ? results.getAll(keys)
                : CompletableFuture.completedFuture(cached.stream().map(Optional::of).toList());
    }

    /** Every key's cached result, or null when one is not cached: a read of many keys is the cache's only if it holds them all. */
    private List<byte[]> cachedAll(List<ContentKey> keys) {
        List<byte[]> cached = new ArrayList<>(keys.size());
        for (ContentKey key : keys) {
            byte[] envelope = cache.getIfPresent(key);
            if (envelope == null) {
                return null;
            }
            cached.add(envelope);
        }
        return cached;
    }

    /** As {@link #getAll}: one key's result is cached from its second read, many keys' are only looked up. */
    @Override
    public CompletionStage<List<KeyState>> states(List<ContentKey> keys) {
        if (keys.size() == 1) {
            ContentKey key = keys.get(0);
            byte[] envelope = cache.getIfPresent(key);
            return envelope != null ? CompletableFuture.completedFuture(List.of(new KeyState.Done(envelope)))
                    : results.states(keys).thenApply(states -> {
                        if (states.get(0) instanceof KeyState.Done done) {
                            keepIfReadBefore(key, done.envelope());
                        }
                        return states;
                    });
        }
        List<byte[]> cached = cachedAll(keys);
        return cached == null ? results.states(keys)
                : CompletableFuture.completedFuture(cached.stream().<KeyState>map(KeyState.Done::new).toList());
    }

    @Override
    public CompletionStage<List<Optional<Duration>>> remainingTtl(List<ContentKey> keys) {
        return results.remainingTtl(keys);
    }

    @Override
    public CompletionStage<List<Boolean>> containsAll(List<ContentKey> keys) {
        return results.containsAll(keys);
    }

    @Override
    public CompletionStage<Void> putAll(List<TimedResult> stored) {
        return results.putAll(stored);
    }
}
