package io.statstream.worker.topology;

import io.statstream.model.request.RequestParser;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.model.topic.ResultSignature;
import io.statstream.model.topic.Topics;
import io.statstream.store.Results;
import io.statstream.worker.engine.Engine;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * analysis-requests to analysis-results: read and verify each request (the rest goes to the
 * dead-letter topic, and is answered with a failed result when it came under a content key), drop
 * what is already stored or already being computed, compute, publish.
 */
public final class AnalysisTopology {
    /** How long the worker waits for the store to say whether a key is stored. */
    static final Duration STORE_LOOKUP_TIMEOUT = Duration.ofMillis(500);

    private final RequestParser parser;
    private final StoredKeyLookup stored;
    private final Engine engine;
    private final WorkerMetrics metrics;
    private final Duration inFlightRetention;
    private final Optional<ResultSignature> signature;

    public AnalysisTopology(RequestParser parser, Results results, String storeName, Engine engine, WorkerMetrics metrics,
                            Duration inFlightRetention, Optional<ResultSignature> signature) {
        this.signature = signature;
        this.parser = parser;
        this.stored = new StoredKeyLookup(results, storeName, STORE_LOOKUP_TIMEOUT);
        this.engine = engine;
        this.metrics = metrics;
        this.inFlightRetention = inFlightRetention;
    }

    /**
     * Settings for the worker's main consumer that let this topology ask the store about each
     * poll's keys together (see {@link LookUpPolledKeys}); without them it asks key by key.
     */
    public Map<String, Object> mainConsumerConfig() {
        return Map.of(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, LookUpPolledKeys.class.getName(),
                LookUpPolledKeys.LOOKUP_CONFIG, stored);
    }

    public void addTo(StreamsBuilder builder) {
        // Raw bytes in: a record that does not parse must reach the dead-letter topic with its
        // original bytes, not stop at a deserialization handler.
        KStream<byte[], byte[]> requests = builder.stream(Topics.ANALYSIS_REQUESTS.name(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("analysis-requests"));

        Map<String, KStream<byte[], InboundRequest>> read = requests
                .processValues(() -> new ReadRequest(parser), Named.as("read-request"))
                .split(Named.as("request-"))
                .branch((key, request) -> request instanceof InboundRequest.Rejected, Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));

        KStream<byte[], InboundRequest.Rejected> rejected = read.get("request-rejected")
                .mapValues(request -> (InboundRequest.Rejected) request, Named.as("rejected"));
        rejected.mapValues(InboundRequest.Rejected::original, Named.as("original-bytes"))
                .peek((key, value) -> metrics.deadLettered(), Named.as("count-dead-letters"))
                .to(Topics.ANALYSIS_REQUESTS_DLQ.name(),
                        Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dead-letters"));
        // A client may hold the key of a record the worker cannot read: it gets a failed result,
        // not a wait for ever.
        KStream<byte[], ResultEnvelope> unreadable = rejected
                .filter((key, request) -> request.key().isPresent(), Named.as("under-a-content-key"))
                .mapValues(request -> engine.refuse(request.key().get(), ResultEnvelope.peekType(request.original()),
                        "the worker could not read this request: " + request.reason()), Named.as("answer-unreadable"));

        KStream<byte[], ResultEnvelope> computed = read.get("request-accepted")
                .mapValues(request -> (InboundRequest.Accepted) request, Named.as("accepted"))
                .processValues(() -> new DropDuplicates(stored, inFlightRetention, metrics), Named.as("drop-duplicates"))
                .mapValues(this::compute, Named.as("compute"));
        KStream<byte[], ResultEnvelope> results = computed.merge(unreadable, Named.as("every-answer"));

        // The key does not change (the same content key, now typed); nothing downstream is
        // stateful, so selectKey causes no repartition.
        results.selectKey((key, envelope) -> envelope.key(), Named.as("key-by-content-key"))
                .processValues(() -> new SerializeResults(signature), Named.as("serialize-and-sign"))
                .to(Topics.ANALYSIS_RESULTS.name(), Produced.with(Topics.ANALYSIS_RESULTS.keySerde(), Serdes.ByteArray())
                        .withName("analysis-results"));
    }

    private ResultEnvelope compute(InboundRequest.Accepted request) {
        ResultEnvelope envelope = engine.run(request.key(), request.request());
        metrics.computed(request.request().type(), envelope.computeMicros(), request.client());
        return envelope;
    }
}
