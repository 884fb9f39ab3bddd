package io.statstream.store;

import io.statstream.model.key.ContentKey;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A store that counts the calls made to it, each of which is one command, one round trip, to Redis. */
public final class CountingResultStore implements ResultStore {
    private final ResultStore store;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    public CountingResultStore(ResultStore store) {
        this.store = store;
    }

    public long calls(String method) {
        return calls.getOrDefault(method, new AtomicLong()).get();
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private void count(String method) {
        calls.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(ContentKey key) {
        count("get");
        return store.get(key);
    }

    @Override
    public CompletionStage<List<Optional<byte[]>>> getAll(List<ContentKey> keys) {
        count("getAll");
        return store.getAll(keys);
    }

    @Override
    public CompletionStage<List<Optional<Duration>>> remainingTtl(List<ContentKey> keys) {
        count("remainingTtl");
        return store.remainingTtl(keys);
    }

    @Override
    public HotKeys hotKeys() {
        return store.hotKeys();
    }

    @Override
    public FilledPartitions filledPartitions() {
        return store.filledPartitions();
    }

    @Override
    public CompletionStage<List<Boolean>> containsAll(List<ContentKey> keys) {
        count("containsAll");
        return store.containsAll(keys);
    }

    @Override
    public CompletionStage<Void> putAll(List<TimedResult> results) {
        count("putAll");
        return store.putAll(results);
    }

    @Override
    public CompletionStage<Void> markPending(Collection<ContentKey> keys) {
        count("markPending");
        return store.markPending(keys);
    }

    @Override
    public CompletionStage<Void> unmarkPending(Collection<ContentKey> keys) {
        count("unmarkPending");
        return store.unmarkPending(keys);
    }

    @Override
    public CompletionStage<List<KeyState>> states(List<ContentKey> keys) {
        count("states");
        return store.states(keys);
    }

    @Override
    public AutoCloseable onStored(Consumer<ContentKey> listener) {
        return store.onStored(listener);
    }

    @Override
    public CompletionStage<Void> ping() {
        return store.ping();
    }

    @Override
    public String describe() {
        return "counting " + store.describe();
    }

    @Override
    public void close() {
        // the wrapped store belongs to the pipeline
    }
}
