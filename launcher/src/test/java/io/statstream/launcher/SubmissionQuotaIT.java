package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.api.ApiServer;
import io.statstream.api.ApiSettings;
import io.statstream.api.access.ApiKeys;
import io.statstream.runtime.Metrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.statstream.launcher.RedisOutageIT.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each client's share of submissions, drawn on by two API instances through one Redis: a client
 * over its share is answered 429 with Retry-After and the RateLimit headers, by either instance,
 * while another client goes on; a batch over it is refused whole when nothing in it was taken.
 */
class SubmissionQuotaIT {
    private static final String SMALL = "k-small-5e21", OTHER = "k-other-a0c3", ADMIN = "k-admin-77d0";
    private static final String KEYS = String.join(";", ApiKeys.sha256Hex(SMALL) + " small submit 1",
            ApiKeys.sha256Hex(OTHER) + " other submit 100", ApiKeys.sha256Hex(ADMIN) + " ops admin");
    /** "small" may spend 3 misses at once (1 a second, 3 s of burst); "other" 100 a second. The shares are in Redis. */
    @RegisterExtension
    static final PipelineExtension pipeline = PipelineExtension.with("API_KEYS", KEYS, "SUBMISSION_BURST_SECONDS", "3").onRealRedis();
    private static ApiServer second;

    /** A second API instance beside the pipeline's, drawing on the same shares. */
    @BeforeAll
    static void startSecondInstance() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("API_KEYS", KEYS, "SUBMISSION_BURST_SECONDS", "3", "HTTP_PORT", "0"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", pipeline.bootstrapServers());
        env.put("REDIS_URL", pipeline.redis().orElseThrow().url());
        env.put("HTTP_HOST", "127.0.0.1");
        second = ApiServer.start(new ApiSettings(env), pipeline.store(), Metrics.registry("second"));
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void aClientOverItsShareIsToldWhenToComeBackByEveryInstanceAndOthersGoOn() throws Exception {
        ApiClient first = pipeline.api().withKey(SMALL);
        ApiClient other = new ApiClient(URI.create("http://localhost:" + second.port())).withKey(SMALL);
        long run = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            ApiClient.Reply accepted = (i % 2 == 0 ? first : other).submit(request(run, i));
            assertEquals(202, accepted.status(), accepted.response().body());
            assertEquals("\"submissions\";q=3;w=3", accepted.header("RateLimit-Policy"));
        }
        ApiClient.Reply refused = other.submit(request(run, 3)); // the fourth miss, on the other instance
        assertEquals(429, refused.status(), refused.response().body());
        assertEquals("https://statstream.io/problems/rate-limited", refused.json().get("type").asText());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
        assertTrue(refused.header("RateLimit").startsWith("\"submissions\";r=0;t="), refused.header("RateLimit"));

        ApiClient.Reply batch = first.post("/v1/analyses/batch", "application/x-ndjson",
                IntStream.range(10, 13).mapToObj(i -> request(run, i)).collect(Collectors.joining("\n")));
        assertEquals(429, batch.status(), "nothing in the call was taken: " + batch.response().body());

        ApiClient.Reply stillServed = pipeline.api().withKey(OTHER).submit(request(run, 99));
        assertEquals(202, stillServed.status(), "another client's share is its own");

        String metrics = pipeline.api().withKey(ADMIN).get("/metrics").response().body();
        assertTrue(metrics.contains("statstream_api_client_submissions_total{client=\"small\",outcome=\"limited\""), metrics);
        assertTrue(metrics.contains("statstream_api_client_submissions_total{client=\"other\",outcome=\"miss\""), metrics);
        awaitTrue(() -> pipeline.api().withKey(ADMIN).get("/metrics").response().body()
                .contains("statstream_worker_client_computations_total{client=\"other\""), "the worker counts the computation under the client that asked for it");
    }

    @Test
    void withinItsShareABatchGoesThroughAndSaysWhatIsLeft() {
        ApiClient client = pipeline.api().withKey(OTHER);
        long run = System.nanoTime();
        ApiClient.Reply batch = client.post("/v1/analyses/batch", "application/x-ndjson",
                IntStream.range(0, 50).mapToObj(i -> request(run, i)).collect(Collectors.joining("\n")));
        assertEquals(200, batch.status(), batch.response().body());
        for (JsonNode item : batch.json().get("items")) {
            assertEquals("pending", item.get("state").asText());
        }
        assertTrue(batch.header("RateLimit").startsWith("\"submissions\";r="), batch.header("RateLimit"));
    }

    private static String request(long run, int i) {
        return "{\"type\":\"descriptive\",\"data\":[" + run + "," + i + ",7]}";
    }
}
