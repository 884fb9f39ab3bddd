package io.statstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.launcher.LocalPipeline;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

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

    @Option(names = "--warmup", defaultValue = "15", description = "Seconds at the same rate before measuring, while the JIT compiles the path (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A setting for the pipeline, e.g. PROCESSING_GUARANTEE=exactly_once_v2.")
    Map<String, String> settings = new java.util.HashMap<>();

    @Override
    public Integer call() throws Exception {
        settings.putIfAbsent("HTTP_PORT", "0");
        try (LocalPipeline pipeline = LocalPipeline.start(settings);
             Workload workload = new Workload(pipeline.apiUri())) {
            long run = System.nanoTime();
            phase(workload, run, warmup);
            ProcessCost before = ProcessCost.now();
            OpenLoop.Outcome measured = phase(workload, run + 1, seconds);
            ProcessCost cost = ProcessCost.now().since(before);
            Histogram latency = measured.latencyMicros();
            long sent = measured.sent();

            Report report = new Report("miss-latency")
                    .row("settings", settings.toString(), "")
                    .row("requests (open loop)", Long.toString(sent), rate + "/s for " + seconds + " s after " + warmup + " s warm-up")
                    .row("submit to result available, p50", ms(latency.getValueAtPercentile(50)), "")
                    .row("p99", ms(latency.getValueAtPercentile(99)), "")
                    .row("p99.9", ms(latency.getValueAtPercentile(99.9)), "")
                    .row("max", ms(latency.getMaxValue()), "")
                    .row("due until the POST left, p50 / p99", p50AndP99(measured.sentLateMicros()), "the sender's lateness")
                    .row("POST until 202 accepted, p50 / p99", p50AndP99(untilAccepted), "from when the POST left")
                    .row("202 until the result, p50 / p99", p50AndP99(afterAccepted), "GET ?wait=30s")
                    .row("errors", Long.toString(measured.errors()), failures.toString())
                    .row("cost per miss", cost.describePer(sent, "miss"), "this JVM (load generator included) and Redis")
                    .figure("settings", settings).figure("rate", rate).figure("requests", sent).figure("errors", measured.errors())
                    .figure("p50_ms", latency.getValueAtPercentile(50) / 1000.0)
                    .figure("p99_ms", latency.getValueAtPercentile(99) / 1000.0)
                    .figure("p999_ms", latency.getValueAtPercentile(99.9) / 1000.0)
                    .figure("max_ms", latency.getMaxValue() / 1000.0)
                    .figure("sent_late_p99_ms", measured.sentLateMicros().getValueAtPercentile(99) / 1000.0)
                    .figure("accepted_p50_ms", untilAccepted.getValueAtPercentile(50) / 1000.0)
                    .figure("accepted_p99_ms", untilAccepted.getValueAtPercentile(99) / 1000.0)
                    .figure("after_accepted_p50_ms", afterAccepted.getValueAtPercentile(50) / 1000.0)
                    .figure("after_accepted_p99_ms", afterAccepted.getValueAtPercentile(99) / 1000.0)
                    .figure("cpu_us_per_miss", cost.cpuMicrosPer(sent))
                    .figure("wake_ups_per_miss", cost.wakeUpsPer(sent));
            report.print();
            report.write();
        }
        return 0;
    }

    /** Why requests of the measured phase failed: the answer's status, or the exception, and how many. */
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    /** The two halves of each latency, from when the POST left: until its 202, then until the result. */
    private final Histogram untilAccepted = new ConcurrentHistogram(3);
    private final Histogram afterAccepted = new ConcurrentHistogram(3);

    /** Sends {@code rate} new requests a second for {@code duration} seconds, each awaited until its result is stored. */
    private OpenLoop.Outcome phase(Workload workload, long run, int duration) throws Exception {
        failures.clear();
        untilAccepted.reset();
        afterAccepted.reset();
        return OpenLoop.run(rate, Duration.ofSeconds(duration), Duration.ofMinutes(2),
                i -> {
                    long posted = System.nanoTime();
                    return workload.post("/v1/analyses", "application/json", Workload.typicalRequest(run, i))
                            .thenCompose(accepted -> {
                                long acceptedAt = System.nanoTime();
                                untilAccepted.recordValue((acceptedAt - posted) / 1_000);
                                return accepted.status() != 202 ? CompletableFuture.completedFuture(accepted)
                                        : workload.get("/v1/analyses/" + keyOf(accepted) + "?wait=30s")
                                                .thenApply(done -> {
                                                    afterAccepted.recordValue((System.nanoTime() - acceptedAt) / 1_000);
                                                    return done;
                                                });
                            })
                            .whenComplete((done, failure) -> {
                                String why = failure != null ? cause(failure) : done.status() == 200 ? null
                                        : done.status() + " " + done.body().substring(0, Math.min(120, done.body().length()));
                                if (why != null) {
                                    failures.computeIfAbsent(why, reason -> new LongAdder()).increment();
                                }
                            })
                            .thenApply(done -> done.status() == 200);
                });
    }

    /** The exception under the future's wrapping, with its message: "CompletionException" alone says nothing. */
    private static String cause(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = String.valueOf(cause.getMessage());
        return cause.getClass().getSimpleName() + ": " + message.substring(0, Math.min(120, message.length()));
    }

    /** The key a 202 names; a 202 without one is a failure that shows its body. */
    private static String keyOf(Workload.Reply accepted) {
        JsonNode key = read(accepted.body()).get("key");
        if (key == null) {
            throw new IllegalStateException("a 202 without a key: " + accepted.body());
        }
        return key.asText();
    }

    private static JsonNode read(String body) {
        try {
            return Workload.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String p50AndP99(Histogram micros) {
        return ms(micros.getValueAtPercentile(50)) + " / " + ms(micros.getValueAtPercentile(99));
    }

    private static String ms(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }
}
