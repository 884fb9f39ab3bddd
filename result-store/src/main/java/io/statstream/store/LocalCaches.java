package io.statstream.store;

import com.github.benmanes.caffeine.cache.Caffeine;

/** Where the services' in-memory caches start from. */
public final class LocalCaches {
    private LocalCaches() {
    }

    /**
     * A Caffeine builder whose upkeep (eviction, expiry) runs on the thread that used the cache,
     * a few entries at a time. Handed to Caffeine's default pool, it woke a pool thread every few
     * writes: at 2,000 misses a second the pool and the wake-ups were 2 % of the box, for work
     * that takes microseconds in place (BENCHMARKS.md, session 9).
     */
    public static Caffeine<Object, Object> builder() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}
