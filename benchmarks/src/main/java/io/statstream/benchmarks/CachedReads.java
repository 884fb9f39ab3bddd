package io.statstream.benchmarks;

import io.statstream.launcher.LocalPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 1: GET of stored results by key, beside two ceilings in the same run: the same HTTP
 * library serving the same bytes from memory, and redis-benchmark GET. Throughput is wrk's,
 * closed loop over many connections (as fast as answers come); latency is measured open loop at
 * a fixed rate ({@link OpenLoop}), since a saturated closed loop measures its own queue.
 */
@Command(name = "cached-reads", mixinStandardHelpOptions = true,
        description = "GET of stored results by key, against a Vert.x in-memory server and redis-benchmark GET.")
final class CachedReads implements Callable<Integer> {
    @Option(names = "--keys", defaultValue = "1000", description = "Distinct stored results read (default: ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--connections", defaultValue = "50", description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of each measurement (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rate", defaultValue = "20000", description = "Requests per second of the open-loop latency runs (default: ${DEFAULT-VALUE}).")
    int rate;

    @Override
    public Integer call() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"))) {
            long run = System.nanoTime();
            List<String> requests = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                requests.add(Workload.typicalRequest(run, i));
            }
            Map<String, String> stored = Workload.storeAll(pipeline.apiUri(), requests);
            List<String> paths = stored.keySet().stream().map(key -> "/v1/analyses/" + key).toList();
            double meanBytes = stored.values().stream().mapToInt(String::length).average().orElse(0);

            Wrk.Result statstream = Wrk.run(pipeline.apiUri().toString(), paths, connections, seconds);
            OpenLoop.Outcome statstreamLatency = openLoop(pipeline.apiUri(), paths);
            Wrk.Result ceiling;
            OpenLoop.Outcome ceilingLatency;
            try (InMemoryServer server = InMemoryServer.start(stored)) {
                ceiling = Wrk.run(server.uri().toString(), paths, connections, seconds);
                ceilingLatency = openLoop(server.uri(), paths);
            }
            double redisGets = redisBenchmark(pipeline.redis().map(r -> r.port()).orElse(-1), (int) meanBytes);

            Report report = new Report("cached-reads")
                    .row("statstream GET /v1/analyses/{key}, wrk", String.format("%.0f req/s", statstream.requestsPerSecond()),
                            String.format("%d connections; closed loop: p50 %.2f ms, p99 %.2f ms, non-2xx %d", connections,
                                    statstream.p50Millis(), statstream.p99Millis(), statstream.errors()))
                    .row("statstream, open loop at " + rate + "/s", latency(statstreamLatency), "errors " + statstreamLatency.errors())
                    .row("ceiling: Vert.x, same bytes from memory, wrk", String.format("%.0f req/s", ceiling.requestsPerSecond()),
                            String.format("closed loop: p50 %.2f ms, p99 %.2f ms", ceiling.p50Millis(), ceiling.p99Millis()))
                    .row("ceiling, open loop at " + rate + "/s", latency(ceilingLatency), "errors " + ceilingLatency.errors())
                    .row("ceiling: redis-benchmark GET", String.format("%.0f req/s", redisGets), "-c " + connections)
                    .row("statstream / Vert.x ceiling", String.format("%.2f", statstream.requestsPerSecond() / ceiling.requestsPerSecond()), "")
                    .row("statstream / Redis GET ceiling", String.format("%.2f", statstream.requestsPerSecond() / redisGets), "")
                    .figure("keys", keys).figure("connections", connections).figure("seconds", seconds).figure("rate", rate)
                    .figure("result_bytes_mean", Math.round(meanBytes))
                    .figure("statstream", statstream).figure("vertx_in_memory", ceiling).figure("redis_benchmark_get_rps", redisGets)
                    .figure("statstream_open_loop", percentiles(statstreamLatency))
                    .figure("vertx_in_memory_open_loop", percentiles(ceilingLatency));
            report.print();
            report.write();
        }
        return 0;
    }

    /** GETs of the paths in turn, at the fixed rate, for the measurement's length, after as long unmeasured. */
    private OpenLoop.Outcome openLoop(URI base, List<String> paths) throws Exception {
        try (Workload client = new Workload(base)) {
            LongFunction<CompletableFuture<Boolean>> get =
                    i -> client.get(paths.get((int) (i % paths.size()))).thenApply(reply -> reply.status() == 200);
            OpenLoop.run(rate, Duration.ofSeconds(seconds), Duration.ofSeconds(30), get); // connections open, code compiled
            return OpenLoop.run(rate, Duration.ofSeconds(seconds), Duration.ofSeconds(30), get);
        }
    }

    private static String latency(OpenLoop.Outcome outcome) {
        return String.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms", outcome.millis(50), outcome.millis(99), outcome.millis(99.9));
    }

    private static Map<String, Object> percentiles(OpenLoop.Outcome outcome) {
        return Map.of("sent", outcome.sent(), "errors", outcome.errors(), "p50_ms", outcome.millis(50),
                "p99_ms", outcome.millis(99), "p999_ms", outcome.millis(99.9), "max_ms", outcome.millis(100));
    }

    /** The same HTTP library, router and route, serving the same bytes from a map. */
    private record InMemoryServer(Vertx vertx, URI uri) implements AutoCloseable {
        static InMemoryServer start(Map<String, String> stored) throws Exception {
            Map<String, Buffer> bodies = new HashMap<>();
            stored.forEach((key, json) -> bodies.put(key, Buffer.buffer(json.getBytes(StandardCharsets.UTF_8))));
            Vertx vertx = Vertx.vertx();
            Router router = Router.router(vertx);
            router.get("/v1/analyses/:key").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                    .end(bodies.get(ctx.pathParam("key"))));
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0)
                    .toCompletionStage().toCompletableFuture().get();
            return new InMemoryServer(vertx, URI.create("http://localhost:" + server.actualPort()));
        }

        @Override
        public void close() {
            vertx.close().await();
        }
    }

    private double redisBenchmark(int port, int valueBytes) throws Exception {
        if (port < 0) {
            return Double.NaN;
        }
        Process process = new ProcessBuilder("redis-benchmark", "-p", Integer.toString(port), "-t", "get",
                "-n", "300000", "-c", Integer.toString(connections), "-d", Integer.toString(valueBytes), "-q")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher rate = Pattern.compile("GET: ([0-9.]+) requests per second").matcher(output);
        return rate.find() ? Double.parseDouble(rate.group(1)) : Double.NaN;
    }
}
