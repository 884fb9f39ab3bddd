package io.statstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code statstream warm FILE | --top N}: recompute what is about to expire, skip what is warm. */
@Command(name = "warm", mixinStandardHelpOptions = true,
        description = {"Warm the cache: replay requests, skipping those whose results are stored and far from",
                "expiry, publishing the rest. Either a file of requests or the N most requested inputs."})
final class WarmCommand implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "FILE", description = "NDJSON file of requests.")
        Path file;

        @Option(names = "--top", paramLabel = "N", description = "Replay the N most requested inputs instead.")
        Integer top;
    }

    @Option(names = "--hours", paramLabel = "P", defaultValue = "24",
            description = "With --top: count requests of the last P hours (default: ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--chunk", defaultValue = "5000", description = "Requests per HTTP call (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Override
    public Integer call() throws Exception {
        StatstreamClient client = api.client();
        long[] totals = new long[5]; // read, already warm, published, rejected, failed
        if (source.top != null) {
            add(totals, client.postJson("v1/analyses/warm?top=" + source.top + "&hours=" + hours, ""));
        } else {
            try (ProgressBar progress = new ProgressBarBuilder().setTaskName("warm")
                    .setInitialMax(NdjsonFile.countLines(source.file)).setUnit(" req", 1).showSpeed().build()) {
                NdjsonFile.forEachChunk(source.file, chunk, lines -> {
                    add(totals, StatstreamClient.await(client.postNdjson("v1/analyses/warm", String.join("\n", lines))));
                    progress.stepBy(lines.size());
                });
            }
        }
        System.out.printf("read %d, already warm %d, published %d, rejected %d, failed %d%n",
                totals[0], totals[1], totals[2], totals[3], totals[4]);
        return totals[4] > 0 ? 1 : 0;
    }

    private static void add(long[] totals, StatstreamClient.Reply reply) {
        if (reply.status() != 200) {
            throw new Refused("the warming", reply);
        }
        JsonNode summary = reply.body().get("summary");
        totals[0] += summary.get("items").asLong();
        totals[1] += summary.get("already_warm").asLong();
        totals[2] += summary.get("published").asLong();
        totals[3] += summary.get("rejected").asLong();
        totals[4] += summary.get("failed").asLong();
    }
}
