package io.statstream.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk (Debian's package) against a URL, cycling through the given paths, and reads back
 * requests per second and latency percentiles (p50, p99, p99.9, from wrk's own histogram).
 */
final class Wrk {
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, double p999Millis, long errors) {
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("P(50|99|999) ([0-9.]+)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private Wrk() {
    }

    static Result run(String baseUrl, List<String> paths, int connections, int seconds) throws IOException, InterruptedException {
        Path script = Files.createTempFile("wrk-paths", ".lua");
        StringBuilder lua = new StringBuilder("paths = {");
        for (String path : paths) {
            lua.append('"').append(path).append("\",");
        }
        lua.append("}\ni = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n")
                .append("done = function(summary, latency, requests)\n")
                .append("  io.write(string.format(\"P50 %.3f\\nP99 %.3f\\nP999 %.3f\\n\", latency:percentile(50)/1000,")
                .append(" latency:percentile(99)/1000, latency:percentile(99.9)/1000))\nend\n");
        Files.writeString(script, lua.toString(), StandardCharsets.UTF_8);
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "-s", script.toString(), baseUrl)
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher rate = RATE.matcher(output);
        if (!rate.find()) {
            throw new IOException("wrk printed no rate:\n" + output);
        }
        double p50 = 0;
        double p99 = 0;
        double p999 = 0;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double value = Double.parseDouble(percentile.group(2));
            switch (percentile.group(1)) {
                case "50" -> p50 = value;
                case "99" -> p99 = value;
                default -> p999 = value;
            }
        }
        Matcher errors = ERRORS.matcher(output);
        return new Result(Double.parseDouble(rate.group(1)), p50, p99, p999, errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }
}
