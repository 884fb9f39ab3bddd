package io.statstream.worker.topology;

import io.statstream.model.key.ContentKey;
import io.statstream.model.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sees every poll of the worker's main consumer before the stream thread processes it, and asks
 * the result store about all its request keys at once ({@link StoredKeyLookup#lookUp}). Kafka
 * creates it from its class name; the {@link StoredKeyLookup} it feeds comes in its configuration.
 */
public final class LookUpPolledKeys implements ConsumerInterceptor<byte[], byte[]> {
    static final String LOOKUP_CONFIG = "statstream.stored.key.lookup";

    private StoredKeyLookup stored;

    @Override
    public void configure(Map<String, ?> configs) {
        stored = (StoredKeyLookup) configs.get(LOOKUP_CONFIG);
        if (stored == null) {
            throw new IllegalStateException(LOOKUP_CONFIG + " is not set: configure through AnalysisTopology");
        }
    }

    @Override
    public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
        List<ContentKey> keys = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records.records(Topics.ANALYSIS_REQUESTS.name())) {
            ContentKey.parse(record.key()).ifPresent(keys::add); // a bad key goes to the dead-letter topic later
        }
        stored.lookUp(keys);
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
