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
 * (acks=all, idempotent, lz4, 128 KiB batches, linger 5 ms) on a topic of the same partitions.
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

    @Option(names = "--warmup", defaultValue = "100000", description = "Requests sent first, not measured, so the JIT has compiled the path (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"));
             Workload workload = new Workload(pipeline.apiUri())) {
            long run = System.nanoTime();
            List<String> lines = new ArrayList<>(requests);
            long canonicalBytes = 0;
            RequestParser parser = new RequestParser(RequestLimits.DEFAULT);
            for (int i = 0; i < requests; i++) {
                String request = Workload.typicalRequest(run, i);
                lines.add(request);
                if (i < 1000) {
                    canonicalBytes += CanonicalForm.of(((ParsedRequest.Valid) parser.parse(request.getBytes(StandardCharsets.UTF_8)))
                            .request()).json().length();
                }
            }
            int recordSize = (int) (canonicalBytes / Math.min(1000, requests));
            double ceiling = producerPerformance(pipeline.bootstrapServers(), recordSize);

            submit(workload, generate(run + 1, warmup));
            long started = System.nanoTime();
            long accepted = submit(workload, lines);
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = accepted / seconds;

            Report report = new Report("bulk-ingest")
                    .row("statstream POST /v1/analyses/batch", String.format("%.0f analyses/s", rate),
                            accepted + " accepted in " + String.format("%.1f s", seconds) + ", batches of " + batchSize + ", "
                                    + concurrency + " in flight, after " + warmup + " not measured")
                    .row("ceiling: ProducerPerformance", String.format("%.0f records/s", ceiling),
                            requests + " records of " + recordSize + " B, same producer settings")
                    .row("statstream / producer ceiling", String.format("%.2f", rate / ceiling), "target >= 0.50")
                    .figure("requests", requests).figure("accepted", accepted).figure("concurrency", concurrency).figure("batch", batchSize).figure("record_bytes", recordSize)
                    .figure("analyses_per_second", rate).figure("producer_performance_records_per_second", ceiling)
                    .figure("ratio", rate / ceiling);
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

    private double producerPerformance(String bootstrap, int recordSize) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("producer-performance", 3, (short) 1))).all().get();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance", "--topic", "producer-performance",
                "--num-records", Integer.toString(requests), "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
                "compression.type=lz4", "batch.size=131072", "linger.ms=5")
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
