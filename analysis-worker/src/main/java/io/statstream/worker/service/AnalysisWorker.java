package io.statstream.worker.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.statstream.model.topic.Topics;
import io.statstream.runtime.MaxMessageSize;
import io.statstream.runtime.KafkaClients;
import io.statstream.runtime.SharedSettings;
import io.statstream.store.ResultStore;
import io.statstream.worker.engine.Engine;
import io.statstream.runtime.GroupMembership;
import io.statstream.model.topic.ResultSignature;
import io.statstream.worker.topology.AnalysisTopology;
import io.statstream.worker.topology.AnswerFailedRecords;
import io.statstream.worker.topology.WorkerMetrics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Kafka Streams application that runs {@link AnalysisTopology}. */
public final class AnalysisWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisWorker.class);
    private static final String PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED = "processing.exception.handler.global.enabled";

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private KafkaStreamsMetrics streamsMetrics;

    private AnalysisWorker(Topology topology, Properties config) {
        this.streams = new KafkaStreams(topology, config);
        streams.setStateListener((now, before) -> {
            LOG.info("Worker {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        // A bug in one record must not stop the worker: the record goes to the dead-letter topic
        // (see processingConfig); a thread that dies anyway is replaced.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public static AnalysisWorker start(WorkerSettings settings, ResultStore store, MeterRegistry registry) {
        Properties config = streamsConfig(settings);
        StreamsBuilder builder = new StreamsBuilder();
        Optional<ResultSignature> signature = SharedSettings.resultSignature(settings);
        config.put(AnswerFailedRecords.SIGNATURE_CONFIG, signature);
        AnalysisTopology topology = new AnalysisTopology(
                new RequestParser(new RequestLimits(settings.getInt(SharedSettings.MAX_VALUES_PER_REQUEST))),
                store, store.describe(), new Engine(Clock.systemUTC()), new WorkerMetrics(registry),
                Duration.ofSeconds(settings.getLong(WorkerSettings.IN_FLIGHT_RETENTION_SECONDS)), signature);
        topology.addTo(builder);
        topology.mainConsumerConfig().forEach((name, value) -> config.put(StreamsConfig.mainConsumerPrefix(name), value));
        AnalysisWorker worker = new AnalysisWorker(builder.build(config), config);
        worker.streamsMetrics = new KafkaStreamsMetrics(worker.streams); // consumer lag, task and thread meters
        worker.streamsMetrics.bindTo(registry);
        worker.streams.start();
        return worker;
    }

    static Properties streamsConfig(WorkerSettings settings) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.getString(WorkerSettings.WORKER_APPLICATION_ID));
        config.putAll(KafkaClients.config(settings)); // Streams hands these to each of its clients
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.getString(WorkerSettings.PROCESSING_GUARANTEE));
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.getInt(WorkerSettings.WORKER_THREADS));
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitIntervalMs());
        // Only the main consumer joins the group; Streams suffixes the instance id per stream thread.
        GroupMembership.consumerConfig(settings.getString(WorkerSettings.WORKER_INSTANCE_ID))
                .forEach((name, value) -> config.put(StreamsConfig.mainConsumerPrefix(name), value));
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, AnswerFailedRecords.class);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.ANALYSIS_REQUESTS_DLQ.name());
        // Kafka Streams lingers 100 ms per produce by default, for throughput; a result waited on
        // by a client should not wait for company at all (a 5 ms linger was 5 ms of every miss).
        // One request in flight batches by itself instead: a lone result leaves at once, and under
        // load results queue into large batches while the one before is acknowledged (without
        // it, linger 0 sent near one batch per result: 8k analyses/s against 9-10k, BENCHMARKS.md).
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 128 * 1024);
        // Results are JSON, each with its own digits: LZ4 batches are fewer bytes for the broker to
        // append, keep in the compacted log and serve to the sink, on the cores that compute them
        // (the requests already travel so; BENCHMARKS.md, sessions 14-15).
        config.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // Dead letters carry the original request, which may be as large as the topics allow.
        config.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MaxMessageSize.BYTES);
        // Only silences a start-up warning of Kafka 4.3 (this topology has no global stores); the
        // partition assignor reads the main consumer's copy and warns again without it.
        config.put(PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED, true);
        config.put(StreamsConfig.mainConsumerPrefix(PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED), true);
        return config;
    }

    /** Waits until the worker has joined its group and is processing. */
    public void awaitRunning(Duration timeout) throws InterruptedException, TimeoutException {
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("worker not running after " + timeout + "; state " + streams.state());
        }
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.close();
    }
}
