package io.statstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** {@code statstream submit FILE}: fire-and-forget bulk submission, with progress and rate. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submit every request of an NDJSON file (one request a line) through the batch endpoint.",
                "Writes one line per request: its key and state (pending, done or rejected), in file order."})
final class SubmitCommand implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @Parameters(paramLabel = "FILE", description = "NDJSON file of requests.")
    Path file;

    @Option(names = "--keys", paramLabel = "KEYS_FILE", description = "Where to write the keys and states (default: standard output).")
    Path keysFile;

    @Option(names = "--chunk", defaultValue = "5000", description = "Requests per HTTP call (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--in-flight", defaultValue = "4", description = "Calls sent before the first is answered (default: ${DEFAULT-VALUE}).")
    int inFlight;

    @Override
    public Integer call() throws Exception {
        StatstreamClient client = api.client();
        long total = NdjsonFile.countLines(file);
        Summary summary = new Summary();
        try (PrintWriter out = keysFile == null
                ? new PrintWriter(System.out, true, StandardCharsets.UTF_8)
                : new PrintWriter(Files.newBufferedWriter(keysFile, StandardCharsets.UTF_8));
             ProgressBar progress = new ProgressBarBuilder().setTaskName("submit").setInitialMax(total)
                     .setUnit(" req", 1).showSpeed().build()) {
            // The next call is on its way while the server works on the last: it reads, publishes and
            // answers one call's chunks in turn, waiting on the broker between them.
            Deque<Sent> sent = new ArrayDeque<>();
            NdjsonFile.forEachChunk(file, chunk, lines -> {
                if (sent.size() == inFlight) {
                    collect(sent.poll(), out, summary, progress);
                }
                sent.add(new Sent(lines.size(), client.postNdjson("v1/analyses/batch", String.join("\n", lines))));
            });
            while (!sent.isEmpty()) {
                collect(sent.poll(), out, summary, progress);
            }
        }
        System.err.println(summary);
        return summary.failed > 0 ? 1 : 0;
    }

    /** A call on its way: how many requests it carries, and its reply to come. */
    private record Sent(int requests, CompletableFuture<StatstreamClient.Reply> reply) {
    }

    /** Waits for a call's reply and writes its items, in file order. */
    private static void collect(Sent sent, PrintWriter out, Summary summary, ProgressBar progress) {
        StatstreamClient.Reply reply = StatstreamClient.await(sent.reply());
        if (reply.status() != 200) {
            throw new Refused("the batch", reply);
        }
        for (JsonNode item : reply.body().get("items")) {
            summary.count(item.get("state").asText());
            out.println(item.path("key").asText("-") + " " + item.get("state").asText());
        }
        progress.stepBy(sent.requests());
    }

    private static final class Summary {
        long pending;
        long done;
        long rejected;
        long failed;

        void count(String state) {
            switch (state) {
                case "pending" -> pending++;
                case "done" -> done++;
                case "rejected" -> rejected++;
                default -> failed++;
            }
        }

        @Override
        public String toString() {
            return "submitted " + (pending + done + rejected + failed) + ": " + pending + " pending, " + done
                    + " already done, " + rejected + " rejected, " + failed + " failed (send those again)";
        }
    }
}
