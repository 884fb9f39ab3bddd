package io.statstream.worker.topology;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.time.Duration;

/**
 * Drops a request that needs no computation, the whole policy in one place:
 * <ul>
 * <li>completed: the store already holds its result ({@link StoredResults});
 * <li>in flight: this partition already sent the key to be computed within the retention. The
 * same key always lands on the same partition, so this state store sees every copy of a key and
 * the check is exact. Each entry holds the offset of the copy that was computed: when that same
 * record comes again (a restart replaying records whose results were never committed, as
 * at-least-once processing does), it is computed again rather than taken for its own duplicate.
 * Entries expire after the retention, by which time the result is stored (and a later copy is
 * dropped as completed) or has expired (and is computed again);
 * <li>but never a refresh: a warming replay asks for a recomputation on purpose. It is still
 * remembered as in flight, so copies arriving while it is computed are dropped.
 * </ul>
 */
final class DropDuplicates implements FixedKeyProcessor<byte[], InboundRequest.Accepted, InboundRequest.Accepted> {
    private static final long NO_OFFSET = -1;

    private final StoredResults stored;
    private final String storeName;
    private final Duration retention;
    private final WorkerMetrics metrics;
    private FixedKeyProcessorContext<byte[], InboundRequest.Accepted> context;
    private TimestampedKeyValueStore<String, Long> computedOffsets;

    DropDuplicates(StoredResults stored, String storeName, Duration retention, WorkerMetrics metrics) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("in-flight retention must be positive, got " + retention);
        }
        this.stored = stored;
        this.storeName = storeName;
        this.retention = retention;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], InboundRequest.Accepted> context) {
        this.context = context;
        this.computedOffsets = context.getStateStore(storeName);
        Duration purgeEvery = retention.dividedBy(10).compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1) : retention.dividedBy(10);
        context.schedule(purgeEvery, PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
    }

    @Override
    public void process(FixedKeyRecord<byte[], InboundRequest.Accepted> record) {
        String key = record.value().key().hex();
        long now = context.currentSystemTimeMs();
        long offset = context.recordMetadata().map(metadata -> metadata.offset()).orElse(NO_OFFSET);
        if (!record.value().refresh()) {
            if (stored.contains(record.value().key())) {
                metrics.completedDuplicate();
                return;
            }
            if (isInFlight(key, offset, now)) {
                metrics.inFlightDuplicate();
                return;
            }
        }
        rememberInFlight(key, offset, now);
        context.forward(record);
    }

    private boolean isInFlight(String key, long offset, long now) {
        ValueAndTimestamp<Long> computed = computedOffsets.get(key);
        return computed != null
                && now - computed.timestamp() < retention.toMillis()
                && (offset == NO_OFFSET || computed.value() != offset);
    }

    private void rememberInFlight(String key, long offset, long now) {
        computedOffsets.put(key, ValueAndTimestamp.make(offset, now));
    }

    private void forgetExpired(long now) {
        try (KeyValueIterator<String, ValueAndTimestamp<Long>> entries = computedOffsets.all()) {
            while (entries.hasNext()) {
                var entry = entries.next();
                if (now - entry.value.timestamp() >= retention.toMillis()) {
                    computedOffsets.delete(entry.key);
                }
            }
        }
    }
}
