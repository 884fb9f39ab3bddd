package io.statstream.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.statstream.api.access.Caller;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the API counts: submissions, single and in batches, and whether the store already had the answer. */
final class ApiMetrics {
    static final String SUBMISSIONS = "statstream.api.submissions";
    static final String SUBMISSIONS_BY_CACHE = "statstream.api.cache";
    static final String CLIENT_SUBMISSIONS = "statstream.api.client.submissions";

    private final Counter single;
    private final Counter batchItems;
    private final Counter hits;
    private final Counter misses;
    private final MeterRegistry registry;
    /** Built once per client and outcome: building and registering a counter per request cost a cached POST 1 %. */
    private final Map<ClientOutcome, Counter> clientCounters = new ConcurrentHashMap<>();

    private record ClientOutcome(String client, String outcome) {
    }

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
        single = Counter.builder(SUBMISSIONS).tag("kind", "single").description("Valid requests submitted one at a time")
                .register(registry);
        batchItems = Counter.builder(SUBMISSIONS).tag("kind", "batch_item").description("Valid requests submitted in batches")
                .register(registry);
        hits = Counter.builder(SUBMISSIONS_BY_CACHE).tag("result", "hit").description("Submissions answered from the store")
                .register(registry);
        misses = Counter.builder(SUBMISSIONS_BY_CACHE).tag("result", "miss").description("Submissions that had to be published")
                .register(registry);
    }

    void submitted(boolean stored) {
        single.increment();
        (stored ? hits : misses).increment();
    }

    void batchItems(long items, long storedItems) {
        batchItems.increment(items);
        hits.increment(storedItems);
        misses.increment(items - storedItems);
    }

    /**
     * Per client, by name (never by key): {@code hit}, {@code miss}, {@code rejected} (invalid),
     * {@code limited} (over its share). Clients are the configured keys, so the series are bounded.
     */
    void client(Caller caller, String outcome, long items) {
        if (items > 0) {
            clientCounters.computeIfAbsent(new ClientOutcome(caller.name(), outcome), this::clientCounter).increment(items);
        }
    }

    private Counter clientCounter(ClientOutcome key) {
        return Counter.builder(CLIENT_SUBMISSIONS).tag("client", key.client()).tag("outcome", key.outcome())
                .description("Submissions per client and outcome").register(registry);
    }
}
