package io.statstream.launcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statstream.model.topic.ResultSignature;
import io.statstream.api.ApiServer;
import io.statstream.api.ApiSettings;
import io.statstream.embedded.EmbeddedKafka;
import io.statstream.embedded.RedisServerProcess;
import io.statstream.runtime.EnvironmentSettings;
import io.statstream.runtime.Metrics;
import io.statstream.runtime.ServiceRunner;
import io.statstream.runtime.SharedSettings;
import io.statstream.runtime.StoreSettings;
import io.statstream.sink.ResultSink;
import io.statstream.store.ResultStore;
import io.statstream.store.ResultStores;
import io.statstream.sink.SinkSettings;
import io.statstream.worker.service.AnalysisWorker;
import io.statstream.worker.service.WorkerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole pipeline in one JVM: a Kafka broker (embedded unless KAFKA_BOOTSTRAP_SERVERS names
 * one), Redis (REDIS_URL, else a redis-server child process when one is installed, else the
 * in-process store), the worker, the sink and the API. Started in dependency order, closed in reverse.
 */
public final class LocalPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    /** One registry for the whole pipeline, served at the API's /metrics. */
    private final PrometheusMeterRegistry registry = Metrics.registry("statstream");
    private String bootstrapServers;
    private RedisServerProcess redis;
    private ResultStore store;
    private Optional<ResultSignature> resultSignature = Optional.empty();
    private ApiServer api;

    private LocalPipeline() {
    }

    /**
     * @param environment settings as environment variables (see the README); KAFKA_BOOTSTRAP_SERVERS
     *                    and REDIS_URL, when present, replace the embedded broker and Redis
     */
    public static LocalPipeline start(Map<String, String> environment) throws Exception {
        LocalPipeline pipeline = new LocalPipeline();
        try {
            pipeline.startAll(new HashMap<>(environment));
            return pipeline;
        } catch (Exception | Error e) {
            pipeline.close();
            throw e;
        }
    }

    private void startAll(Map<String, String> env) throws Exception {
        if (env.getOrDefault(SharedSettings.KAFKA_BOOTSTRAP_SERVERS, "").isBlank()) {
            EmbeddedKafka kafka = EmbeddedKafka.start();
            started.push(kafka);
            env.put(SharedSettings.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            env.putIfAbsent(SharedSettings.TOPIC_PARTITIONS, "3");
            LOG.info("Kafka broker (embedded, KRaft) on {}", kafka.bootstrapServers());
        }
        bootstrapServers = env.get(SharedSettings.KAFKA_BOOTSTRAP_SERVERS);
        // With no API keys the API is open, so the one-command mode serves this machine only.
        env.putIfAbsent(ApiSettings.HTTP_HOST, "127.0.0.1");
        if (env.getOrDefault(SharedSettings.REDIS_URL, "").isBlank()) {
            Optional<Path> binary = RedisServerProcess.findBinary();
            if (binary.isPresent()) {
                redis = RedisServerProcess.start(binary.get());
                started.push(redis);
                env.put(SharedSettings.REDIS_URL, redis.url());
                LOG.info("Redis ({}) on {}", binary.get(), redis.url());
            } else {
                LOG.warn("No redis-server found on the PATH: using the in-process result store");
            }
        }

        // Worker and sink share this process: a key made for this run signs and checks every result.
        env.putIfAbsent(SharedSettings.RESULT_SIGNING_KEY, HexFormat.of().formatHex(SecureRandom.getSeed(32)));
        WorkerSettings workerSettings = new WorkerSettings(EnvironmentSettings.read(WorkerSettings.DEFINITION, env));
        resultSignature = SharedSettings.resultSignature(workerSettings);
        ServiceRunner.ensureTopics(workerSettings);
        // One store for the three services, so the in-process fallback works in one JVM too.
        store = ResultStores.open(StoreSettings.of(workerSettings), registry);
        started.push(store);

        AnalysisWorker worker = AnalysisWorker.start(workerSettings, store, registry);
        started.push(worker);
        SinkSettings sinkSettings = new SinkSettings(EnvironmentSettings.read(SinkSettings.DEFINITION, env));
        started.push(ResultSink.start(sinkSettings, store, resultSignature, registry));
        api = ApiServer.start(new ApiSettings(EnvironmentSettings.read(ApiSettings.DEFINITION, env)), store, registry);
        started.push(api);
        worker.awaitRunning(START_TIMEOUT);
    }

    public URI apiUri() {
        return URI.create((api.tls() ? "https" : "http") + "://localhost:" + api.port());
    }

    /** The operations the API serves, as {@code "GET /v1/analyses/{key}"}. */
    public List<String> apiRoutes() {
        return api.routes();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The redis-server this pipeline started, if it started one. */
    public Optional<RedisServerProcess> redis() {
        return Optional.ofNullable(redis);
    }

    /** The key this pipeline's worker signs results with, for a sink a test starts beside it. */
    public Optional<ResultSignature> resultSignature() {
        return resultSignature;
    }

    public ResultStore store() {
        return store;
    }

    /** The worker's counters: computations, duplicates, dead letters. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("{} did not close cleanly: {}", component.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
