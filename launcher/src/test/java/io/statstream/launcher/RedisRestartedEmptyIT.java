package io.statstream.launcher;

import io.statstream.embedded.RedisServerProcess;
import io.statstream.model.key.CanonicalForm;
import io.statstream.store.ResultStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis is a cache of analysis-results: when it comes back empty, the sink notices its marks are
 * gone and refills it from the topic by itself, while results keep arriving. No operator acts.
 */
class RedisRestartedEmptyIT {
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @Test
    void everyResultIsServedAgainSoonAfterRedisRestartsEmpty() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"));
             KafkaProbe kafka = new KafkaProbe(pipeline.bootstrapServers())) {
            RedisServerProcess redis = realRedis(pipeline);
            List<CanonicalForm> before = Requests.distinct(200, System.nanoTime());
            kafka.produceRequests(before);
            awaitStored(pipeline.store(), before, Duration.ofSeconds(60), "every result is stored");

            redis.stop();
            redis.start(); // without persistence: every result and mark is gone
            List<CanonicalForm> after = Requests.distinct(200, System.nanoTime());
            kafka.produceRequests(after);

            awaitStored(pipeline.store(), before, RECOVERY, "the results stored before the restart are back");
            awaitStored(pipeline.store(), after, RECOVERY, "the results computed after the restart are stored");
            assertTrue(pipeline.registry().get("statstream.sink.refills").counter().count() >= 1, "the sink refilled");
        }
    }

    static RedisServerProcess realRedis(LocalPipeline pipeline) {
        Prerequisites.redisServer(); // the pipeline runs it when it is on the PATH
        return pipeline.redis().orElseThrow();
    }

    private static void awaitStored(ResultStore store, List<CanonicalForm> requests, Duration timeout, String what)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allStored(store, requests)) {
            assertTrue(System.nanoTime() < deadline, "timed out after " + timeout + " waiting until " + what);
            Thread.sleep(50);
        }
    }

    private static boolean allStored(ResultStore store, List<CanonicalForm> requests) {
        try {
            return store.containsAll(requests.stream().map(CanonicalForm::key).toList()).toCompletableFuture().get()
                    .stream().allMatch(Boolean::booleanValue);
        } catch (Exception e) {
            return false; // Redis is still coming back
        }
    }
}
