package io.statstream.launcher;

import io.statstream.api.ApiMain;
import io.statstream.embedded.FreePorts;
import io.statstream.model.topic.Topics;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.statstream.launcher.RedisOutageIT.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bound driven past its limit at once against the API in a process of its own with a
 * 256 MiB heap: large bodies by the dozen, batches of bad items, streamed batches over the body
 * limit, lookups, waits by the hundred. Each is answered 4xx or 503, never 500; nothing refused is
 * published; and the API still answers afterwards.
 */
class AbuseIT {
    private static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} (\\S+)$");

    @Test
    void theApiSurvivesEveryBoundDrivenPastItsLimitWithASmallHeap() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"));
             ServiceProcesses services = new ServiceProcesses();
             KafkaProbe kafka = new KafkaProbe(pipeline.bootstrapServers())) {
            int port = FreePorts.any();
            services.launch(ApiMain.class, "abuse-api", Map.of("KAFKA_BOOTSTRAP_SERVERS", pipeline.bootstrapServers(),
                    "REDIS_URL", pipeline.redis().orElseThrow(() -> new AssertionError("needs redis-server")).url(),
                    "HTTP_PORT", Integer.toString(port), "HTTP_HOST", "127.0.0.1", "BATCH_MAX_BODY_BYTES", Integer.toString(8 << 20)));
            ApiClient api = new ApiClient(URI.create("http://localhost:" + port));
            awaitTrue(() -> live(api), "the API answers");
            long published = kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name());

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = URI.create("http://localhost:" + port);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            String padding = "x".repeat(30 << 20);
            for (int i = 0; i < 30; i++) { // 900 MB of bodies that must each be read whole
                calls.add(post(http, base.resolve("/v1/analyses"), "application/json",
                        "{\"type\":\"descriptive\",\"data\":[1,2],\"pad" + i + "\":\"" + padding + "\"}"));
            }
            for (int i = 0; i < 10; i++) { // 150,000 bad items each: over the item limit, with a reason each
                calls.add(post(http, base.resolve("/v1/analyses/batch"), "application/x-ndjson",
                        "{\"type\":\"nope\"}\n".repeat(150_000)));
            }
            for (int i = 0; i < 10; i++) { // streamed with no length, past the 8 MiB body limit
                calls.add(streamed(http, base.resolve("/v1/analyses/batch"), 12 << 20));
            }
            String keys = IntStream.range(0, 10_000).mapToObj(i -> String.format("\"%064x\"", i)).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
            for (int i = 0; i < 20; i++) {
                calls.add(post(http, base.resolve("/v1/analyses/lookup"), "application/json", keys));
            }
            for (int i = 0; i < 300; i++) {
                calls.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/v1/analyses/" + String.format("%064x", i) + "?wait=3s"))
                        .build(), HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode).exceptionally(e -> -1));
            }
            double heapPeak = 0;
            while (!CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).isDone()) {
                heapPeak = Math.max(heapPeak, heapUsed(api));
                Thread.sleep(200);
            }

            Map<Integer, Integer> statuses = new TreeMap<>();
            calls.forEach(call -> statuses.merge(call.join(), 1, Integer::sum));
            System.out.printf("ABUSE\tstatuses %s\theap peak %.0f MiB of 256%n", statuses, heapPeak / (1 << 20));
            assertTrue(statuses.keySet().stream().allMatch(status -> status == -1 || status == 200 || status == 404
                    || (status >= 400 && status < 500) || status == 503), "answers: " + statuses);
            assertTrue(live(api), "the API still answers");
            assertEquals(published, kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name()), "nothing refused was published");
            assertEquals(202, api.submit("{\"type\":\"descriptive\",\"data\":[1,2," + System.nanoTime() + "]}").status(),
                    "and it still takes work");
        }
    }

    private static CompletableFuture<Integer> post(HttpClient http, URI uri, String type, String body) {
        return http.sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", type).timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode).exceptionally(e -> -1); // a refused upload may be cut off: -1
    }

    private static CompletableFuture<Integer> streamed(HttpClient http, URI uri, int bytes) {
        byte[] line = "{\"type\":\"descriptive\",\"data\":[1,2,3],\"mu\":1}\n".getBytes(StandardCharsets.US_ASCII);
        List<InputStream> parts = Collections.nCopies(bytes / line.length, line).stream()
                .map(ByteArrayInputStream::new).collect(Collectors.toList());
        return http.sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-ndjson").timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(parts))))
                        .build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode).exceptionally(e -> -1);
    }

    private static boolean live(ApiClient api) {
        try {
            return api.get("/health/live").status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static double heapUsed(ApiClient api) {
        try {
            Matcher matcher = HEAP_USED.matcher(api.get("/metrics").response().body());
            double used = 0;
            while (matcher.find()) {
                used += Double.parseDouble(matcher.group(1));
            }
            return used;
        } catch (RuntimeException busy) {
            return 0;
        }
    }
}
