package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.statstream.model.json.Json;
import io.statstream.model.key.CanonicalForm;
import io.statstream.store.HotKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.statstream.model.topic.Topics;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.statstream.launcher.RedisOutageIT.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one request may cost, each bound driven past its limit (small limits here, the defaults in
 * the README): lookups bounded before parsing, without repeats, in reply size; waits bounded in
 * all and per client, and released when their client goes away; the hot-key bookkeeping in Redis.
 */
class RequestBoundsIT {
    private static final Pattern WAITING = Pattern.compile("(?m)^statstream_api_waiting\\{[^}]*} (\\S+)$");
    /** These bounds are Redis's. */
    @RegisterExtension
    static final PipelineExtension pipeline = PipelineExtension.with("MAX_WAITING_KEYS", "5", "MAX_WAITING_KEYS_PER_CLIENT", "3",
            "LOOKUP_MAX_REPLY_BYTES", "2048", "BATCH_MAX_BODY_BYTES", "65536").onRealRedis();
    private static final ApiClient api = pipeline.api();

    @Test
    void aLookupRepeatingAKeyIsRefusedNamingTheRepeat() {
        String key = "a".repeat(64);
        ApiClient.Reply reply = api.post("/v1/analyses/lookup", "application/json",
                "{\"keys\":[\"" + key + "\",\"" + "b".repeat(64) + "\",\"" + key + "\"]}");
        assertEquals(400, reply.status(), reply.response().body());
        JsonNode error = reply.json().get("errors").get(0);
        assertEquals("keys[2]", error.get("field").asText());
        assertEquals("duplicate", error.get("code").asText());
        assertEquals("repeats keys[0]", error.get("message").asText());
    }

    @Test
    void aLookupBodyLargerThanTenThousandKeysIsRefusedUnread() {
        String huge = "{\"keys\":[\"" + " ".repeat(2 * 1024 * 1024) + "\"]}";
        assertEquals(413, api.post("/v1/analyses/lookup", "application/json", huge).status());
    }

    @Test
    void aLookupReplyStopsGrowingAtItsBoundAndSaysWhatItLeftOut() throws Exception {
        long run = System.nanoTime();
        String keys = IntStream.range(0, 8)
                .mapToObj(i -> api.submit("{\"type\":\"descriptive\",\"data\":[" + run + "," + i + ",1,2,3]}").json().get("key").asText())
                .map(key -> '"' + key + '"').collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        for (JsonNode key : Json.readTree(keys.getBytes(StandardCharsets.UTF_8)).get("keys")) {
            assertEquals(200, api.awaitResult(key.asText(), Duration.ofSeconds(30)).status());
        }
        JsonNode reply = api.post("/v1/analyses/lookup", "application/json", keys).json();
        assertEquals(8, reply.get("summary").get("done").asInt(), reply.toString());
        int omitted = reply.get("summary").get("omitted").asInt();
        assertTrue(omitted > 0 && omitted < 8, reply.get("summary").toString());
        int withResult = 0;
        for (JsonNode item : reply.get("results")) {
            withResult += item.has("result") ? 1 : 0;
            assertEquals(!item.has("result"), item.path("omitted").asBoolean(), item.toString());
        }
        assertEquals(8 - omitted, withResult);
    }

    @Test
    void waitsAreBoundedInAllAndPerClient() {
        String four = unknownKeys(4);
        ApiClient.Reply perClient = api.post("/v1/analyses/lookup?wait=5s", "application/json", four);
        assertEquals(429, perClient.status(), "four keys exceed the client's three: " + perClient.response().body());
        ApiClient.Reply all = api.post("/v1/analyses/lookup?wait=5s", "application/json", unknownKeys(6));
        assertEquals(503, all.status(), "six keys exceed the server's five: " + all.response().body());
        assertEquals("https://statstream.io/problems/waiting-full", all.json().get("type").asText());
        assertEquals(200, api.post("/v1/analyses/lookup?wait=1s", "application/json", unknownKeys(3)).status());
    }

