package io.statstream.worker.topology;

import io.statstream.model.key.ContentKey;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.model.topic.ResultSignature;
import io.statstream.model.topic.Topics;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.util.Optional;

/**
 * Writes each result envelope as the bytes analysis-results carries and, when a signing key is
 * configured, signs key and value, so the sink can tell the worker's results from anyone else's.
 */
final class SerializeResults implements FixedKeyProcessor<ContentKey, ResultEnvelope, byte[]> {
    private final Optional<ResultSignature> signature;
    private final Serializer<ContentKey> keys = Topics.ANALYSIS_RESULTS.keySerde().serializer();
    private final Serializer<ResultEnvelope> values = Topics.ANALYSIS_RESULTS.valueSerde().serializer();
    private FixedKeyProcessorContext<ContentKey, byte[]> context;

    SerializeResults(Optional<ResultSignature> signature) {
        this.signature = signature;
    }

    @Override
    public void init(FixedKeyProcessorContext<ContentKey, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<ContentKey, ResultEnvelope> record) {
        String topic = Topics.ANALYSIS_RESULTS.name();
        byte[] value = values.serialize(topic, record.value());
        signature.ifPresent(signer -> signer.sign(keys.serialize(topic, record.key()), value, record.headers()));
        context.forward(record.withValue(value));
    }
}
