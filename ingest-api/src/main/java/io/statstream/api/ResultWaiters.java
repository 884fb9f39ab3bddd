package io.statstream.api;

import io.statstream.model.key.ContentKey;
import io.statstream.store.ResultStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests parked until a key's result is stored: any number per key, woken by the store's
 * notice that the key was stored, or released by a timer. Nothing polls.
 */
final class ResultWaiters implements AutoCloseable {
    private final Vertx vertx;
    private final Map<ContentKey, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;

    ResultWaiters(Vertx vertx, ResultStore store) {
        this.vertx = vertx;
        this.subscription = store.onStored(this::wake);
    }

    /** A parked request: woken when its key is stored or its time is up; cancelled when it no longer waits. */
    interface Waiting {
        /** Completes, on the caller's context, when the key is stored or the timeout passed; then read the store. */
        Future<Void> woken();

        /** Stops waiting now: the result was found by reading. */
        void cancel();
    }

    /**
     * Parks a request for a key. Register before reading the store, so that a result stored
     * between the read and the wait still wakes it.
     */
    Waiting await(ContentKey key, Duration timeout) {
        Waiter waiter = new Waiter(vertx.getOrCreateContext(), Promise.promise());
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
        private volatile long timer;

        private Waiter(Context context, Promise<Void> promise) {
            this.context = context;
            this.promise = promise;
        }

        /** Called from the store's I/O thread or a timer: the promise completes on the request's own context. */
        private void complete() {
            context.runOnContext(v -> {
                vertx.cancelTimer(timer);
                promise.tryComplete();
            });
        }
    }
}
