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
import java.util.concurrent.Callable;

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
            NdjsonFile.forEachChunk(file, chunk, lines -> {
                StatstreamClient.Reply reply = client.postNdjson("v1/analyses/batch", String.join("\n", lines));
                if (reply.status() != 200) {
                    throw new IllegalStateException("the batch was refused (" + reply.status() + "): " + reply.text());
                }
                for (JsonNode item : reply.body().get("items")) {
                    summary.count(item.get("state").asText());
                    out.println(item.path("key").asText("-") + " " + item.get("state").asText());
                }
                progress.stepBy(lines.size());
            });
        }
        System.err.println(summary);
        return summary.failed > 0 ? 1 : 0;
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
