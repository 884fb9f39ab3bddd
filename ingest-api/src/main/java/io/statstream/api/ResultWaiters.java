package io.statstream.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.statstream.api.access.Caller;
import io.statstream.model.key.ContentKey;
import io.statstream.store.StoredNotices;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests parked until a key's result is stored: any number per key, woken by the store's
 * notice that the key was stored, or released by a timer, or when their client goes away.
 * Nothing polls. Bounded: at most {@code maxWaiting} parked keys in all and {@code maxPerClient}
 * for one client, so waiting cannot take the server's memory.
 */
final class ResultWaiters implements AutoCloseable {
    static final String WAITING = "statstream.api.waiting";

    private final Vertx vertx;
    private final int maxWaiting;
    private final int maxPerClient;
    private final Map<ContentKey, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger parked = new AtomicInteger();
    /** Parked keys per client name: the names come from the configured keys, so the map is bounded. */
    private final Map<String, AtomicInteger> parkedByClient = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;

    ResultWaiters(Vertx vertx, StoredNotices notices, int maxWaiting, int maxPerClient, MeterRegistry registry) {
        this.vertx = vertx;
        this.maxWaiting = maxWaiting;
        this.maxPerClient = maxPerClient;
        this.subscription = notices.onStored(this::wake);
        Gauge.builder(WAITING, parked, AtomicInteger::get).description("Keys parked by requests that wait for their results")
                .register(registry);
    }

    /** A parked request: woken when its key is stored or its time is up; cancelled when it no longer waits. */
    interface Waiting {
        /** Completes, on the caller's context, when the key is stored or the timeout passed; then read the store. */
        Future<Void> woken();

        /** Stops waiting now: the result was found by reading, or the client went away. */
        void cancel();
    }

    /**
     * Parks one request's keys (distinct), all or none. Register before reading the store, so that
     * a result stored between the read and the wait still wakes it.
     *
     * @throws ApiException 503 when the server holds as many waiting keys as it may, 429 when this caller does
     */
    List<Waiting> await(Caller caller, List<ContentKey> keys, Duration timeout) {
        int count = keys.size();
        if (!tryAdd(parked, count, maxWaiting)) {
            throw new ApiException(ApiError.WAITING_FULL, "the server already holds " + maxWaiting
                    + " waiting keys; read without ?wait, or try again shortly");
        }
        AtomicInteger mine = parkedByClient.computeIfAbsent(caller.name(), name -> new AtomicInteger());
        if (!tryAdd(mine, count, maxPerClient)) {
            parked.addAndGet(-count);
            throw new ApiException(ApiError.RATE_LIMITED, "client \"" + caller.name() + "\" already waits on "
                    + mine.get() + " keys; at most " + maxPerClient + " at a time");
        }
        return keys.stream().map(key -> park(key, timeout, mine)).toList();
    }

    private static boolean tryAdd(AtomicInteger counter, int count, int max) {
        while (true) {
            int now = counter.get();
            if (now + count > max) {
                return false;
            }
            if (counter.compareAndSet(now, now + count)) {
                return true;
            }
        }
    }

    private Waiting park(ContentKey key, Duration timeout, AtomicInteger mine) {
        Waiter waiter = new Waiter(vertx.getOrCreateContext(), Promise.promise(), mine);
        waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(waiter);
        waiter.timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> release(key, waiter));
        return new Waiting() {
            @Override
            public Future<Void> woken() {
                return waiter.promise.future();
            }

            @Override
            public void cancel() {
                release(key, waiter);
            }
        };
    }

    private void wake(ContentKey key) {
        Set<Waiter> waiters = waiting.remove(key);
        if (waiters != null) {
            waiters.forEach(Waiter::complete);
        }
    }

    private void release(ContentKey key, Waiter waiter) {
        waiting.computeIfPresent(key, (k, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
        waiter.complete();
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        waiting.values().forEach(waiters -> waiters.forEach(Waiter::complete));
        waiting.clear();
    }

    private final class Waiter {
        private final Context context;
        private final Promise<Void> promise;
        private final AtomicInteger client;
        private final AtomicBoolean counted = new AtomicBoolean(true);
        private volatile long timer;

        private Waiter(Context context, Promise<Void> promise, AtomicInteger client) {
            this.context = context;
            this.promise = promise;
            this.client = client;
        }

        /** Called from the store's I/O thread, a timer or a closed connection: the promise completes on the request's own context. */
        private void complete() {
            if (counted.compareAndSet(true, false)) {
                parked.decrementAndGet();
                client.decrementAndGet();
            }
            context.runOnContext(v -> {
                vertx.cancelTimer(timer);
                promise.tryComplete();
            });
        }
    }
}
