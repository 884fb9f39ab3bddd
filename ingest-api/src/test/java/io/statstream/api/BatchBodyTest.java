package io.statstream.api;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch streams in without a body limit, so each item is bounded instead (HTTP_MAX_BODY_BYTES,
 * the most a single request may be): an item over it is 413 whether the batch is NDJSON or JSON,
 * and is refused before anything is published (no broker is even reachable here).
 */
@ExtendWith(VertxExtension.class)
class BatchBodyTest {
    private static final int MAX_BYTES = 4096;

    @Test
    void anItemLongerThanARequestMayBeIsRefusedInEitherForm(Vertx vertx) throws Exception {
        String small = "{\"type\":\"descriptive\",\"data\":[1,2,3]}";
        String huge = "{\"type\":\"descriptive\",\"data\":[" + "1.5,".repeat(2 * MAX_BYTES / 4) + "1]}";
        try (ApiWithoutBroker api = ApiWithoutBroker.start(vertx, Map.of("HTTP_MAX_BODY_BYTES", Integer.toString(MAX_BYTES)))) {
            var json = api.post("/v1/analyses/batch", "application/json", "{\"analyses\":[" + small + "," + huge + "]}");
            assertEquals(413, json.statusCode(), json.bodyAsString());
            assertEquals("application/problem+json", json.getHeader("Content-Type"));
            assertTrue(json.bodyAsJsonObject().getString("detail").contains("longer than " + MAX_BYTES + " bytes"), json.bodyAsString());
            assertEquals("analyses[1] too_large", ApiWithoutBroker.firstViolation(json));

            var ndjson = api.post("/v1/analyses/batch", "application/x-ndjson", small + "\n" + huge + "\n");
            assertEquals(413, ndjson.statusCode(), ndjson.bodyAsString());
            assertEquals("items[1] too_large", ApiWithoutBroker.firstViolation(ndjson));
        }
    }

    @Test
    void aJsonBatchThatDoesNotParseIsA400NamingTheBody(Vertx vertx) throws Exception {
        try (ApiWithoutBroker api = ApiWithoutBroker.start(vertx, Map.of())) {
            var reply = api.post("/v1/analyses/batch", "application/json", "{\"analyses\":[{\"type\":");
            assertEquals(400, reply.statusCode(), reply.bodyAsString());
            assertEquals("application/problem+json", reply.getHeader("Content-Type"));
            assertEquals("$ malformed_json", ApiWithoutBroker.firstViolation(reply));
        }
    }

    @Test
    void aBatchOverItsDeclaredLengthIsRefusedBeforeItIsRead(Vertx vertx) throws Exception {
        try (ApiWithoutBroker api = ApiWithoutBroker.start(vertx, Map.of("BATCH_MAX_BODY_BYTES", "1024"))) {
            var reply = api.post("/v1/analyses/batch", "application/x-ndjson", "{\"type\":\"descriptive\",\"data\":[1,2,3]}\n".repeat(100));
            assertEquals(413, reply.statusCode(), reply.bodyAsString());
            assertEquals("$ too_large", ApiWithoutBroker.firstViolation(reply));
        }
    }
}
