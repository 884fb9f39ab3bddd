package io.statstream.worker.topology;

import io.statstream.model.key.ContentKey;
import io.statstream.store.Results;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>
 * A poll and the processing of its records happen on the same stream thread, so each thread
 * keeps the answers of its last few polls to itself, in plain maps: a concurrent cache with
 * expiry (Caffeine) spent a tenth of the stream thread on one put per key.
 */
final class StoredKeyLookup {
    private static final Logger LOG = LoggerFactory.getLogger(StoredKeyLookup.class);
    private static final Duration COOL_DOWN = Duration.ofSeconds(5);
    /** Far longer than a poll takes to process; short enough that no answer is old when used. */
    private static final Duration ANSWERS_KEPT = Duration.ofSeconds(5);
    /** Kafka Streams may poll again before it has processed a poll's records: a few polls back. */
    private static final int POLLS_KEPT = 8;

    private final Results results;
    private final String storeName;
    private final Duration timeout;
    private final ThreadLocal<Deque<PollAnswers>> polls = ThreadLocal.withInitial(ArrayDeque::new);
    private volatile boolean reachable = true;
    private volatile long askAgainAtNanos;

    /** The store's answer for a poll's keys, and where each key is in it. */
    private record PollAnswers(Map<ContentKey, Integer> positions, CompletableFuture<List<Boolean>> stored, long askedAtNanos) {
    }

    StoredKeyLookup(Results results, String storeName, Duration timeout) {
        this.results = results;
        this.storeName = storeName;
        this.timeout = timeout;
    }

    /** Asks about all these keys in one round trip, without waiting for the answers. */
    void lookUp(List<ContentKey> keys) {
        if (keys.isEmpty() || coolingDown()) {
            return;
        }
        Map<ContentKey, Integer> positions = new HashMap<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) {
            positions.putIfAbsent(keys.get(i), i);
        }
        Deque<PollAnswers> recent = polls.get();
        recent.addFirst(new PollAnswers(positions, results.containsAll(keys).toCompletableFuture(), System.nanoTime()));
        while (recent.size() > POLLS_KEPT) {
            recent.removeLast();
        }
    }

    boolean contains(ContentKey key) {
        if (coolingDown()) {
            return false;
        }
        try {
            boolean contains = askedWithItsPoll(key);
            if (!reachable) {
                reachable = true;
                LOG.info("Result store {} answers again: duplicates of stored results are dropped again", storeName);
            }
            return contains;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            askAgainAtNanos = System.nanoTime() + COOL_DOWN.toNanos();
            polls.get().clear(); // they would fail the same way, one timeout each
            if (reachable) {
                reachable = false; // log the change of state, not every record
                LOG.warn("Result store {} does not answer ({}): computing without checking for stored results",
                        storeName, e.toString());
            }
            return false;
        }
    }

    /** The answer of the newest recent poll that carried the key, or the store's answer for it alone. */
    private boolean askedWithItsPoll(ContentKey key) throws Exception {
        long now = System.nanoTime();
        for (PollAnswers poll : polls.get()) {
            if (now - poll.askedAtNanos() > ANSWERS_KEPT.toNanos()) {
                break; // newest first: the rest are older still
            }
            Integer position = poll.positions().get(key);
            if (position != null) {
                return poll.stored().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(position);
            }
        }
        return results.contains(key).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean coolingDown() {
        return !reachable && System.nanoTime() < askAgainAtNanos;
    }
}
