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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without a broker to acknowledge, a submission is refused with 503 and Retry-After, never a
 * false 202, and every item of a batch is "failed" (send again), none "pending".
 */
class KafkaUnreachableIT {
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

            ApiClient.Reply batch = api.post("/v1/analyses/batch", "application/x-ndjson",
                    "{\"type\":\"descriptive\",\"data\":[4,5,6]}\n{\"type\":\"descriptive\",\"data\":[7,8,9]}\n");
            assertEquals(200, batch.status(), batch.response().body());
            assertEquals(2, batch.json().get("summary").get("failed").asInt(), batch.response().body());
            for (var item : batch.json().get("items")) {
                assertEquals("failed", item.get("state").asText());
                assertTrue(item.get("error").asText().contains("not acknowledged"), item.toString());
            }
        }
    }
}
