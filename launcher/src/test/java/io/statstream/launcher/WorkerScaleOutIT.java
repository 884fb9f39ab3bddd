package io.statstream.launcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statstream.model.AnalysisType;
import io.statstream.model.key.CanonicalForm;
import io.statstream.runtime.EnvironmentSettings;
import io.statstream.runtime.SharedSettings;
import io.statstream.store.ResultStore;
import io.statstream.store.ResultStoreOptions;
import io.statstream.store.ResultStores;
import io.statstream.worker.service.AnalysisWorker;
import io.statstream.worker.service.WorkerSettings;
import io.statstream.worker.topology.WorkerMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.statstream.launcher.RedisOutageIT.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two workers with one application id share the partitions: each computes a part, together all,
 * once. They run exactly_once_v2, the guarantee that is not the default, so that it stays tested
 * end to end (transactions, and the sink reading only committed results).
 */
class WorkerScaleOutIT {
    private static final int REQUESTS = 60;
    private static final String GUARANTEE = "exactly_once_v2";

    @Test
    void twoWorkersShareThePartitions() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0",
                WorkerSettings.PROCESSING_GUARANTEE, GUARANTEE));
             KafkaProbe kafka = new KafkaProbe(pipeline.bootstrapServers())) {
            String redisUrl = pipeline.redis().map(r -> r.url()).orElse("");
            MeterRegistry secondRegistry = new SimpleMeterRegistry();
            WorkerSettings settings = new WorkerSettings(EnvironmentSettings.read(WorkerSettings.DEFINITION, Map.of(
                    SharedSettings.KAFKA_BOOTSTRAP_SERVERS, pipeline.bootstrapServers(),
                    WorkerSettings.PROCESSING_GUARANTEE, GUARANTEE)));
            try (ResultStore store = ResultStores.open(redisUrl, ResultStoreOptions.DEFAULT, secondRegistry);
                 AnalysisWorker second = AnalysisWorker.start(settings, store, secondRegistry)) {
                second.awaitRunning(Duration.ofSeconds(60));

                List<CanonicalForm> requests = Requests.distinct(REQUESTS, System.nanoTime());
                kafka.produceRequests(requests);
                awaitTrue(() -> computed(pipeline.registry()) + computed(secondRegistry) >= REQUESTS, "all are computed");

                double first = computed(pipeline.registry());
                double other = computed(secondRegistry);
                assertTrue(first > 0 && other > 0, "both workers computed: " + first + " and " + other);
                assertEquals(REQUESTS, first + other);
            }
        }
    }

    private static double computed(MeterRegistry registry) {
        return registry.get(WorkerMetrics.COMPUTED).tag("type", AnalysisType.DESCRIPTIVE.wireName()).timer().count();
    }
}
