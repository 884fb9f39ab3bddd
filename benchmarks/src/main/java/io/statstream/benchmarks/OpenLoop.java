package io.statstream.benchmarks;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Sends requests at a fixed rate whatever the answers do, and records each latency from the
 * moment the request was due, not from when it left: a stall of the system (or of this sender)
 * shows up in the percentiles instead of slowing the load down (no coordinated omission).
 */
final class OpenLoop {
    /**
     * Latencies in microseconds, requests sent, and those that failed or were not answered 2xx; and
     * how late each request left, the part of its latency spent before it was sent (the sender
     * woken late on a busy machine).
     */
    record Outcome(Histogram latencyMicros, long sent, long errors, Histogram sentLateMicros) {
        double millis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private OpenLoop() {
    }

    /**
     * Calls {@code send} with 0, 1, 2... at {@code ratePerSecond} for {@code duration}; each call
     * returns whether its request succeeded. Waits for the last answer, at most {@code drain}.
     */
    static Outcome run(int ratePerSecond, Duration duration, Duration drain, LongFunction<CompletableFuture<Boolean>> send)
            throws InterruptedException, TimeoutException {
        Histogram latency = new ConcurrentHistogram(MAX_MICROS, 3);
        Histogram sentLate = new Histogram(MAX_MICROS, 3);
        AtomicLong errors = new AtomicLong();
        long total = ratePerSecond * duration.toSeconds();
        double intervalNanos = 1e9 / ratePerSecond;
        CountDownLatch answered = new CountDownLatch(Math.toIntExact(total));
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + Math.round(i * intervalNanos);
            long early = due - System.nanoTime();
            if (early > 0) {
                LockSupport.parkNanos(early); // wakes late by tens of µs: the requests then due go out together
            }
            sentLate.recordValue(Math.min(MAX_MICROS, Math.max(0, System.nanoTime() - due) / 1_000));
            send.apply(i).whenComplete((ok, failure) -> {
                if (failure == null && ok) {
                    latency.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - due) / 1_000));
                } else {
                    errors.incrementAndGet();
                }
                answered.countDown();
            });
        }
        if (!answered.await(drain.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException(answered.getCount() + " requests unanswered " + drain + " after the last was sent");
        }
        return new Outcome(latency, total, errors.get(), sentLate);
    }
}
