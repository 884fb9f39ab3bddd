package io.statstream.sink;

import io.statstream.model.topic.DeadLetterHeaders;
import io.statstream.model.topic.ResultSignature;
import io.statstream.model.topic.Topics;
import io.statstream.runtime.KafkaClients;
import io.statstream.runtime.MaxMessageSize;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Results nobody with the signing key wrote, told apart and set aside: never stored, sent to
 * analysis-results.dlq with where they came from. With no signing key, every result passes.
 */
final class UnsignedResults implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UnsignedResults.class);

    private final Optional<ResultSignature> signature;
    private final Optional<Producer<byte[], byte[]>> deadLetters;
    private final SinkMetrics metrics;

    private UnsignedResults(Optional<ResultSignature> signature, Optional<Producer<byte[], byte[]>> deadLetters, SinkMetrics metrics) {
        this.signature = signature;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    static UnsignedResults of(Optional<ResultSignature> signature, Map<String, Object> kafka, String clientId, SinkMetrics metrics) {
        return new UnsignedResults(signature, signature.map(key -> new KafkaProducer<>(KafkaClients.config(kafka, Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MaxMessageSize.BYTES)), new ByteArraySerializer(), new ByteArraySerializer())),
                metrics);
    }

    /** Whether the worker signed this record (always, when results are not signed). */
    boolean signed(ConsumerRecord<byte[], byte[]> record) {
        return signature.isEmpty() || signature.get().verify(record.key(), record.value(), record.headers());
    }

    /**
     * Sends the records to the dead-letter topic, before the offsets that pass them are committed,
     * but not awaited: a lost dead letter of a forgery costs nothing a client was promised.
     */
    void deadLetter(List<ConsumerRecord<byte[], byte[]>> unsigned) {
        metrics.unsigned(unsigned.size());
        ConsumerRecord<byte[], byte[]> first = unsigned.get(0);
        LOG.warn("{} record(s) of {} carry no valid signature of the worker (first: partition {}, offset {}): not stored, sent to {}",
                unsigned.size(), first.topic(), first.partition(), first.offset(), Topics.ANALYSIS_RESULTS_DLQ.name());
        for (ConsumerRecord<byte[], byte[]> record : unsigned) {
            ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(Topics.ANALYSIS_RESULTS_DLQ.name(), null,
                    record.key(), record.value(), record.headers());
            letter.headers().add(DeadLetterHeaders.REASON, "not signed by the worker".getBytes(StandardCharsets.UTF_8));
            letter.headers().add(DeadLetterHeaders.SOURCE_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
            letter.headers().add(DeadLetterHeaders.SOURCE_PARTITION,
                    Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
            letter.headers().add(DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
            deadLetters.orElseThrow().send(letter);
        }
    }

    @Override
    public void close() {
        deadLetters.ifPresent(producer -> producer.close(Duration.ofSeconds(5)));
    }
}
