package io.statstream.worker.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** Remembered values of the engine's costly pure functions (quantiles found by a solver or an integral). */
final class Memo {
    private Memo() {
    }

    /**
     * At most {@code size} values, the rarely used ones evicted first. The cache's upkeep runs on
     * the thread that adds a value: handed to Caffeine's default pool, it woke a thread for
     * every few new values (5 % of the stream thread in futex and scheduler calls). The services'
     * caches do the same ({@code LocalCaches} in the store, which the engine does not depend on).
     */
    static <K, V> Cache<K, V> bounded(int size) {
        return Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }
}
