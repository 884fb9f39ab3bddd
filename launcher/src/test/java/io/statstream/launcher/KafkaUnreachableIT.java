package io.statstream.launcher;

import io.statstream.runtime.Metrics;
import io.statstream.api.ApiServer;
import io.statstream.api.ApiSettings;
import io.statstream.store.InProcessResultStore;
import io.statstream.store.ResultStoreOptions;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without a broker to acknowledge, a submission is refused with 503 and Retry-After, never a
 * false 202, and every item of a batch is "failed" (send again), none "pending".
 */
class KafkaUnreachableIT {
    private static final int ITEMS = 10;

    @Test
    void aSubmissionThatNoBrokerAcknowledgedIsRefused() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort(); // closed again: nothing listens there
        }
        try (InProcessResultStore store = new InProcessResultStore(ResultStoreOptions.DEFAULT);
             ApiServer server = ApiServer.start(new ApiSettings(Map.of(
                     "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + deadPort, "HTTP_PORT", "0")), store, Metrics.registry("test"))) {
            ApiClient api = new ApiClient(java.net.URI.create("http://localhost:" + server.port()));
            ApiClient.Reply reply = api.submit("{\"type\":\"descriptive\",\"data\":[1,2,3]}");
            assertEquals(503, reply.status(), reply.response().body());
            assertEquals("1", reply.header("Retry-After"));
            assertTrue(reply.json().get("type").asText().endsWith("/broker-unavailable"));
            assertEquals(503, api.get("/health").status());

            // More items than the 20 s safety net allows at max.block.ms (5 s) each: the first
            // refusal must refuse the rest at once, with the producer's own reason.
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < ITEMS; i++) {
                ndjson.append("{\"type\":\"descriptive\",\"data\":[4,5,").append(i).append("]}\n");
            }
            ApiClient.Reply batch = api.post("/v1/analyses/batch", "application/x-ndjson", ndjson.toString());
            assertEquals(200, batch.status(), batch.response().body());
            assertEquals(ITEMS, batch.json().get("summary").get("failed").asInt(), batch.response().body());
            for (var item : batch.json().get("items")) {
                assertEquals("failed", item.get("state").asText());
                assertTrue(item.get("error").asText().contains("not acknowledged"), item.toString());
                assertFalse(item.get("error").asText().contains("no answer from the broker within"), item.toString());
            }
        }
    }
}
