package io.statstream.worker.topology;

import io.statstream.model.request.RequestParser;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.model.topic.Topics;
import io.statstream.store.ResultStore;
import io.statstream.worker.engine.Engine;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Map;

/**
 * analysis-requests to analysis-results: read and verify each request (the rest goes to the
 * dead-letter topic), drop what is already stored or already being computed, compute, publish.
 */
public final class AnalysisTopology {
    public static final String IN_FLIGHT_STORE = "in-flight-keys";
    /** How long the worker waits for the store to say whether a key is stored. */
    static final Duration STORE_LOOKUP_TIMEOUT = Duration.ofMillis(500);

    private final RequestParser parser;
    private final StoredResults stored;
    private final Engine engine;
    private final WorkerMetrics metrics;
    private final Duration inFlightRetention;

    public AnalysisTopology(RequestParser parser, ResultStore store, Engine engine, WorkerMetrics metrics,
                            Duration inFlightRetention) {
        this.parser = parser;
        this.stored = new StoredResults(store, STORE_LOOKUP_TIMEOUT);
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
                LookUpPolledKeys.STORED_RESULTS_CONFIG, stored);
    }

    public void addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(IN_FLIGHT_STORE), Serdes.String(), Serdes.Long()));

        // Raw bytes in: a record that does not parse must reach the dead-letter topic with its
        // original bytes, not stop at a deserialization handler.
        KStream<byte[], byte[]> requests = builder.stream(Topics.ANALYSIS_REQUESTS.name(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("analysis-requests"));

        Map<String, KStream<byte[], InboundRequest>> read = requests
                .processValues(() -> new ReadRequest(parser), Named.as("read-request"))
                .split(Named.as("request-"))
                .branch((key, request) -> request instanceof InboundRequest.Rejected, Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));

        read.get("request-rejected")
                .mapValues(request -> ((InboundRequest.Rejected) request).original(), Named.as("original-bytes"))
                .peek((key, value) -> metrics.deadLettered(), Named.as("count-dead-letters"))
                .to(Topics.ANALYSIS_REQUESTS_DLQ.name(),
                        Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dead-letters"));

        KStream<byte[], ResultEnvelope> results = read.get("request-accepted")
                .mapValues(request -> (InboundRequest.Accepted) request, Named.as("accepted"))
                .processValues(() -> new DropDuplicates(stored, IN_FLIGHT_STORE, inFlightRetention, metrics),
                        Named.as("drop-duplicates"), IN_FLIGHT_STORE)
                .mapValues(this::compute, Named.as("compute"));

        // The key does not change (the same content key, now typed); nothing downstream is
        // stateful, so selectKey causes no repartition.
        results.selectKey((key, envelope) -> envelope.key(), Named.as("key-by-content-key"))
                .to(Topics.ANALYSIS_RESULTS.name(), Produced.with(Topics.ANALYSIS_RESULTS.keySerde(),
                        Topics.ANALYSIS_RESULTS.valueSerde()).withName("analysis-results"));
    }

    private ResultEnvelope compute(InboundRequest.Accepted request) {
        ResultEnvelope envelope = engine.run(request.key(), request.request());
        metrics.computed(request.request().type(), envelope.computeMicros());
        return envelope;
    }
}
