package io.statstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.launcher.LocalPipeline;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 3: submit-to-result-available for requests never seen before, open loop at a fixed
 * rate. Each request's latency counts from the moment it was scheduled to be sent, not from when
 * it was sent, so a stall delays the measurement instead of hiding it (no coordinated omission).
 */
@Command(name = "miss-latency", mixinStandardHelpOptions = true,
        description = "Submit-to-result latency of new requests at a fixed rate (open loop, HdrHistogram).")
final class MissLatency implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--rate", defaultValue = "500", description = "Requests per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Seconds at the same rate before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A setting for the pipeline, e.g. PROCESSING_GUARANTEE=at_least_once.")
    Map<String, String> settings = new java.util.HashMap<>();

    @Override
    public Integer call() throws Exception {
        settings.putIfAbsent("HTTP_PORT", "0");
        try (LocalPipeline pipeline = LocalPipeline.start(settings);
             Workload workload = new Workload(pipeline.apiUri())) {
            phase(workload, warmup, new Histogram(3_600_000_000L, 3), new AtomicLong());
            Histogram latency = new Histogram(3_600_000_000L, 3);
            AtomicLong errors = new AtomicLong();
            long sent = phase(workload, seconds, latency, errors);

            Report report = new Report("miss-latency")
                    .row("settings", settings.toString(), "")
                    .row("requests (open loop)", Long.toString(sent), rate + "/s for " + seconds + " s after " + warmup + " s warm-up")
                    .row("submit to result available, p50", ms(latency.getValueAtPercentile(50)), "")
                    .row("p99", ms(latency.getValueAtPercentile(99)), "")
                    .row("p99.9", ms(latency.getValueAtPercentile(99.9)), "")
                    .row("max", ms(latency.getMaxValue()), "")
                    .row("errors", Long.toString(errors.get()), "")
                    .figure("settings", settings).figure("rate", rate).figure("requests", sent).figure("errors", errors.get())
                    .figure("p50_ms", latency.getValueAtPercentile(50) / 1000.0)
                    .figure("p99_ms", latency.getValueAtPercentile(99) / 1000.0)
                    .figure("p999_ms", latency.getValueAtPercentile(99.9) / 1000.0)
                    .figure("max_ms", latency.getMaxValue() / 1000.0);
            report.print();
            report.write();
        }
        return 0;
    }

    /** Sends {@code rate} new requests a second for {@code duration} seconds and records each latency in µs. */
    private long phase(Workload workload, int duration, Histogram latency, AtomicLong errors) throws Exception {
        long run = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        long total = (long) rate * duration;
        AtomicLong scheduled = new AtomicLong();
        ConcurrentLinkedQueue<CompletableFuture<Void>> inFlight = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            long i = scheduled.getAndIncrement();
            if (i >= total) {
                return;
            }
            long intended = start + i * intervalNanos;
            inFlight.add(workload.post("/v1/analyses", "application/json", Workload.typicalRequest(run, i))
                    .thenCompose(accepted -> workload.get("/v1/analyses/" + read(accepted.body()).get("key").asText() + "?wait=30s"))
                    .thenAccept(done -> {
                        if (done.status() == 200) {
                            synchronized (latency) {
                                latency.recordValue((System.nanoTime() - intended) / 1_000);
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    })
                    .exceptionally(e -> {
                        errors.incrementAndGet();
                        return null;
                    }));
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);
        while (scheduled.get() < total) {
            Thread.sleep(50); // the ticker sends; this thread only waits for the phase to end
        }
        ticker.shutdownNow();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        return total;
    }

    private static JsonNode read(String body) {
        try {
            return Workload.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String ms(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }
}
