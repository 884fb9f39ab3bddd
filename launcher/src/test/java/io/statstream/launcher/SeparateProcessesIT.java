package io.statstream.launcher;

import io.statstream.api.ApiMain;
import io.statstream.embedded.EmbeddedKafka;
import io.statstream.embedded.RedisServerProcess;
import io.statstream.store.ResultSinkMain;
import io.statstream.worker.service.WorkerMain;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.statstream.launcher.RedisOutageIT.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The docker-compose topology without Docker: the worker, the sink and the API each in a JVM of its
 * own, configured only by environment variables, against one broker and one Redis.
 */
class SeparateProcessesIT {
    private static final Path LOGS = Path.of("target", "it-logs");

    @Test
    void threeServicesAsProcessesAnswerASubmission() throws Exception {
        Path redisBinary = RedisServerProcess.findBinary().orElse(null);
        assumeTrue(redisBinary != null, "needs a redis-server on the PATH");
        Files.createDirectories(LOGS);
        List<Process> services = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             RedisServerProcess redis = RedisServerProcess.start(redisBinary)) {
            try {
                int httpPort = freePort();
                Map<String, String> env = Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "REDIS_URL", redis.url(),
                        "HTTP_PORT", Integer.toString(httpPort),
                        "TOPIC_PARTITIONS", "3",
                        "METRICS_PORT", "0");
                services.add(launch(WorkerMain.class, env));
                services.add(launch(ResultSinkMain.class, env));
                services.add(launch(ApiMain.class, env));

                ApiClient api = new ApiClient(URI.create("http://localhost:" + httpPort));
                awaitTrue(() -> healthy(api), "the API process reports Kafka and Redis up");
                ApiClient.Reply accepted = api.submit("{\"type\":\"ttest_one_sample\",\"data\":[1,2,3,4," + System.nanoTime() % 1000 + "]}");
                assertEquals(202, accepted.status(), accepted.response().body());
                ApiClient.Reply done = api.awaitResult(accepted.json().get("key").asText(), Duration.ofSeconds(60));
                assertEquals(200, done.status(), done.response().body());
                assertEquals("done", done.json().get("status").asText());
            } finally {
                // Stop the services while Kafka and Redis are still there, as an operator would.
                for (Process service : services) {
                    service.destroy(); // SIGTERM: each service closes itself through its shutdown hook
                }
                for (Process service : services) {
                    assertTrue(service.waitFor(30, TimeUnit.SECONDS), "a service did not stop on SIGTERM");
                }
            }
        }
    }

    private static boolean healthy(ApiClient api) {
        try {
            return api.get("/health").status() == 200;
        } catch (RuntimeException e) {
            return false; // not listening yet
        }
    }

    private static Process launch(Class<?> main, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                main.getName())
                .redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(main.getSimpleName() + ".log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
