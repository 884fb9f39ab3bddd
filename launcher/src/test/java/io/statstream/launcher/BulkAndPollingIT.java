package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.api.ApiServer;
import io.statstream.api.ApiSettings;
import io.statstream.model.AnalysisType;
import io.statstream.model.EngineVersion;
import io.statstream.model.json.Json;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.runtime.Metrics;
import io.statstream.store.CountingResultStore;
import io.statstream.worker.topology.WorkerMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk submission, lookup of many keys, and waiting for a result, on a real Kafka and Redis. */
class BulkAndPollingIT {
    @RegisterExtension
    static final PipelineExtension pipeline = PipelineExtension.with();
    private static final ApiClient api = pipeline.api();

    @Test
    void aBatchWithInvalidItemsAndDuplicatesIsAcceptedItemByItem() throws Exception {
        int items = 10_000;
        Random random = new Random(7);
        long run = System.nanoTime();
        StringBuilder ndjson = new StringBuilder();
        Set<Integer> invalid = new TreeSet<>();
        List<String> distinctValid = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            if (random.nextInt(100) == 0) {
                invalid.add(i);
                ndjson.append("{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[1,NaN,3]}\n");
            } else if (!distinctValid.isEmpty() && random.nextInt(100) < 30) {
                ndjson.append(distinctValid.get(random.nextInt(distinctValid.size()))).append('\n');
            } else {
                String request = "{\"type\":\"correlation\",\"x\":[1,2,3,4],\"y\":[" + run + "," + i + ",3,1]}";
                distinctValid.add(request);
                ndjson.append(request).append('\n');
            }
        }
        double computedBefore = computed();

