package io.statstream.store;

import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts requests in memory and hands them to the store once a second, summed per key: a cached
 * POST costs a map update instead of two Redis commands (which were a seventh of its time), and a
 * popular key is written once a second, not once a request. Counts are best effort (they feed the
 * warming replay): a crash loses at most the last second's. A key's first request is counted
 * only when the key comes again ({@link FirstRequests}). {@link #top} hands the counts over
 * first, so it sees every request recorded before it was asked.
 */
final class AggregatedHotKeys implements HotKeys, AutoCloseable {
    static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
    /** Distinct keys held before a hand-over is due whatever the clock says: bounds the memory. */
    static final int MAX_KEYS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(AggregatedHotKeys.class);

    private final HotKeys store;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hot-key-counts");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<ConcurrentHashMap<ContentKey, Tally>> counts = new AtomicReference<>(new ConcurrentHashMap<>());
    /** Guarded by this. */
    private final FirstRequests firstRequests = new FirstRequests();
    /** Completes when every hand-over so far is stored; guarded by this. */
    private CompletableFuture<Void> handedOver = CompletableFuture.completedFuture(null);

    private record Tally(CanonicalForm form, LongAdder count) {
    }

    AggregatedHotKeys(HotKeys store) {
        this.store = store;
        flusher.scheduleWithFixedDelay(this::handOver, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<Void> record(Collection<Counted> requests) {
        ConcurrentHashMap<ContentKey, Tally> current = counts.get();
        for (Counted counted : requests) {
            current.computeIfAbsent(counted.form().key(), key -> new Tally(counted.form(), new LongAdder())).count().add(counted.count());
        }
        if (current.size() > MAX_KEYS) {
            flusher.execute(this::handOver);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<String>> top(int n, Duration window) {
        return handOver().thenCompose(v -> store.top(n, window));
    }

    /**
     * Hands the counts so far to the store, in one batch; completes once they and every earlier
     * hand-over are stored. Not only this one: a {@code top} that found nothing left to hand over
     * while the second's hand-over was still on its way to Redis read the counts without it
     * (WarmReplayIT, once).
     */
    private synchronized CompletionStage<Void> handOver() {
        ConcurrentHashMap<ContentKey, Tally> taken = counts.getAndSet(new ConcurrentHashMap<>());
        List<Counted> batch = new ArrayList<>(taken.size());
        taken.values().forEach(tally -> {
            long counted = firstRequests.toCount(tally.form().key(), tally.count().sum());
            if (counted > 0) {
                batch.add(new Counted(tally.form(), counted));
            }
        });
        if (batch.isEmpty()) {
            return handedOver;
        }
        CompletableFuture<Void> stored = store.record(batch).exceptionally(e -> {
            LOG.debug("Could not record {} request counts ({}); they only feed the warming replay", batch.size(), e.toString());
            return null;
        }).toCompletableFuture();
        handedOver = CompletableFuture.allOf(handedOver, stored);
        return handedOver;
    }

    @Override
    public void close() {
        flusher.shutdown();
        handOver();
    }
}
