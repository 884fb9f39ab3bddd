package io.statstream.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What the sink counts: results stored, failed writes, partitions refilled, and the end-to-end latency from the moment
 * the broker accepted the request to the moment its result is in the store. A result record keeps
 * its request's timestamp (Kafka Streams carries it through), so that is now minus the record time.
 */
final class SinkMetrics {
    static final String STORED = "statstream.sink.stored";
    static final String STORE_FAILURES = "statstream.sink.store.failures";
    static final String END_TO_END = "statstream.end_to_end.latency";
    static final String REFILLS = "statstream.sink.refills";
    static final String UNSIGNED = "statstream.sink.unsigned";

    private final Counter stored;
    private final Counter failures;
    private final Timer endToEnd;
    private final Counter refills;
    private final Counter unsigned;

    SinkMetrics(MeterRegistry registry) {
        stored = Counter.builder(STORED).description("Results written to the store").register(registry);
        failures = Counter.builder(STORE_FAILURES).description("Batches of results the store did not take (retried)")
                .register(registry);
        endToEnd = Timer.builder(END_TO_END).description("From acceptance of a request to its result in the store")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
        refills = Counter.builder(REFILLS)
                .description("Partitions of analysis-results replayed into a store that had lost them (or on SINK_REBUILD)")
                .register(registry);
        unsigned = Counter.builder(UNSIGNED)
                .description("Records of analysis-results without the worker's signature: dead-lettered, not stored")
                .register(registry);
    }

    void unsigned(int records) {
        unsigned.increment(records);
    }

    void stored(long acceptedAtMillis, long nowMillis) {
        stored.increment();
        endToEnd.record(Math.max(0, nowMillis - acceptedAtMillis), TimeUnit.MILLISECONDS);
    }

    void refilled(int partitions) {
        refills.increment(partitions);
    }

    void storeFailed() {
        failures.increment();
    }
}
