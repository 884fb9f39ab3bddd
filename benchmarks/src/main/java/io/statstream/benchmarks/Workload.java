package io.statstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.statstream.worker.topology.WorkerMetrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What the scenarios send: distinct "typical" requests (30 values), and the HTTP calls to send them. */
final class Workload {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    Workload(URI base) {
        this.base = base;
    }

    /** A descriptive analysis of 30 values, distinct for every (run, i). */
    static String typicalRequest(long run, long i) {
        StringBuilder data = new StringBuilder();
        java.util.SplittableRandom random = new java.util.SplittableRandom(run * 1_000_003L + i);
        for (int v = 0; v < 30; v++) {
            data.append(v == 0 ? "" : ",").append(Math.round(random.nextDouble() * 1e6) / 1e3);
        }
        return "{\"type\":\"descriptive\",\"data\":[" + data + "]}";
    }

    HttpRequest post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Submits requests as one batch, waits until every result is stored, and returns key to envelope JSON. */
    Map<String, String> storeAll(List<String> requests) throws IOException {
        HttpResponse<String> batch = send(post("/v1/analyses/batch", "application/x-ndjson", String.join("\n", requests))).join();
        List<String> keys = new ArrayList<>();
        for (JsonNode item : JSON.readTree(batch.body()).get("items")) {
            keys.add(item.get("key").asText());
        }
        Map<String, String> envelopes = new LinkedHashMap<>();
        while (envelopes.size() < keys.size()) {
            String lookup = "{\"keys\":" + JSON.writeValueAsString(keys) + "}";
            JsonNode results = JSON.readTree(send(post("/v1/analyses/lookup?wait=10s", "application/json", lookup)).join().body());
            for (JsonNode entry : results.get("results")) {
                if (entry.get("state").asText().equals("done")) {
                    envelopes.put(entry.get("key").asText(), JSON.writeValueAsString(entry.get("result")));
                }
            }
        }
        return envelopes;
    }

    /** Analyses computed so far, all types. */
    static long computations(MeterRegistry registry) {
        return registry.find(WorkerMetrics.COMPUTED).timers().stream().mapToLong(Timer::count).sum();
    }
}
