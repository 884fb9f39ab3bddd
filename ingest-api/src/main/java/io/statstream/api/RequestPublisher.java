package io.statstream.api;

import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.model.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Publishes canonical requests to analysis-requests and completes only when the broker has
 * acknowledged them (acks=all, idempotent), so "accepted" means durable. {@code send} can block
 * on metadata or a full buffer, so it runs on a thread of its own, never on an event loop.
 */
final class RequestPublisher implements AutoCloseable {
    /** How long a publish may take before the client is told 503: the whole send, retries included. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<ContentKey, byte[]> producer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "request-publisher");
        thread.setDaemon(true);
        return thread;
    });

    RequestPublisher(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) DELIVERY_TIMEOUT.dividedBy(2).toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.dividedBy(2).toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis(),
                ProducerConfig.CLIENT_ID_CONFIG, "statstream-ingest-api");
        this.producer = new KafkaProducer<>(config, Topics.ANALYSIS_REQUESTS.keySerde().serializer(),
                Topics.ANALYSIS_REQUESTS.valueSerde().serializer());
    }

    /** Completes when the broker acknowledged the request; exceptionally when it did not. */
    CompletionStage<Void> publish(CanonicalForm form) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        ProducerRecord<ContentKey, byte[]> record =
                new ProducerRecord<>(Topics.ANALYSIS_REQUESTS.name(), form.key(), form.jsonBytes());
        sender.execute(() -> {
            try {
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        acknowledged.complete(null);
                    } else {
                        acknowledged.completeExceptionally(error);
                    }
                });
            } catch (RuntimeException e) {
                acknowledged.completeExceptionally(e); // metadata unavailable within max.block.ms, or closed
            }
        });
        return acknowledged;
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(DELIVERY_TIMEOUT);
    }
}
