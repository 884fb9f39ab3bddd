package io.statstream.launcher;

import io.statstream.api.ApiMain;
import io.statstream.embedded.EmbeddedKafka;
import io.statstream.embedded.FreePorts;
import io.statstream.embedded.RedisServerProcess;
import io.statstream.sink.ResultSinkMain;
import io.statstream.worker.service.WorkerMain;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.statstream.launcher.RedisOutageIT.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The docker-compose topology without Docker: the worker, the sink and the API each in a JVM of its
 * own, configured only by environment variables, against one broker and one Redis.
 */
class SeparateProcessesIT {
    @Test
    void threeServicesAsProcessesAnswerASubmission() throws Exception {
        Path redisBinary = Prerequisites.redisServer();
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             RedisServerProcess redis = RedisServerProcess.start(redisBinary);
             // Closed first: the services stop while Kafka and Redis are still there, as an operator would.
             ServiceProcesses services = new ServiceProcesses()) {
            int httpPort = FreePorts.any();
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "REDIS_URL", redis.url(),
                    "HTTP_PORT", Integer.toString(httpPort),
                    "TOPIC_PARTITIONS", "3",
                    "METRICS_PORT", "0",
                    "HTTP_HOST", "127.0.0.1");
            List<Process> processes = List.of(services.launch(WorkerMain.class, "separate-worker", env),
                    services.launch(ResultSinkMain.class, "separate-sink", env),
                    services.launch(ApiMain.class, "separate-api", env));

            ApiClient api = new ApiClient(URI.create("http://localhost:" + httpPort));
            awaitTrue(() -> healthy(api), "the API process reports Kafka and Redis up");
            ApiClient.Reply accepted = api.submit("{\"type\":\"ttest_one_sample\",\"data\":[1,2,3,4," + System.nanoTime() % 1000 + "]}");
            assertEquals(202, accepted.status(), accepted.response().body());
            ApiClient.Reply done = api.awaitResult(accepted.json().get("key").asText(), Duration.ofSeconds(60));
            assertEquals(200, done.status(), done.response().body());
            assertEquals("done", done.json().get("status").asText());

            services.close();
            for (Process process : processes) {
                assertFalse(process.isAlive(), "a service did not stop on SIGTERM");
            }
        }
    }

    static boolean healthy(ApiClient api) {
        try {
            return api.get("/health").status() == 200;
        } catch (RuntimeException e) {
            return false; // not listening yet
        }
    }
}
