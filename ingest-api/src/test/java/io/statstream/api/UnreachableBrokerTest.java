package io.statstream.api;

import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without a broker to acknowledge, a submission is refused with 503 and Retry-After, never a
 * false 202, leaves no pending mark, and every item of a batch is "failed" (send again), none "pending".
 */
@ExtendWith(VertxExtension.class)
class UnreachableBrokerTest {
    private static final int ITEMS = 10;

    @Test
    void aSubmissionThatNoBrokerAcknowledgedIsRefused(Vertx vertx) throws Exception {
        try (ApiWithoutBroker api = ApiWithoutBroker.start(vertx, Map.of())) {
            String request = "{\"type\":\"descriptive\",\"data\":[1,2,3]}";
            var reply = api.post("/v1/analyses", "application/json", request);
            assertEquals(503, reply.statusCode(), reply.bodyAsString());
            assertEquals("1", reply.getHeader("Retry-After"));
            assertTrue(reply.bodyAsJsonObject().getString("type").endsWith("/broker-unavailable"));
            String detail = reply.bodyAsJsonObject().getString("detail");
            assertTrue(detail.matches("not acknowledged by the broker: send it again \\(incident [0-9a-z]+\\)"),
                    "names the problem and the log line, not the client library's text: " + detail);
            // The key was marked pending while the broker was asked; the refusal withdrew the mark.
            ParsedRequest parsed = new RequestParser(RequestLimits.DEFAULT).parse(request.getBytes(StandardCharsets.UTF_8));
            String key = CanonicalForm.of(((ParsedRequest.Valid) parsed).request()).key().hex();
            assertEquals(404, api.get("/v1/analyses/" + key).statusCode(), "a refused request is not pending");
            assertEquals(503, api.get("/health").statusCode());

            // More items than the 20 s safety net allows at max.block.ms (5 s) each: the first
            // refusal must refuse the rest at once, with the producer's own reason.
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < ITEMS; i++) {
                ndjson.append("{\"type\":\"descriptive\",\"data\":[4,5,").append(i).append("]}\n");
            }
            var batch = api.post("/v1/analyses/batch", "application/x-ndjson", ndjson.toString());
            assertEquals(200, batch.statusCode(), batch.bodyAsString());
            assertEquals(ITEMS, batch.bodyAsJsonObject().getJsonObject("summary").getInteger("failed"), batch.bodyAsString());
            for (Object item : batch.bodyAsJsonObject().getJsonArray("items")) {
                JsonObject answer = (JsonObject) item;
                assertEquals("failed", answer.getString("state"));
                assertTrue(answer.getString("error").contains("not acknowledged"), answer.encode());
                assertFalse(answer.getString("error").contains("no answer from the broker within"), answer.encode());
            }
        }
    }
}
