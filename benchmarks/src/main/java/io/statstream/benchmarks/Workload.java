package io.statstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.statstream.worker.topology.WorkerMetrics;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the scenarios send: distinct "typical" requests (30 values), and the HTTP calls to send them.
 * The load generator is Vert.x's own HTTP client on one event loop with a bounded connection pool:
 * it shares the two cores with the system under test, so it must cost as little as it can
 * (the JDK client spent a fifth of the CPU of the miss-latency run on its connection pool).
 */
final class Workload implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MILLIS = 120_000;
    private static final int CONNECTIONS = 256;

    /** An HTTP status and body. */
    record Reply(int status, String body) {
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClientAgent http;
    private final Context context = vertx.getOrCreateContext();

    Workload(URI base) {
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost()).setDefaultPort(base.getPort())
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(CONNECTIONS));
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

    CompletableFuture<Reply> post(String path, String contentType, String body) {
        return send(new RequestOptions().setMethod(HttpMethod.POST).setURI(path).putHeader("Content-Type", contentType),
                Buffer.buffer(body));
    }

    CompletableFuture<Reply> get(String path) {
        return send(new RequestOptions().setMethod(HttpMethod.GET).setURI(path), null);
    }

    /**
     * Starts the call on the client's event loop. Started from the sender's thread, a step could be
     * chained after the response had already arrived on the event loop, and its body was lost: a
     * 202 with 111 bytes announced was read as empty (miss-latency, a few calls in 4,000).
     */
    private CompletableFuture<Reply> send(RequestOptions options, Buffer body) {
        options.setIdleTimeout(TIMEOUT_MILLIS);
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        context.runOnContext(start -> http.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(Workload::read)
                .onSuccess(reply::complete)
                .onFailure(reply::completeExceptionally));
        return reply;
    }

    private static Future<Reply> read(HttpClientResponse response) {
        return response.body().map(body -> new Reply(response.statusCode(), body.toString()));
    }

    /** {@link #storeAll(List)} on a client of its own, closed when the results are in. */
    static Map<String, String> storeAll(URI base, List<String> requests) throws IOException {
        try (Workload workload = new Workload(base)) {
            return workload.storeAll(requests);
        }
    }

    /** Submits requests as one batch, waits until every result is stored, and returns key to envelope JSON. */
    Map<String, String> storeAll(List<String> requests) throws IOException {
        Reply batch = post("/v1/analyses/batch", "application/x-ndjson", String.join("\n", requests)).join();
        List<String> keys = new ArrayList<>();
        for (JsonNode item : JSON.readTree(batch.body()).get("items")) {
            keys.add(item.get("key").asText());
        }
        Map<String, String> envelopes = new LinkedHashMap<>();
        while (envelopes.size() < keys.size()) {
            String lookup = "{\"keys\":" + JSON.writeValueAsString(keys) + "}";
            JsonNode results = JSON.readTree(post("/v1/analyses/lookup?wait=10s", "application/json", lookup).join().body());
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

    @Override
    public void close() {
        vertx.close().await();
    }
}
