package io.statstream.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code statstream wait KEYS_FILE}: collect many results, showing progress until all are done. */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = {"Wait until every key of a file has its result and write the results as NDJSON.",
                "The file holds one key a line; the first word of each line is used, so the output of",
                "'statstream submit' can be given as it is. Exit status: 0 all done, 2 timed out."})
final class WaitCommand implements Callable<Integer> {
    private static final int KEYS_PER_LOOKUP = 10_000;
    private static final Duration LONG_POLL = Duration.ofSeconds(10);
    private static final Pattern CONTENT_KEY = Pattern.compile("[0-9a-f]{64}");

    @Mixin
    ApiOptions api;

    @Parameters(paramLabel = "KEYS_FILE", description = "File of keys, one a line.")
    Path keysFile;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the results (default: standard output).")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Set<String> waiting = new LinkedHashSet<>();
        for (String line : Files.readAllLines(keysFile, StandardCharsets.UTF_8)) {
            String key = line.strip().split("\\s+")[0];
            if (CONTENT_KEY.matcher(key).matches()) {
                waiting.add(key);
            }
        }
        StatstreamClient client = api.client();
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        try (OutputStream results = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(out), 1 << 16);
             ProgressBar progress = new ProgressBarBuilder().setTaskName("wait").setInitialMax(waiting.size())
                     .setUnit(" results", 1).showSpeed().build()) {
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                List<String> batch = waiting.stream().limit(KEYS_PER_LOOKUP).toList();
                StatstreamClient.Reply reply = client.lookup(batch, LONG_POLL); // the server holds it until results arrive
                if (reply.status() != 200) {
                    throw new Refused("a lookup", reply);
                }
                byte[] bytes = reply.bytes();
                DoneResults.forEach(bytes, (key, start, end) -> {
                    results.write(bytes, start, end - start); // as the server wrote it: one result a line
                    results.write('\n');
                    waiting.remove(key);
                    progress.step();
                });
                results.flush(); // a reader of standard output sees each lookup's results as they come
            }
        }
        if (!waiting.isEmpty()) {
            System.err.println(waiting.size() + " keys still without a result after " + timeoutSeconds + " s");
            return 2;
        }
        return 0;
    }
}
