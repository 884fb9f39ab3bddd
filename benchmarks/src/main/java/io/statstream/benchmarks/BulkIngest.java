package io.statstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.launcher.LocalPipeline;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 2: analyses accepted durably per second through the batch endpoint, beside Kafka's own
 * ProducerPerformance in the same run, with the same record size and the same producer settings
 * (acks=all, idempotent, LZ4, 128 KiB batches, no linger: {@code RequestPublisher}'s) on a topic of the same partitions.
 */
@Command(name = "bulk-ingest", mixinStandardHelpOptions = true,
        description = "Batch submission throughput against ProducerPerformance with the same record size and acks.")
final class BulkIngest implements Callable<Integer> {
    @Option(names = "--requests", defaultValue = "100000", description = "Requests submitted (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--batch", defaultValue = "20000", description = "Requests per HTTP call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--concurrency", defaultValue = "4", description = "Batch calls in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of ceiling then statstream; the median ratio is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "100000", description = "Requests sent first, not measured, so the JIT has compiled the path (default: ${DEFAULT-VALUE}).")
    int warmup;

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public Integer call() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"));
             Workload workload = new Workload(pipeline.apiUri())) {
            long run = System.nanoTime();
            int recordSize = canonicalSize(generate(run, Math.min(1000, requests)));
            submit(workload, generate(run, warmup));

            // The machine is shared and noisy: ceiling and statstream alternate, each ratio is
            // taken within its round, and the median round is the figure. Each starts on an idle
            // pipeline: the worker's backlog from the round before would slow either.
            List<double[]> measured = new ArrayList<>(); // {statstream per s, ceiling per s, ratio}
            Report report = new Report("bulk-ingest");
            for (int round = 1; round <= rounds; round++) {
                Drained.await(pipeline.bootstrapServers(), DRAIN_TIMEOUT);
                double ceiling = producerPerformance(pipeline.bootstrapServers(), recordSize, "producer-performance-" + round);
                List<String> lines = generate(run + round, requests);
                Drained.await(pipeline.bootstrapServers(), DRAIN_TIMEOUT);
                long started = System.nanoTime();
                long accepted = submit(workload, lines);
                double rate = accepted / ((System.nanoTime() - started) / 1e9);
                measured.add(new double[] {rate, ceiling, rate / ceiling});
                report.row("round " + round, String.format("%.0f analyses/s", rate),
                        String.format("ceiling %.0f records/s, ratio %.2f", ceiling, rate / ceiling));
            }
            measured.sort(java.util.Comparator.comparingDouble(figures -> figures[2]));
            double[] median = measured.get(measured.size() / 2);
            report.row("statstream POST /v1/analyses/batch (median round)", String.format("%.0f analyses/s", median[0]),
                            requests + " per round, batches of " + batchSize + ", " + concurrency + " in flight, after "
                                    + warmup + " not measured")
                    .row("ceiling: ProducerPerformance (same round)", String.format("%.0f records/s", median[1]),
                            requests + " records of " + recordSize + " B, same producer settings")
                    .row("statstream / producer ceiling", String.format("%.2f", median[2]),
                            String.format("rounds from %.2f to %.2f; target >= 0.50", measured.get(0)[2], measured.get(measured.size() - 1)[2]))
                    .figure("requests", requests).figure("rounds", rounds).figure("concurrency", concurrency)
                    .figure("batch", batchSize).figure("record_bytes", recordSize)
                    .figure("analyses_per_second", median[0]).figure("producer_performance_records_per_second", median[1])
                    .figure("ratio", median[2])
                    .figure("ratios", measured.stream().map(figures -> figures[2]).toList());
            report.print();
            report.write();
        }
        return 0;
    }

    /** Sends the requests as NDJSON batches, {@code concurrency} calls in flight, and returns how many were accepted. */
    private long submit(Workload workload, List<String> lines) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<Long>> replies = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += batchSize) {
            String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + batchSize)));
            inFlight.acquire();
            replies.add(workload.post("/v1/analyses/batch", "application/x-ndjson", body)
                    .whenComplete((reply, error) -> inFlight.release())
                    .thenApply(BulkIngest::accepted));
        }
        long accepted = 0;
        for (CompletableFuture<Long> reply : replies) {
            accepted += reply.get();
        }
        return accepted;
    }

    private static long accepted(Workload.Reply reply) {
        try {
            JsonNode summary = Workload.JSON.readTree(reply.body()).get("summary");
            return summary.get("pending").asLong() + summary.get("done").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> generate(long run, int count) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(Workload.typicalRequest(run, i));
        }
        return lines;
    }

    /** The mean size of these requests' canonical forms: what the API publishes. */
    private static int canonicalSize(List<String> requests) {
        RequestParser parser = new RequestParser(RequestLimits.DEFAULT);
        long bytes = 0;
        for (String request : requests) {
            bytes += CanonicalForm.of(((ParsedRequest.Valid) parser.parse(request.getBytes(StandardCharsets.UTF_8))).request())
                    .jsonBytes().length;
        }
        return (int) (bytes / requests.size());
    }

    private double producerPerformance(String bootstrap, int recordSize, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", Integer.toString(requests), "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
                "compression.type=lz4", "batch.size=131072", "linger.ms=0")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher rate = Pattern.compile("records sent, ([0-9.]+) records/sec").matcher(output);
        String last = null;
        while (rate.find()) {
            last = rate.group(1);
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no rate:\n" + output);
        }
        return Double.parseDouble(last);
    }
}
