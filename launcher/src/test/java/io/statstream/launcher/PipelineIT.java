package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.json.Json;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.request.InvalidRequest;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.statstream.model.topic.Topics;
import io.statstream.worker.engine.Engine;
import io.statstream.model.topic.DeadLetterHeaders;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.model.EngineVersion;
import io.statstream.store.ResultStore;
import io.statstream.worker.topology.WorkerMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline end to end, on a real Kafka broker and a real Redis, through HTTP as a client uses it. */
class PipelineIT {
    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(30);
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);
    /** The contract's sample of a type, new at every run so that the pipeline computes it. */
    private static String sample(AnalysisType type) {
        return type.sample(30, System.nanoTime()).toString();
    }

    @RegisterExtension
    static final PipelineExtension pipeline = PipelineExtension.with("MAX_VALUES_PER_REQUEST", "1000");
    private static final ApiClient api = pipeline.api();
    private static KafkaProbe kafka;

    @BeforeAll
    static void startPipeline() throws Exception {
        kafka = new KafkaProbe(pipeline.bootstrapServers());
    }

    @AfterAll
    static void stopPipeline() {
        kafka.close();
    }

    @ParameterizedTest
    @EnumSource(AnalysisType.class)
    void eachTypeComesBackAsTheEngineComputesIt(AnalysisType type) throws Exception {
        String json = sample(type);
        ApiClient.Reply accepted = api.submit(json);
        assertEquals(202, accepted.status(), accepted.response().body());
        String key = accepted.json().get("key").asText();
        assertEquals("/v1/analyses/" + key, accepted.header("Location"));

        ApiClient.Reply done = api.awaitResult(key, RESULT_TIMEOUT);
        assertEquals(200, done.status(), done.response().body());
        JsonNode envelope = done.json();
        assertEquals("done", envelope.get("status").asText());
        assertEquals(type.wireName(), envelope.get("type").asText());
        assertEquals(Json.toTree(Engine.compute(request(json))), envelope.get("result"));
    }

    @Test
    void everyTypeComesBackThroughTheBatchEndpointAndALookup() throws Exception {
        List<AnalysisType> types = List.of(AnalysisType.values());
        String body = types.stream().map(PipelineIT::sample).collect(Collectors.joining("\n"));
        ApiClient.Reply batch = api.post("/v1/analyses/batch", "application/x-ndjson", body);
        assertEquals(200, batch.status(), batch.response().body());
        List<String> keys = new ArrayList<>();
        for (JsonNode item : batch.json().get("items")) {
            assertEquals("pending", item.get("state").asText(), item.toString());
            keys.add('"' + item.get("key").asText() + '"');
        }
        ApiClient.Reply lookup = api.post("/v1/analyses/lookup?wait=20s", "application/json", "{\"keys\":" + keys + "}");
        assertEquals(200, lookup.status(), lookup.response().body());
        JsonNode results = lookup.json().get("results");
        for (int i = 0; i < types.size(); i++) {
            JsonNode envelope = results.get(i).get("result");
            assertEquals("done", envelope.get("status").asText(), envelope.toString());
            assertEquals(types.get(i).wireName(), envelope.get("type").asText());
        }
    }

    @Test
    void oneValueHasTheStatisticsRDefinesAndNullsForTheRest() throws Exception {
        double value = System.nanoTime() % 100_000 + 0.5;
        String key = api.submit("{\"type\":\"descriptive\",\"data\":[" + value + "]}").json().get("key").asText();
        JsonNode result = api.awaitResult(key, RESULT_TIMEOUT).json().get("result");
        assertEquals(value, result.get("mean").asDouble());
        assertEquals(value, result.get("q3").asDouble());
        assertTrue(result.get("variance").isNull() && result.get("std_dev").isNull() && result.get("skewness").isNull(),
                result.toString());
    }

    @Test
    void aThousandConcurrentCopiesAreComputedOnceAndShareOneKey() throws Exception {
        String json = "{\"type\":\"descriptive\",\"data\":[1,2,3," + (System.nanoTime() % 100_000) + "]}";
        double computedBefore = computed(AnalysisType.DESCRIPTIVE);

        List<CompletableFuture<ApiClient.Reply>> replies = IntStream.range(0, 1000)
                .mapToObj(i -> api.submitAsync(json, "application/json")).toList();
        Set<String> keys = new HashSet<>();
        for (CompletableFuture<ApiClient.Reply> reply : replies) {
            ApiClient.Reply r = reply.join();
            assertTrue(r.status() == 202 || r.status() == 200, r.response().body());
            keys.add(r.json().get("key").asText());
        }
        assertEquals(Set.of(CanonicalForm.of(request(json)).key().hex()), keys);
        assertEquals(200, api.awaitResult(keys.iterator().next(), RESULT_TIMEOUT).status());
        assertEquals(1.0, computed(AnalysisType.DESCRIPTIVE) - computedBefore);
    }

    @Test
    void aStoredResultIsAnsweredWithoutTouchingKafka() throws Exception {
        String json = "{\"type\":\"correlation\",\"x\":[1,2,3,4],\"y\":[1,3,2," + UUID.randomUUID().hashCode() + "]}";
        String key = api.submit(json).json().get("key").asText();
        assertEquals(200, api.awaitResult(key, RESULT_TIMEOUT).status());
        long before = kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name());

        ApiClient.Reply again = api.submit(json);
        assertEquals(200, again.status());
        assertTrue(again.json().get("cache_hit").asBoolean());
        assertEquals(key, again.json().get("key").asText());
        assertEquals(before, kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name()));
    }

    @Test
    void everyValidationErrorIsAProblemNamingTheFieldAndNothingIsPublished() throws Exception {
        long before = kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name());
        for (InvalidRequest bad : InvalidRequest.all()) {
            ApiClient.Reply reply = api.submit(bad.json());
            assertEquals(400, reply.status(), bad.toString());
            assertEquals("application/problem+json", reply.header("Content-Type"));
            JsonNode problem = reply.json();
            assertEquals(400, problem.get("status").asInt());
            assertTrue(problem.get("type").asText().endsWith("/invalid-request"));
            boolean named = false;
            for (JsonNode error : problem.get("errors")) {
                named |= error.get("field").asText().equals(bad.field()) && error.get("code").asText().equals(bad.code().wireName())
                        && error.get("message").asText().contains(bad.reason());
            }
            assertTrue(named, () -> bad + " answered " + problem);
        }

        String tooMany = "{\"type\":\"descriptive\",\"data\":[" + "1,".repeat(1000) + "1]}";
        ApiClient.Reply tooLarge = api.submit(tooMany);
        assertEquals(413, tooLarge.status());
        assertEquals("too_large", tooLarge.json().get("errors").get(0).get("code").asText());

        ApiClient.Reply wrongMediaType = api.submit(sample(AnalysisType.DESCRIPTIVE), "text/plain");
        assertEquals(415, wrongMediaType.status());
        assertEquals("application/problem+json", wrongMediaType.header("Content-Type"));

        assertEquals(before, kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name()));
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndTheNextIsStillComputed() throws Exception {
        byte[] garbage = ("{\"not\":\"a request " + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        kafka.produce(Topics.ANALYSIS_REQUESTS.name(), "0".repeat(64).getBytes(StandardCharsets.US_ASCII), garbage);
        CanonicalForm good = CanonicalForm.of(request("{\"type\":\"descriptive\",\"data\":[7,8,9," + System.nanoTime() % 1000 + "]}"));
        kafka.produceRequests(List.of(good));

        List<ConsumerRecord<byte[], byte[]>> dead = kafka.readUntil(Topics.ANALYSIS_REQUESTS_DLQ.name(),
                record -> java.util.Arrays.equals(record.value(), garbage), RESULT_TIMEOUT);
        ConsumerRecord<byte[], byte[]> record = dead.get(dead.size() - 1);
        assertTrue(java.util.Arrays.equals(garbage, record.value()));
        String reason = new String(record.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
        assertTrue(reason.startsWith("invalid request"), reason);
        assertEquals(200, api.awaitResult(good.key().hex(), RESULT_TIMEOUT).status());
    }

    @Test
    void pollingAnswersByStateAndResultsAreCacheable() throws Exception {
        assertEquals(404, api.get("/v1/analyses/" + "ab".repeat(32)).status());
        ApiClient.Reply malformed = api.get("/v1/analyses/not-a-key");
        assertEquals(400, malformed.status());
        assertTrue(malformed.json().get("type").asText().endsWith("/malformed-key"));

        String key = api.submit("{\"type\":\"mann_whitney\",\"a\":[1,2," + System.nanoTime() % 1000 + "],\"b\":[3,4]}")
                .json().get("key").asText();
        ApiClient.Reply done = api.awaitResult(key, RESULT_TIMEOUT);
        assertEquals("W/\"" + key + "\"", done.header("ETag"));
        assertEquals(304, api.get("/v1/analyses/" + key, "If-None-Match", done.header("ETag")).status());
    }

    @Test
    void aKeyAcceptedButNotYetComputedIsPendingUntilItsMarkIsWithdrawn() throws Exception {
        CanonicalForm form = CanonicalForm.of(request("{\"type\":\"descriptive\",\"data\":[" + UUID.randomUUID().hashCode() + ",1]}"));
        pipeline.store().markPending(List.of(form.key())).toCompletableFuture().get();
        ApiClient.Reply pending = api.get("/v1/analyses/" + form.key().hex());
        assertEquals(202, pending.status());
        assertEquals("pending", pending.json().get("status").asText());
        assertEquals("1", pending.header("Retry-After"));

        // What the API does when the broker refuses a request it marked while asking.
        pipeline.store().unmarkPending(List.of(form.key())).toCompletableFuture().get();
        assertEquals(404, api.get("/v1/analyses/" + form.key().hex()).status());
    }

    @Test
    void aPendingMarkNeverHidesAStoredResult() throws Exception {
        CanonicalForm marked = CanonicalForm.of(request("{\"type\":\"descriptive\",\"data\":[" + System.nanoTime() + ",2]}"));
        CanonicalForm stored = CanonicalForm.of(request("{\"type\":\"descriptive\",\"data\":[" + System.nanoTime() + ",3]}"));
        ResultStore store = pipeline.store();
        // Marked, then answered, as the sink does.
        store.markPending(List.of(marked.key())).toCompletableFuture().get();
        store.put(marked.key(), storedByTheTest(marked)).toCompletableFuture().get();
        // Answered, then marked again (a second acceptance that raced with the sink): reads still find the result.
        store.put(stored.key(), storedByTheTest(stored)).toCompletableFuture().get();
        store.markPending(List.of(stored.key())).toCompletableFuture().get();
        // Withdrawing a mark (a refused publish) leaves a result that was stored meanwhile.
        store.unmarkPending(List.of(marked.key())).toCompletableFuture().get();

        for (CanonicalForm form : List.of(marked, stored)) {
            assertEquals(200, api.get("/v1/analyses/" + form.key().hex()).status());
            assertEquals(List.of(true), store.containsAll(List.of(form.key())).toCompletableFuture().get(), "the worker's look-up finds it");
            assertTrue(store.remainingTtl(List.of(form.key())).toCompletableFuture().get().get(0).isPresent());
        }
        CanonicalForm pendingOnly = CanonicalForm.of(request("{\"type\":\"descriptive\",\"data\":[" + System.nanoTime() + ",4]}"));
        store.markPending(List.of(pendingOnly.key())).toCompletableFuture().get();
        assertEquals(List.of(false), store.containsAll(List.of(pendingOnly.key())).toCompletableFuture().get(), "a mark is not a result");
        assertEquals(Optional.empty(), store.get(pendingOnly.key()).toCompletableFuture().get());
        assertEquals(Optional.empty(), store.remainingTtl(List.of(pendingOnly.key())).toCompletableFuture().get().get(0),
                "a mark has no result to keep: warming does not count it as warm");
        store.unmarkPending(List.of(pendingOnly.key())).toCompletableFuture().get();
    }

    private static byte[] storedByTheTest(CanonicalForm form) {
        return Json.write(ResultEnvelope.failed(form.key(), null, "stored by the test", EngineVersion.CURRENT, Instant.now(), 0));
    }

    @Test
    void aPathTheRouterCannotDecodeIsAProblemNotAnInternalError() throws Exception {
        // No HTTP client sends a lone '%'; anyone on a socket can.
        URI uri = pipeline.apiUri();
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write("GET /v1/analyses/% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
            assertTrue(reply.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), reply);
        }
    }

    @Test
    void aGetRightAfterA202NeverSaysUnknown() {
        long run = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            ApiClient.Reply accepted = api.submit("{\"type\":\"descriptive\",\"data\":[" + run + "," + i + ",3]}");
            assertEquals(202, accepted.status());
            int status = api.get("/v1/analyses/" + accepted.json().get("key").asText()).status();
            assertTrue(status == 200 || status == 202, "a GET right after the 202 answered " + status);
        }
    }

    @Test
    void aRecordTheWorkerCannotReadIsAnsweredWithAFailedResult() throws Exception {
        // As during a rollout where the worker's limits are stricter than the API's: a client holds the key.
        CanonicalForm form = CanonicalForm.of(request("{\"type\":\"descriptive\",\"data\":[" + System.nanoTime() + ",2]}"));
        kafka.produce(Topics.ANALYSIS_REQUESTS.name(), form.key().hex().getBytes(StandardCharsets.US_ASCII),
                "{\"type\":\"descriptive\",\"data\":[]}".getBytes(StandardCharsets.UTF_8));
        ApiClient.Reply answer = api.awaitResult(form.key().hex(), RESULT_TIMEOUT);
        assertEquals(200, answer.status());
        assertEquals("failed", answer.json().get("status").asText());
        assertEquals("descriptive", answer.json().get("type").asText());
        assertTrue(answer.json().get("error").asText().startsWith("the worker could not read this request"), answer.response().body());
    }

    @Test
    void metricsAreServedForPrometheus() throws Exception {
        String key = api.submit("{\"type\":\"descriptive\",\"data\":[4,5," + System.nanoTime() % 1000 + "]}").json().get("key").asText();
        assertEquals(200, api.awaitResult(key, RESULT_TIMEOUT).status());
        ApiClient.Reply metrics = api.get("/metrics");
        assertEquals(200, metrics.status());
        String text = metrics.response().body();
        for (String meter : List.of("statstream_api_submissions_total", "statstream_api_cache_total",
                "statstream_worker_compute_seconds_bucket", "statstream_worker_duplicates_total",
                "statstream_worker_dead_letters_total", "statstream_end_to_end_latency_seconds_bucket",
                "statstream_sink_stored_total", "lettuce_command_completion_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                "kafka_stream_thread", "jvm_memory_used_bytes")) {
            assertTrue(text.contains(meter), () -> meter + " missing from /metrics");
        }
        // Vert.x's own HTTP server meters: by route (never by path, which holds a key), method and status.
        assertTrue(text.lines().anyMatch(line -> line.startsWith("vertx_http_server_requests_total{")
                        && line.contains("route=\"/v1/analyses/:key\"") && line.contains("code=\"200\"") && line.contains("method=\"GET\"")),
                () -> text.lines().filter(line -> line.startsWith("vertx_http_server")).limit(20).toList().toString());
        assertTrue(text.contains("vertx_http_server_response_time_seconds_bucket{"), "response times as histograms");
    }

    /** Grafana cannot run here (no Docker): at least every series its dashboard queries must exist. */
    @Test
    void everyMetricTheDashboardQueriesIsServed() throws Exception {
        String key = api.submit("{\"type\":\"descriptive\",\"data\":[6,7," + System.nanoTime() % 1000 + "]}").json().get("key").asText();
        assertEquals(200, api.awaitResult(key, RESULT_TIMEOUT).status());
        String served = api.get("/metrics").response().body();
        Set<String> queried = DashboardQueries.metricNames(Path.of("..", "ops", "grafana", "dashboards", "statstream.json"));
        assertTrue(queried.size() > 5, "the dashboard's queries were read: " + queried);
        for (String metric : queried) {
            assertTrue(served.lines().anyMatch(line -> line.startsWith(metric + "{") || line.startsWith(metric + " ")),
                    () -> metric + ", queried by the dashboard, is missing from /metrics");
        }
    }

    @Test
    void healthReportsKafkaAndTheStoreUp() {
        ApiClient.Reply health = api.get("/health");
        assertEquals(200, health.status(), health.response().body());
        assertEquals("UP", health.json().get("checks").get("kafka").asText());
        assertEquals("UP", health.json().get("checks").get("store").asText());
    }

    private static double computed(AnalysisType type) {
        return pipeline.registry().get(WorkerMetrics.COMPUTED).tag("type", type.wireName()).timer().count();
    }

    private static AnalysisRequest request(String json) {
        ParsedRequest parsed = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(ParsedRequest.Valid.class, parsed).request();
    }
}