        ApiClient.Reply reply = api.post("/v1/analyses/batch", "application/x-ndjson", ndjson.toString());
        assertEquals(200, reply.status(), reply.response().body().substring(0, Math.min(500, reply.response().body().length())));
        JsonNode body = reply.json();
        Set<Integer> rejected = new TreeSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode item : body.get("items")) {
            String state = item.get("state").asText();
            if (state.equals("rejected")) {
                rejected.add(item.get("index").asInt());
                assertEquals("y[1]", item.get("errors").get(0).get("field").asText());
            } else {
                assertTrue(state.equals("pending") || state.equals("done"), item.toString());
                keys.add(item.get("key").asText());
            }
        }
        assertEquals(items, body.get("items").size());
        assertEquals(invalid, rejected);
        assertEquals(distinctValid.size(), keys.size());
        assertEquals(0, body.get("summary").get("failed").asInt());

        JsonNode lookup = lookup(keys, "?wait=30s");
        assertEquals(keys.size(), lookup.get("summary").get("done").asInt());
        assertEquals(distinctValid.size(), computed() - computedBefore);
    }

    @Test
    void aRequestLargerThanKafkasDefaultRecordLimitIsComputed() throws Exception {
        StringBuilder data = new StringBuilder();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            data.append(i == 0 ? "" : ",").append(random.nextGaussian());
        }
        String json = "{\"type\":\"descriptive\",\"data\":[" + data + "]}"; // about 4 MB
        ApiClient.Reply accepted = api.submit(json);
        assertEquals(202, accepted.status(), accepted.response().body());
        ApiClient.Reply done = api.awaitResult(accepted.json().get("key").asText(), java.time.Duration.ofSeconds(60));
        assertEquals(200, done.status());
        assertEquals(200_000, done.json().get("result").get("n").asInt());
    }

    @Test
    void aBatchAsAJsonObjectIsReadItemByItemToo() {
        String body = "{\"analyses\":[{\"type\":\"descriptive\",\"data\":[1,2,3," + System.nanoTime() + "]},"
                + "{\"type\":\"descriptive\",\"data\":[]}, 42, {\"type\":\"descriptive\",\"data\":[1,2,3," + System.nanoTime() + "]}]}";
        JsonNode reply = api.post("/v1/analyses/batch", "application/json", body).json();
        List<String> states = new ArrayList<>();
        reply.get("items").forEach(item -> states.add(item.get("state").asText()));
        assertEquals(List.of("pending", "rejected", "rejected", "pending"), states);
        assertEquals("data", reply.get("items").get(1).get("errors").get(0).get("field").asText());
    }

    @Test
    void aLargeBatchAsAJsonObjectIsReadInChunksToTheEnd() {
        int items = 2_500; // more than two chunks: the upload pauses and resumes, and ends while paused
        long run = System.nanoTime();
        StringBuilder body = new StringBuilder("{\"analyses\":[");
        for (int i = 0; i < items; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"descriptive\",\"data\":[1,2,").append(run).append(',').append(i).append("]}");
        }
        JsonNode reply = api.post("/v1/analyses/batch", "application/json", body.append("]}").toString()).json();
        assertEquals(items, reply.get("summary").get("pending").asInt(), reply.get("summary").toString());
    }

    @Test
    void aLookupOfTenThousandKeysIsOneRequestAndOneRoundTripToRedis() throws Exception {
        List<String> keys = new ArrayList<>();
        for (CanonicalForm form : Requests.distinct(10_000, System.nanoTime())) {
            keys.add(form.key().hex());
        }
        CanonicalForm stored = Requests.distinct(1, System.nanoTime()).get(0);
        pipeline.store().put(stored.key(), envelope(stored)).toCompletableFuture().get();
        keys.set(0, stored.key().hex());

        CountingResultStore counting = new CountingResultStore(pipeline.store());
        try (ApiServer server = ApiServer.start(new ApiSettings(Map.of("KAFKA_BOOTSTRAP_SERVERS", pipeline.bootstrapServers(),
                "HTTP_PORT", "0", "HTTP_HOST", "127.0.0.1")), counting, Metrics.registry("test"))) {
            ApiClient separate = new ApiClient(URI.create("http://localhost:" + server.port()));
            JsonNode reply = separate.post("/v1/analyses/lookup", "application/json", keysJson(keys)).json();
            assertEquals(10_000, reply.get("results").size());
            assertEquals(1, reply.get("summary").get("done").asInt());
            assertEquals(MARK, reply.get("results").get(0).get("result").get("error").asText());
            assertEquals(1, counting.calls("states"), "results and pending marks read together: two MGETs sent at once");
            assertEquals(1, counting.totalCalls());
        }
    }

    @Test
    void aWaitingRequestIsAnsweredByTheStoredNoticeNotByItsTimer() throws Exception {
        CanonicalForm form = Requests.distinct(1, System.nanoTime()).get(0);
        CompletableFuture<ApiClient.Reply> waiting = api.getAsync("/v1/analyses/" + form.key().hex() + "?wait=30s");
        CompletableFuture<Long> answeredAt = waiting.thenApply(reply -> System.nanoTime());
        Thread.sleep(500); // let the request park (the key is unknown until it is stored)
        assertTrue(!waiting.isDone(), "the request waits for the result");

        long storedAt = System.nanoTime();
        pipeline.store().put(form.key(), envelope(form)).toCompletableFuture().get();
        // Nothing polls (ResultWaiters): an answer before the wait's 30 s timer can only come from the
        // store's notice. The deadline separates the two; it is not a latency figure.
        long answered = answeredAt.get(15, TimeUnit.SECONDS);

        assertTrue(answered > storedAt, "answered after the result was stored");
        assertEquals(200, waiting.get().status());
        assertEquals(MARK, waiting.get().json().get("error").asText());
    }

    /** A result put into the store by the test itself, told apart by its reason. */
    private static final String MARK = "stored by the test";

    private static byte[] envelope(CanonicalForm form) {
        return Json.write(ResultEnvelope.failed(form.key(), null, MARK, EngineVersion.CURRENT, Instant.now(), 0));
    }

    private static JsonNode lookup(Set<String> keys, String query) {
        return api.post("/v1/analyses/lookup" + query, "application/json", keysJson(new ArrayList<>(keys))).json();
    }

    private static String keysJson(List<String> keys) {
        return "{\"keys\":[\"" + String.join("\",\"", keys) + "\"]}";
    }

    private static double computed() {
        return pipeline.registry().get(WorkerMetrics.COMPUTED).tag("type", AnalysisType.CORRELATION.wireName()).timer().count();
    }
}
