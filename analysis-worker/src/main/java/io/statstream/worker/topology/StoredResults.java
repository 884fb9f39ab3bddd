package io.statstream.worker.topology;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.statstream.model.key.ContentKey;
import io.statstream.store.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the result store, for the stream thread, whether a key already has a result. The keys of a
 * whole poll are asked about together as soon as the poll returns ({@link LookUpPolledKeys}), so
 * the stream thread finds most answers waiting instead of making one round trip per record (which
 * took half its time). A key whose answer is not there is asked about alone; the wait is bounded.
 * When the store cannot answer, the key counts as not stored: the analysis is computed again,
 * which costs time but never a result. After a failure the store is not asked again for a
 * cool-down, so a Redis that hangs cannot stall the stream past its poll interval, one timeout
 * per record.
 */
final class StoredResults {
    private static final Logger LOG = LoggerFactory.getLogger(StoredResults.class);
    private static final Duration COOL_DOWN = Duration.ofSeconds(5);
    /** Far longer than a poll takes to process; short enough that no answer is old when used. */
    private static final Duration ANSWERS_KEPT = Duration.ofSeconds(5);
    private static final long MAX_ANSWERS = 100_000;

    private final ResultStore store;
    private final Duration timeout;
    private final Cache<ContentKey, CompletableFuture<Boolean>> answers = Caffeine.newBuilder()
            .expireAfterWrite(ANSWERS_KEPT).maximumSize(MAX_ANSWERS).build();
    private volatile boolean reachable = true;
    private volatile long askAgainAtNanos;

    StoredResults(ResultStore store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    /** Asks about all these keys in one round trip, without waiting for the answers. */
    void lookUp(List<ContentKey> keys) {
        if (keys.isEmpty() || coolingDown()) {
            return;
        }
        CompletableFuture<List<Boolean>> found = store.containsAll(keys).toCompletableFuture();
        for (int i = 0; i < keys.size(); i++) {
            int index = i;
            answers.put(keys.get(i), found.thenApply(stored -> stored.get(index)));
        }
    }

    boolean contains(ContentKey key) {
        if (coolingDown()) {
            return false;
        }
        CompletableFuture<Boolean> answer = answers.getIfPresent(key);
        try {
            boolean contains = (answer != null ? answer : store.contains(key).toCompletableFuture())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!reachable) {
                reachable = true;
                LOG.info("Result store {} answers again: duplicates of stored results are dropped again", store.describe());
            }
            return contains;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            askAgainAtNanos = System.nanoTime() + COOL_DOWN.toNanos();
            answers.invalidateAll(); // they would fail the same way, one timeout each
            if (reachable) {
                reachable = false; // log the change of state, not every record
                LOG.warn("Result store {} does not answer ({}): computing without checking for stored results",
                        store.describe(), e.toString());
            }
            return false;
        }
    }

    private boolean coolingDown() {
        return !reachable && System.nanoTime() < askAgainAtNanos;
    }
}
