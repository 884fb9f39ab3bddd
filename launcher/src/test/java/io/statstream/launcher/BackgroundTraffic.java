package io.statstream.launcher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Submissions sent at a steady pace while a test watches something else (a page, a Prometheus):
 * each tick, a new analysis (computed) and the same one again (answered from the store). Closing
 * it stops the sending and waits for every reply, each checked against the contract by
 * {@link ApiClient}: a violation fails the test there.
 */
final class BackgroundTraffic implements AutoCloseable {
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final List<CompletableFuture<ApiClient.Reply>> replies = new CopyOnWriteArrayList<>();

    /**
     * @param fresh the request of tick {@code i}, new at every tick
     * @param again a request sent at every tick, the same each time
     */
    BackgroundTraffic(ApiClient api, Duration every, IntFunction<String> fresh, String again) {
        int[] tick = {0};
        ticks.scheduleAtFixedRate(() -> {
            replies.add(api.submitAsync(fresh.apply(++tick[0]), "application/json"));
            replies.add(api.submitAsync(again, "application/json"));
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).join();
    }
}
