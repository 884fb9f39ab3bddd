package io.statstream.launcher;

import org.junit.jupiter.api.Test;

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
        try (ApiWithoutBroker broker = ApiWithoutBroker.start(Map.of())) {
            ApiClient api = broker.api();
            ApiClient.Reply reply = api.submit("{\"type\":\"descriptive\",\"data\":[1,2,3]}");
            assertEquals(503, reply.status(), reply.response().body());
            assertEquals("1", reply.header("Retry-After"));
            assertTrue(reply.json().get("type").asText().endsWith("/broker-unavailable"));
            String detail = reply.json().get("detail").asText();
            assertTrue(detail.matches("not acknowledged by the broker: send it again \\(incident [0-9a-z]+\\)"),
                    "names the problem and the log line, not the client library's text: " + detail);
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
