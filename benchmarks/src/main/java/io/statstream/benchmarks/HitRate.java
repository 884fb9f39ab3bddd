package io.statstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.statstream.launcher.LocalPipeline;
import io.statstream.runtime.SharedSettings;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Scenario 6: the share of requests answered from the cache, for requests drawn from Zipf(s) over
 * many distinct inputs, on a cold cache (as after a TTL lapse or an engine-version change) before
 * and after a warming replay of the most requested inputs. A first run of the same distribution
 * is the history the replay learns from; results are then dropped from Redis, counts are kept.
 */
@Command(name = "hit-rate", mixinStandardHelpOptions = true,
        description = "Cache hit rate of a Zipf workload on a cold cache, before and after a --top warming replay.")
final class HitRate implements Callable<Integer> {
    @Option(names = "--inputs", defaultValue = "100000", description = "Distinct inputs (default: ${DEFAULT-VALUE}).")
    int inputs;

    @Option(names = "--history", defaultValue = "500000", description = "Requests of the history the replay learns from (default: ${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--requests", defaultValue = "100000", description = "Requests of each measured phase (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--exponent", defaultValue = "1.1", description = "Zipf exponent s (default: ${DEFAULT-VALUE}).")
    double exponent;

    @Option(names = "--top", defaultValue = "10000", description = "Inputs the warming replay recomputes (default: ${DEFAULT-VALUE}, the most the API allows).")
    int top;

    private static final int BATCH = 1_000;

    @Override
    public Integer call() throws Exception {
        // Results are dropped by hand here to play a TTL lapse; a short in-flight retention lets the
        // worker recompute them at once, as it would after a real expiry (retention < TTL).
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0", "NEAR_CACHE_ENTRIES", "0",
                "IN_FLIGHT_RETENTION_SECONDS", "1"));
             Workload workload = new Workload(pipeline.apiUri())) {
            String url = pipeline.redis().orElseThrow(() -> new IllegalStateException("needs a redis-server")).url();
            ZipfDistribution zipf = new ZipfDistribution(new Well19937c(42), inputs, exponent);
            long run = System.nanoTime();

            Duration drain = Duration.ofMinutes(10);
            double learning = phase(workload, zipf, run, history); // what the replay will learn from
            Drained.await(pipeline.bootstrapServers(), drain);
            dropResults(url);
            double cold = phase(workload, zipf, run, requests);
            Drained.await(pipeline.bootstrapServers(), drain);
            dropResults(url);
            JsonNode warm = Workload.JSON.readTree(workload.post(
                    "/v1/analyses/warm?top=" + top + "&hours=1", "application/json", "").join().body()).get("summary");
            Drained.await(pipeline.bootstrapServers(), drain); // the replayed inputs are computed before users come back
            double warmed = phase(workload, zipf, run, requests);

            Report report = new Report("hit-rate")
                    .row("workload", requests + " requests/phase", "Zipf(s=" + exponent + ") over " + inputs + " inputs")
                    .row("history run (cache filling as it goes)", pct(learning), history + " requests")
                    .row("cold cache, no warming", pct(cold), "")
                    .row("warming replay --top " + top, warm.get("published").asLong() + " published", warm.toString())
                    .row("cold cache, after the warming replay", pct(warmed), "target >= 95 %")
                    .figure("inputs", inputs).figure("history_requests", history).figure("requests_per_phase", requests).figure("exponent", exponent)
                    .figure("top", top).figure("hit_rate_history", learning).figure("hit_rate_cold", cold)
                    .figure("hit_rate_after_warming", warmed);
            report.print();
            report.write();
        }
        return 0;
    }

    /** Sends the workload in batches and returns the share of items answered from the cache. */
    private double phase(Workload workload, ZipfDistribution zipf, long run, int requests) throws Exception {
        long hits = 0;
        for (int sent = 0; sent < requests; sent += BATCH) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < BATCH; i++) {
                body.append(Workload.typicalRequest(run, zipf.sample())).append('\n');
            }
            Workload.Reply reply = workload.post("/v1/analyses/batch", "application/x-ndjson", body.toString()).join();
            hits += Workload.JSON.readTree(reply.body()).get("summary").get("done").asLong();
        }
        return (double) hits / requests;
    }

    /** As after a TTL lapse: every result gone from Redis, the request counts kept. */
    private static void dropResults(String url) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanIterator<String> keys = ScanIterator.scan(connection.sync(),
                    ScanArgs.Builder.matches(SharedSettings.DEFAULT_REDIS_KEY_PREFIX + "result:*").limit(1000));
            List<String> batch = new ArrayList<>();
            while (keys.hasNext()) {
                batch.add(keys.next());
                if (batch.size() == 1000 || !keys.hasNext()) {
                    connection.sync().unlink(batch.toArray(String[]::new));
                    batch.clear();
                }
            }
        } finally {
            client.shutdown();
        }
    }

    private static String pct(double share) {
        return String.format("%.1f %%", share * 100);
    }
}
