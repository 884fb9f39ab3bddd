package io.statstream.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch streams in without a body limit, so each item is bounded instead (HTTP_MAX_BODY_BYTES,
 * the most a single request may be): an item over it is 413 whether the batch is NDJSON or JSON,
 * and is refused before anything is published (no broker is even reachable here).
 */
class BatchItemLimitIT {
    private static final int MAX_BYTES = 4096;

    @Test
    void anItemLongerThanARequestMayBeIsRefusedInEitherForm() throws Exception {
        String small = "{\"type\":\"descriptive\",\"data\":[1,2,3]}";
        String huge = "{\"type\":\"descriptive\",\"data\":[" + "1.5,".repeat(2 * MAX_BYTES / 4) + "1]}";
        try (ApiWithoutBroker broker = ApiWithoutBroker.start(Map.of("HTTP_MAX_BODY_BYTES", Integer.toString(MAX_BYTES)))) {
            ApiClient api = broker.api();

            ApiClient.Reply json = api.post("/v1/analyses/batch", "application/json", "{\"analyses\":[" + small + "," + huge + "]}");
            assertEquals(413, json.status(), json.response().body());
            assertEquals("application/problem+json", json.header("Content-Type"));
            assertTrue(json.json().get("detail").asText().contains("longer than " + MAX_BYTES + " bytes"), json.response().body());
            assertEquals("analyses[1]", json.json().get("errors").get(0).get("field").asText(), json.response().body());
            assertEquals("too_large", json.json().get("errors").get(0).get("code").asText());

            ApiClient.Reply ndjson = api.post("/v1/analyses/batch", "application/x-ndjson", small + "\n" + huge + "\n");
            assertEquals(413, ndjson.status(), ndjson.response().body());
            assertEquals("items[1]", ndjson.json().get("errors").get(0).get("field").asText(), ndjson.response().body());
        }
    }

    @Test
    void aJsonBatchThatDoesNotParseIsA400NamingTheBody() throws Exception {
        try (ApiWithoutBroker broker = ApiWithoutBroker.start(Map.of())) {
            ApiClient.Reply reply = broker.api().post("/v1/analyses/batch", "application/json", "{\"analyses\":[{\"type\":");
            assertEquals(400, reply.status(), reply.response().body());
            assertEquals("application/problem+json", reply.header("Content-Type"));
            assertEquals("$", reply.json().get("errors").get(0).get("field").asText(), reply.response().body());
            assertEquals("malformed_json", reply.json().get("errors").get(0).get("code").asText());
        }
    }
}
