package io.statstream.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.model.topic.Topics;
import io.statstream.runtime.KafkaClients;
import io.statstream.runtime.MaxMessageSize;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Publishes canonical requests to analysis-requests and completes only when the broker has
 * acknowledged them (acks=all, idempotent), so "accepted" means durable. {@code send} can block
 * on metadata or a full buffer, so it runs on a thread of its own, never on an event loop.
 * Long because "acknowledged or told why not, in time" has several ways to fail, each answered here.
 */
final class RequestPublisher implements AutoCloseable {
    /** A broker whose metadata does not come within this long is unreachable: the client is told 503. */
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] REFRESH_TRUE = "true".getBytes(StandardCharsets.US_ASCII);

    private final Producer<ContentKey, byte[]> producer;
    private final Duration deliveryTimeout;
    private final KafkaClientMetrics producerMetrics;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "request-publisher");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param deliveryTimeout how long a publish may take before its client is told it was not
     *     taken: the whole send, retries included. It must outlast a broker's failover (fencing
     *     the dead broker, a new leader, the in-sync set shrunk), during which every write waits.
     */
    RequestPublisher(Map<String, Object> kafka, Duration deliveryTimeout, MeterRegistry registry) {
        this.deliveryTimeout = deliveryTimeout;
        Map<String, Object> config = KafkaClients.config(kafka, Map.ofEntries(
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                // A single submission leaves at once (a 5 ms linger was 5 ms of every miss); a bulk one
                // fills 128 KiB batches while the request before it is acknowledged.
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 0),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) METADATA_TIMEOUT.toMillis()),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.dividedBy(3).toMillis()),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis()),
                // A request of a million numbers is ~20 MB of canonical JSON; the topics accept as much.
                Map.entry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MaxMessageSize.BYTES),
                Map.entry(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * MaxMessageSize.BYTES),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "statstream-ingest-api")));
        this.producer = new KafkaProducer<>(config, Topics.ANALYSIS_REQUESTS.keySerde().serializer(),
                Topics.ANALYSIS_REQUESTS.valueSerde().serializer());
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
    }

    /** Completes when the broker acknowledged the request; exceptionally when it did not. */
    CompletionStage<Void> publish(CanonicalForm form, String client) {
        return publishAll(List.of(form), false, client).thenCompose(answers -> answers.get(0)
                .<CompletionStage<Void>>map(CompletableFuture::failedFuture)
                .orElse(CompletableFuture.completedFuture(null)));
    }

    /**
     * Publishes many requests from one task, so the producer can batch and compress them, and
     * completes once the broker answered for all of them: for each request, in the same order,
     * empty when it was acknowledged, or why it was not. One stage for them all, not one each:
     * a chunk of a batch costs one hand-over to the caller's thread and one timer.
     *
     * @param client the name of the client they are published for, which the worker counts them under
     */
    CompletionStage<List<Optional<Throwable>>> publishAll(List<CanonicalForm> forms, boolean refresh, String client) {
        Answers answers = new Answers(forms.size());
        byte[] clientName = client.getBytes(StandardCharsets.UTF_8);
        sender.execute(() -> {
            for (int i = 0; i < forms.size(); i++) {
                int index = i;
                CanonicalForm form = forms.get(i);
                ProducerRecord<ContentKey, byte[]> record =
                        new ProducerRecord<>(Topics.ANALYSIS_REQUESTS.name(), form.key(), form.jsonBytes());
                record.headers().add(Topics.CLIENT_HEADER, clientName);
                if (refresh) {
                    record.headers().add(Topics.REFRESH_HEADER, REFRESH_TRUE);
                }
                Optional<Throwable> refused;
                try {
                    // Done on return only if refused before leaving this thread: no metadata within
                    // max.block.ms, a full buffer (both reported through the callback too).
                    refused = refusedAtOnce(producer.send(record, (metadata, error) -> answers.answer(index, error)));
                } catch (RuntimeException e) {
                    refused = Optional.of(e); // closed, or the record cannot be serialized
                }
                if (refused.isPresent()) {
                    // The rest would each wait as long, holding this thread for every later publish.
                    for (int rest = index; rest < forms.size(); rest++) {
                        answers.answer(rest, refused.get());
                    }
                    return;
                }
            }
        });
        // The producer's own delivery timeout covers a record once it is sent; this one also covers
        // the wait for this thread when send blocks on metadata or a full buffer.
        Duration waited = deliveryTimeout.multipliedBy(2);
        return answers.all.completeOnTimeout(null, waited.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(done -> answers.snapshot(waited));
    }

    /** Why a send was refused before it left, if it was: an acknowledgement cannot be back yet. */
    private static Optional<Throwable> refusedAtOnce(Future<RecordMetadata> sent) {
        if (!sent.isDone()) {
            return Optional.empty();
        }
        try {
            sent.get();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(e);
        }
    }

    /** The broker's answers as they arrive; a request still unanswered when asked is taken as timed out. */
    private static final class Answers {
        private static final Optional<Throwable> ACKNOWLEDGED = Optional.empty();
        private final AtomicReferenceArray<Optional<Throwable>> answers;
        private final AtomicInteger unanswered;
        private final CompletableFuture<Void> all = new CompletableFuture<>();

        Answers(int requests) {
            answers = new AtomicReferenceArray<>(requests);
            unanswered = new AtomicInteger(requests);
            if (requests == 0) {
                all.complete(null);
            }
        }

        void answer(int index, Throwable error) {
            if (answers.compareAndSet(index, null, error == null ? ACKNOWLEDGED : Optional.of(error))
                    && unanswered.decrementAndGet() == 0) {
                all.complete(null);
            }
        }

        List<Optional<Throwable>> snapshot(Duration waited) {
            List<Optional<Throwable>> list = new ArrayList<>(answers.length());
            for (int i = 0; i < answers.length(); i++) {
                Optional<Throwable> answer = answers.get(i);
                list.add(answer != null ? answer
                        : Optional.of(new TimeoutException("no answer from the broker within " + waited)));
            }
            return list;
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(deliveryTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producerMetrics.close();
        producer.close(deliveryTimeout);
    }
}
