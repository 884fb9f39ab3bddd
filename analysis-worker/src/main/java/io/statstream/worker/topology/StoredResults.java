package io.statstream.worker.topology;

import io.statstream.model.key.ContentKey;
import io.statstream.store.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Asks the result store, from a stream thread, whether a key already has a result. A stream thread
 * may block; the wait is bounded. When the store cannot answer, the key counts as not stored: the
 * analysis is computed again, which costs time but never a result. After a failure the store is
 * not asked again for a cool-down, so a Redis that hangs cannot stall the stream past its poll
 * interval, one timeout per record.
 */
final class StoredResults {
    private static final Logger LOG = LoggerFactory.getLogger(StoredResults.class);
    private static final Duration COOL_DOWN = Duration.ofSeconds(5);

    private final ResultStore store;
    private final Duration timeout;
    private volatile boolean reachable = true;
    private volatile long askAgainAtNanos;

    StoredResults(ResultStore store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    boolean contains(ContentKey key) {
        if (!reachable && System.nanoTime() < askAgainAtNanos) {
            return false;
        }
        try {
            boolean contains = store.contains(key).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
            if (reachable) {
                reachable = false; // log the change of state, not every record
                LOG.warn("Result store {} does not answer ({}): computing without checking for stored results",
                        store.describe(), e.toString());
            }
            return false;
        }
    }
}
