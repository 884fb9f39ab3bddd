package io.statstream.launcher;

import io.statstream.embedded.EmbeddedKafka;
import io.statstream.embedded.RedisServerProcess;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.topic.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A rollout gone wrong and put right: a worker stricter than the API dead-letters an accepted
 * request (its client gets a failed result); once the worker is fixed, the operator replays the
 * dead letters and the key answers done.
 */
class DeadLetterReplayIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aDeadLetterReplayedAfterTheFixIsComputed() throws Exception {
        Path binary = Prerequisites.redisServer();
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             RedisServerProcess redis = RedisServerProcess.start(binary);
             KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers())) {
            Map<String, String> shared = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "REDIS_URL", redis.url(),
                    "HTTP_PORT", "0", "TOPIC_PARTITIONS", "3", "NEAR_CACHE_ENTRIES", "0");
            CanonicalForm request = Requests.canonical("{\"type\":\"descriptive\",\"data\":[" + System.nanoTime() + ",1,2,3,4]}");

            try (LocalPipeline strict = LocalPipeline.start(with(shared, "MAX_VALUES_PER_REQUEST", "3"))) {
                // As published by an API that still allowed more values than this worker.
                probe.produce(Topics.ANALYSIS_REQUESTS.name(), request.key().hex().getBytes(StandardCharsets.US_ASCII),
                        request.jsonBytes());
                ApiClient.Reply failed = new ApiClient(strict.apiUri()).awaitResult(request.key().hex(), TIMEOUT);
                assertEquals("failed", failed.json().get("status").asText(), failed.response().body());
            }

            try (LocalPipeline fixed = LocalPipeline.start(shared)) {
                ApiClient api = new ApiClient(fixed.apiUri());
                ApiClient.Reply replay = api.post("/v1/dead-letters/replay", "application/json", "");
                assertEquals(200, replay.status(), replay.response().body());
                assertEquals(1, replay.json().get("replayed").asInt(), replay.response().body());
                awaitDone(api, request);
                ApiClient.Reply again = api.post("/v1/dead-letters/replay", "application/json", "");
                assertEquals(0, again.json().get("read").asInt(), "each dead letter is replayed once: " + again.response().body());
            }
        }
    }

    private static void awaitDone(ApiClient api, CanonicalForm request) throws Exception {
        RedisOutageIT.awaitTrue(() -> {
            ApiClient.Reply reply = api.get("/v1/analyses/" + request.key().hex());
            return reply.status() == 200 && reply.json().get("status").asText().equals("done");
        }, "the replayed request is computed");
    }

    private static Map<String, String> with(Map<String, String> settings, String name, String value) {
        Map<String, String> changed = new java.util.HashMap<>(settings);
        changed.put(name, value);
        return changed;
    }
}
