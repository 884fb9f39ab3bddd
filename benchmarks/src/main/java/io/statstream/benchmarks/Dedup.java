package io.statstream.benchmarks;

import io.statstream.launcher.LocalPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Scenario 5: N concurrent duplicates of K distinct requests; computations / K must be exactly 1.00. */
@Command(name = "dedup", mixinStandardHelpOptions = true,
        description = "N concurrent single submissions of each of K distinct requests: computations per distinct request.")
final class Dedup implements Callable<Integer> {
    private static final int MAX_IN_FLIGHT = 256;

    @Option(names = "--distinct", defaultValue = "50", description = "K, distinct requests (default: ${DEFAULT-VALUE}).")
    int distinct;

    @Option(names = "--copies", defaultValue = "200", description = "N, concurrent copies of each (default: ${DEFAULT-VALUE}).")
    int copies;

    @Override
    public Integer call() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"));
             Workload workload = new Workload(pipeline.apiUri())) {
            long before = Workload.computations(pipeline.registry());
            long run = System.nanoTime();
            List<CompletableFuture<Workload.Reply>> replies = new ArrayList<>();
            List<String> requests = new ArrayList<>();
            // Copies of every request are in flight together; the bound keeps sockets (two per
            // connection, client and server in one JVM) under the file-descriptor limit.
            Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
            for (int copy = 0; copy < copies; copy++) {
                for (int i = 0; i < distinct; i++) {
                    String request = Workload.typicalRequest(run, i);
                    if (copy == 0) {
                        requests.add(request);
                    }
                    inFlight.acquire();
                    replies.add(workload.post("/v1/analyses", "application/json", request)
                            .whenComplete((reply, error) -> inFlight.release()));
                }
            }
            Set<Integer> statuses = new HashSet<>();
            replies.forEach(reply -> statuses.add(reply.join().status()));
            workload.storeAll(requests); // waits until every distinct result is stored
            long computations = Workload.computations(pipeline.registry()) - before;

            Report report = new Report("dedup")
                    .row("submissions", Integer.toString(distinct * copies), copies + " concurrent copies of " + distinct + " requests")
                    .row("HTTP statuses", statuses.toString(), "")
                    .row("computations", Long.toString(computations), "")
                    .row("computations / distinct requests", String.format("%.2f", (double) computations / distinct), "must be 1.00")
                    .figure("distinct", distinct).figure("copies", copies).figure("computations", computations)
                    .figure("ratio", (double) computations / distinct);
            report.print();
            report.write();
            return computations == distinct ? 0 : 1;
        }
    }
}
