package io.statstream.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.statstream.model.key.ContentKey;

import java.time.Duration;

/**
 * Holds back a key's first request from the counts, and counts it with the second: a request's
 * form is kept for replay only once it came twice ({@link HotKeys#REPLAYABLE_FROM}), and a bulk
 * of new analyses wrote one count per analysis that the hour's trim then dropped, 100,000
 * ZINCRBY per bulk of 100,000 and a quarter of Redis's work in it (BENCHMARKS.md, session 16).
 * <p>
 * Best effort, like the counts it feeds: a key is remembered by this process for an hour after
 * its last request, among at most {@link #MAX_REMEMBERED} (the least requested are forgotten
 * first), so a key requested once in each of two processes, or forgotten in between, is counted
 * from its next request, and a first request is counted in the hour of the second. Not
 * thread-safe: one hand-over at a time uses it.
 */
final class FirstRequests {
    /** ~100 bytes each: a key's first 64 bits, Caffeine's entry and its place in the table. */
    static final int MAX_REMEMBERED = 100_000;
    static final Duration REMEMBERED_FOR = Duration.ofHours(1);

    /** Whether a remembered key's first request has been counted. */
    private final Cache<Long, Boolean> firstCounted = Caffeine.newBuilder()
            .maximumSize(MAX_REMEMBERED)
            .expireAfterAccess(REMEMBERED_FOR)
            .executor(Runnable::run) // its upkeep on the hand-over's thread, not the common pool
            .build();

    /** How many of a key's {@code requests} since the last hand-over to count now (none, or with the first held back). */
    long toCount(ContentKey key, long requests) {
        if (requests <= 0) { // a tally handed over before its first count was added: nothing to count yet
            return 0;
        }
        // The first 64 bits of a SHA-256 name a key among a hundred thousand without collisions in practice.
        Long id = key.word(0);
        Boolean counted = firstCounted.getIfPresent(id);
        if (counted == null && requests == 1) {
            firstCounted.put(id, false);
            return 0;
        }
        if (!Boolean.TRUE.equals(counted)) {
            firstCounted.put(id, true);
        }
        return Boolean.FALSE.equals(counted) ? requests + 1 : requests;
    }
}
