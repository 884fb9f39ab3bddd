package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline on a Redis Cluster of three masters with a replica each: results spread over
 * the slots, and when a master is killed its replica takes over and nothing accepted is lost.
 */
class RedisClusterIT {
    @Test
    void resultsSpreadOverTheClusterAndSurviveAMasterKilled() throws Exception {
        try (RedisClusterProcesses cluster = RedisClusterProcesses.start();
             LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0",
                     "REDIS_URL", "redis-cluster://127.0.0.1:" + cluster.seedPort()))) {
            ApiClient api = new ApiClient(pipeline.apiUri());
            long run = System.nanoTime();
            List<String> keys = new ArrayList<>(submit(api, run, 0, 300));
            awaitDone(api, keys);

            cluster.kill(cluster.anotherMaster()); // its replica is promoted after the 2 s node timeout
            for (int from = 300; from < 900; from += 100) {
                keys.addAll(submit(api, run, from, from + 100));
            }
            awaitDone(api, keys);

            String fresh = api.submit("{\"type\":\"descriptive\",\"data\":[" + run + ",-1,5]}").json().get("key").asText();
            assertEquals(200, api.get("/v1/analyses/" + fresh + "?wait=30s").status(), "a wait is answered, after the failover too");
        }
    }

    /** Submits [from, to) in one batch, sending again what was not taken (503, or items failed during the failover). */
    private static List<String> submit(ApiClient api, long run, int from, int to) throws InterruptedException {
        List<String> accepted = new ArrayList<>();
        List<Integer> toSend = IntStream.range(from, to).boxed().collect(Collectors.toList());
        for (int attempt = 0; !toSend.isEmpty(); attempt++) {
            assertTrue(attempt < 60, "still not taken after a minute: " + toSend.size());
            String body = toSend.stream().map(i -> "{\"type\":\"ttest_one_sample\",\"data\":[" + run + "," + i + ",2],\"mu\":1}")
                    .collect(Collectors.joining("\n"));
            ApiClient.Reply reply = api.post("/v1/analyses/batch", "application/x-ndjson", body);
            List<Integer> again = new ArrayList<>();
            if (reply.status() == 200) {
                JsonNode items = reply.json().get("items");
                for (int i = 0; i < items.size(); i++) {
                    String state = items.get(i).get("state").asText();
                    if (state.equals("pending") || state.equals("done")) {
                        accepted.add(items.get(i).get("key").asText());
                    } else {
                        again.add(toSend.get(i));
                    }
                }
            } else {
                assertEquals(503, reply.status(), reply.response().body());
                again = toSend;
            }
            toSend = again;
            if (!toSend.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
        return accepted;
    }

    private static void awaitDone(ApiClient api, List<String> keys) throws InterruptedException {
        String body = keys.stream().map(key -> '"' + key + '"').collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int done = 0;
        while (System.nanoTime() < deadline) {
            ApiClient.Reply reply = api.post("/v1/analyses/lookup", "application/json", body);
            done = reply.status() == 200 ? reply.json().get("summary").get("done").asInt() : 0;
            if (done == keys.size()) {
                return;
            }
            Thread.sleep(250);
        }
        assertEquals(keys.size(), done, "accepted keys answered done");
    }
}