    @Test
    void noWaiterOutlivesItsClient() throws Exception {
        try (Socket client = new Socket("127.0.0.1", pipeline.apiUri().getPort())) {
            OutputStream out = client.getOutputStream();
            out.write(("GET /v1/analyses/" + "c".repeat(64) + "?wait=30s HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitTrue(() -> waiting() == 1, "the request is parked");
        }
        long closedAt = System.nanoTime();
        awaitTrue(() -> waiting() == 0, "the waiter of a closed connection is released");
        assertTrue(Duration.ofNanos(System.nanoTime() - closedAt).toSeconds() < 25, "released long before its 30 s wait ended");
    }

    @Test
    void hotKeyBookkeepingKeepsCountsOfTheMostRequestedAndFormsOfRepeatedRequestsOnly() throws Exception {
        HotKeys hotKeys = pipeline.store().hotKeys();
        List<CanonicalForm> forms = Requests.distinct(HotKeys.KEPT_PER_HOUR + 100, System.nanoTime());
        CanonicalForm repeated = forms.get(0);
        CanonicalForm once = forms.get(1);
        hotKeys.record(forms.stream().map(form -> new HotKeys.Counted(form, 1)).toList()).toCompletableFuture().get();
        hotKeys.record(repeated, 1).toCompletableFuture().get();

        List<String> top = hotKeys.top(HotKeys.MAX_TOP, Duration.ofHours(1)).toCompletableFuture().get();
        assertTrue(top.contains(repeated.json()), "a request that came twice can be replayed");
        assertFalse(top.contains(once.json()), "a request that came once leaves a count, not a copy of itself");
        RedisClient client = RedisClient.create(pipeline.redis().orElseThrow().url());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            for (String hour : redis.sync().keys("statstream:{hits}:*")) {
                assertTrue(redis.sync().zcard(hour) <= HotKeys.KEPT_PER_HOUR, hour + " holds " + redis.sync().zcard(hour));
            }
        } finally {
            client.shutdown();
        }

        ApiClient.Reply tooMany = api.post("/v1/analyses/warm?top=" + (HotKeys.MAX_TOP + 1), "application/json", "");
        assertEquals(400, tooMany.status(), tooMany.response().body());
    }

    @Test
    void aWindowsCompletedHoursAreSummedOnceAnHourNotAtEveryCall() throws Exception {
        HotKeys hotKeys = pipeline.store().hotKeys();
        List<CanonicalForm> forms = Requests.distinct(2, System.nanoTime());
        String lastHour = "statstream:{hits}:" + (Instant.now().getEpochSecond() / 3600 - 1);
        RedisClient client = RedisClient.create(pipeline.redis().orElseThrow().url());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            for (CanonicalForm form : forms) {
                redis.sync().set("statstream:request:" + form.key().hex(), form.json());
            }
            redis.sync().zadd(lastHour, 1e12, forms.get(0).key().hex());
            assertEquals(forms.get(0).json(), hotKeys.top(1, Duration.ofHours(2)).toCompletableFuture().get().get(0));

            redis.sync().zadd(lastHour, 2e12, forms.get(1).key().hex());
            assertEquals(forms.get(0).json(), hotKeys.top(1, Duration.ofHours(2)).toCompletableFuture().get().get(0),
                    "the completed hours were summed at the first call and kept, not summed again");
            List<String> kept = redis.sync().keys("statstream:{hits}:past:*");
            assertFalse(kept.isEmpty());
            for (String sum : kept) {
                long ttl = redis.sync().ttl(sum);
                assertTrue(ttl > 0 && ttl <= 3600, sum + " lives until the hour turns, not " + ttl + " s");
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aBatchBodyOverItsBoundIsRefusedUnpublishedAndItsConnectionClosed() throws Exception {
        long run = System.nanoTime();
        String body = IntStream.range(0, 2_000).mapToObj(i -> "{\"type\":\"descriptive\",\"data\":[" + run + "," + i + ",1]}")
                .collect(Collectors.joining("\n")); // ~90 KB, over the 64 KiB bound
        try (KafkaProbe kafka = new KafkaProbe(pipeline.bootstrapServers())) {
            long before = kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name());
            ApiClient.Reply declared = api.post("/v1/analyses/batch", "application/x-ndjson", body);
            assertEquals(413, declared.status(), declared.response().body());
            assertEquals("close", declared.header("Connection"));
            assertEquals(before, kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name()), "a body refused by its length publishes nothing");
        }
        // Streamed with no length: refused once the bound is crossed.
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(pipeline.apiUri().resolve("/v1/analyses/batch"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, streamed.statusCode(), streamed.body());
    }

    private static String unknownKeys(int count) {
        long run = System.nanoTime();
        return IntStream.range(0, count).mapToObj(i -> String.format("%064x", run + i))
                .map(key -> '"' + key + '"').collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    private static double waiting() {
        Matcher matcher = WAITING.matcher(api.get("/metrics").response().body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
