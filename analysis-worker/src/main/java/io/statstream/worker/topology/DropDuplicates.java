package io.statstream.worker.topology;

import io.statstream.model.key.ContentKey;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.time.Duration;

/**
 * Drops a request that needs no computation, the whole policy in one place:
 * <ul>
 * <li>completed: the store already holds its result ({@link StoredKeyLookup});
 * <li>in flight: this partition already sent the key to be computed and the store does not show
 * the result yet ({@link InFlightKeys});
 * <li>but never a refresh: a warming replay asks for a recomputation on purpose. It is still
 * remembered as in flight, so copies arriving while it is computed are dropped.
 * </ul>
 * One instance per task (Kafka Streams creates one per partition), so its keys are that partition's.
 */
final class DropDuplicates implements FixedKeyProcessor<byte[], InboundRequest.Accepted, InboundRequest.Accepted> {
    private static final long NO_OFFSET = -1;

    private final StoredKeyLookup stored;
    private final InFlightKeys inFlight;
    private final WorkerMetrics metrics;
    private FixedKeyProcessorContext<byte[], InboundRequest.Accepted> context;

    DropDuplicates(StoredKeyLookup stored, Duration inFlightRetention, WorkerMetrics metrics) {
        this.stored = stored;
        this.inFlight = new InFlightKeys(inFlightRetention);
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], InboundRequest.Accepted> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], InboundRequest.Accepted> record) {
        ContentKey key = record.value().key();
        long now = context.currentSystemTimeMs();
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(NO_OFFSET);
        if (!record.value().refresh()) {
            if (stored.contains(key)) {
                inFlight.forget(key);
                metrics.completedDuplicate();
                return;
            }
            if (inFlight.isInFlight(key, offset, now)) {
                metrics.inFlightDuplicate();
                return;
            }
        }
        inFlight.remember(key, offset, now);
        context.forward(record);
    }
}
