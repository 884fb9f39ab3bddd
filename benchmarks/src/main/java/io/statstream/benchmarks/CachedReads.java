package io.statstream.benchmarks;

import io.statstream.launcher.LocalPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 1: GET of stored results by key over many connections (wrk), beside two ceilings in
 * the same run: the same HTTP library serving the same bytes from memory, and redis-benchmark GET.
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
            Wrk.Result ceiling = inMemoryServer(stored, paths);
            double redisGets = redisBenchmark(pipeline.redis().map(r -> r.port()).orElse(-1), (int) meanBytes);

            Report report = new Report("cached-reads")
                    .row("statstream GET /v1/analyses/{key}", String.format("%.0f req/s", statstream.requestsPerSecond()),
                            String.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, non-2xx %d", statstream.p50Millis(),
                                    statstream.p99Millis(), statstream.p999Millis(), statstream.errors()))
                    .row("ceiling: Vert.x, same bytes from memory", String.format("%.0f req/s", ceiling.requestsPerSecond()),
                            String.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms", ceiling.p50Millis(), ceiling.p99Millis(),
                                    ceiling.p999Millis()))
                    .row("ceiling: redis-benchmark GET", String.format("%.0f req/s", redisGets), "-c " + connections)
                    .row("statstream / Vert.x ceiling", String.format("%.2f", statstream.requestsPerSecond() / ceiling.requestsPerSecond()), "")
                    .row("statstream / Redis GET ceiling", String.format("%.2f", statstream.requestsPerSecond() / redisGets), "")
                    .figure("keys", keys).figure("connections", connections).figure("seconds", seconds)
                    .figure("result_bytes_mean", Math.round(meanBytes))
                    .figure("statstream", statstream).figure("vertx_in_memory", ceiling).figure("redis_benchmark_get_rps", redisGets);
            report.print();
            report.write();
        }
        return 0;
    }

    private Wrk.Result inMemoryServer(Map<String, String> stored, List<String> paths) throws Exception {
        Map<String, Buffer> bodies = new HashMap<>();
        stored.forEach((key, json) -> bodies.put(key, Buffer.buffer(json.getBytes(StandardCharsets.UTF_8))));
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            router.get("/v1/analyses/:key").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                    .end(bodies.get(ctx.pathParam("key"))));
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0)
                    .toCompletionStage().toCompletableFuture().get();
            return Wrk.run("http://localhost:" + server.actualPort(), paths, connections, seconds);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
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
