package io.statstream.launcher;

import io.statstream.api.ApiServer;
import io.statstream.api.ApiSettings;
import io.statstream.api.access.ApiKeys;
import io.statstream.embedded.EmbeddedKafka;
import io.statstream.embedded.RedisServerProcess;
import io.statstream.model.key.ContentKey;
import io.statstream.runtime.Metrics;
import io.statstream.runtime.ServiceRunner;
import io.statstream.store.ResultStore;
import io.statstream.store.ResultStoreOptions;
import io.statstream.store.ResultStores;
import io.statstream.worker.service.WorkerSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client may have only so many accepted analyses unfinished: beyond, 429 until results arrive.
 * No worker runs here, so nothing finishes until the test stores a result itself.
 */
class UnfinishedWorkIT {
    private static final String KEY = "k-unfinished-0e9a";

    @Test
    void aClientAtItsCapOfUnfinishedWorkWaitsUntilSomeIsDone() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             RedisServerProcess redis = RedisServerProcess.start(Prerequisites.redisServer());
             ResultStore store = ResultStores.open(redis.url(), ResultStoreOptions.DEFAULT, Metrics.registry("test"))) {
            Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "REDIS_URL", redis.url(),
                    "HTTP_PORT", "0", "HTTP_HOST", "127.0.0.1", "TOPIC_PARTITIONS", "1",
                    "API_KEYS", ApiKeys.sha256Hex(KEY) + " patient submit", "MAX_UNFINISHED_PER_CLIENT", "3");
            ServiceRunner.ensureTopics(new WorkerSettings(env));
            try (ApiServer server = ApiServer.start(new ApiSettings(env), store, Metrics.registry("api"))) {
                ApiClient api = new ApiClient(URI.create("http://localhost:" + server.port())).withKey(KEY);
                long run = System.nanoTime();
                String first = null;
                for (int i = 0; i < 3; i++) {
                    ApiClient.Reply accepted = api.submit(request(run, i));
                    assertEquals(202, accepted.status(), accepted.response().body());
                    first = first == null ? accepted.json().get("key").asText() : first;
                }
                ApiClient.Reply refused = api.submit(request(run, 3));
                assertEquals(429, refused.status(), refused.response().body());
                assertTrue(refused.json().get("detail").asText().contains("3 accepted analyses not finished yet"),
                        refused.response().body());
                ApiClient.Reply batch = api.post("/v1/analyses/batch", "application/x-ndjson", request(run, 4) + "\n" + request(run, 5));
                assertEquals(429, batch.status(), "nothing in the batch was taken: " + batch.response().body());

                store.put(ContentKey.parse(first).orElseThrow(), "{\"status\":\"done\"}".getBytes(StandardCharsets.UTF_8))
                        .toCompletableFuture().get();
                assertEquals(202, api.submit(request(run, 3)).status(), "a finished analysis makes room");
            }
        }
    }

    private static String request(long run, int i) {
        return "{\"type\":\"descriptive\",\"data\":[" + run + "," + i + ",9]}";
    }
}
