package io.statstream.launcher;

import io.statstream.embedded.RedisServerProcess;
import io.statstream.model.AnalysisType;
import io.statstream.model.key.CanonicalForm;
import io.statstream.store.ResultStore;
import io.statstream.worker.topology.WorkerMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redis goes away while results arrive; when it is back, every result reaches it. None is lost. */
class RedisOutageIT {
    private static final int RESULTS = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void resultsComputedWhileRedisIsDownAreStoredWhenItIsBack() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"));
             KafkaProbe kafka = new KafkaProbe(pipeline.bootstrapServers())) {
            RedisServerProcess redis = RedisRestartedEmptyIT.realRedis(pipeline);
            List<CanonicalForm> requests = Requests.distinct(RESULTS, System.nanoTime());

            redis.stop();
            kafka.produceRequests(requests);
            awaitTrue(() -> computed(pipeline) >= RESULTS, "the worker computes while Redis is down");
            assertEquals(RESULTS, computed(pipeline));

            redis.start();
            awaitTrue(() -> requests.stream().allMatch(r -> stored(pipeline.store(), r)), "every result reaches Redis");
        }
    }

    private static double computed(LocalPipeline pipeline) {
        return pipeline.registry().get(WorkerMetrics.COMPUTED).tag("type", AnalysisType.DESCRIPTIVE.wireName())
                .timer().count();
    }

    /** Whether the store holds the request's result; false while it does not answer. */
    static boolean stored(ResultStore store, CanonicalForm request) {
        try {
            return store.contains(request.key()).toCompletableFuture().get();
        } catch (Exception e) {
            return false;
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void awaitTrue(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.holds()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(50);
        }
    }
}
