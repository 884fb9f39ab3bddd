package io.statstream.launcher;

import io.statstream.api.ApiServer;
import io.statstream.api.ApiSettings;
import io.statstream.runtime.Metrics;
import io.statstream.store.InProcessResultStore;
import io.statstream.store.ResultStoreOptions;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
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
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String huge = "{\"type\":\"descriptive\",\"data\":[" + "1.5,".repeat(2 * MAX_BYTES / 4) + "1]}";
        try (InProcessResultStore store = new InProcessResultStore(ResultStoreOptions.DEFAULT);
             ApiServer server = ApiServer.start(new ApiSettings(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + deadPort,
                     "HTTP_PORT", "0", "HTTP_MAX_BODY_BYTES", Integer.toString(MAX_BYTES))), store, Metrics.registry("test"))) {
            ApiClient api = new ApiClient(URI.create("http://localhost:" + server.port()));

            ApiClient.Reply json = api.post("/v1/analyses/batch", "application/json", "{\"analyses\":[" + huge + "]}");
            assertEquals(413, json.status(), json.response().body());
            assertEquals("application/problem+json", json.header("Content-Type"));
            assertTrue(json.json().get("detail").asText().contains("longer than " + MAX_BYTES + " bytes"), json.response().body());

            ApiClient.Reply ndjson = api.post("/v1/analyses/batch", "application/x-ndjson", huge + "\n");
            assertEquals(413, ndjson.status(), ndjson.response().body());
        }
    }
}
