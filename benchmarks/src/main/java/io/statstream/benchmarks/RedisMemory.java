package io.statstream.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.statstream.launcher.LocalPipeline;
import io.statstream.runtime.SharedSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Scenario 7: Redis memory per stored result, from MEMORY USAGE of the result keys, and of the
 * same values stored compressed (deflate level 1) under another prefix, plus the whole footprint
 * per analysis (INFO used_memory, pending marks and request counts included).
 */
@Command(name = "redis-memory", mixinStandardHelpOptions = true,
        description = "Redis bytes per stored result, plain and compressed, and per analysis in all.")
final class RedisMemory implements Callable<Integer> {
    @Option(names = "--results", defaultValue = "10000", description = "Results stored (default: ${DEFAULT-VALUE}).")
    int results;

    @Override
    public Integer call() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"))) {
            String url = pipeline.redis().orElseThrow(() -> new IllegalStateException("needs a redis-server")).url();
            RedisClient client = RedisClient.create(url);
            try (StatefulRedisConnection<String, byte[]> connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
                RedisCommands<String, byte[]> redis = connection.sync();
                long before = usedMemory(redis);
                long run = System.nanoTime();
                List<String> requests = new ArrayList<>();
                for (int i = 0; i < results; i++) {
                    requests.add(Workload.typicalRequest(run, i));
                }
                Map<String, String> stored = Workload.storeAll(pipeline.apiUri(), requests);
                long after = usedMemory(redis);

                long plain = 0;
                long compressed = 0;
                long valueBytes = 0;
                long compressedValueBytes = 0;
                for (String key : stored.keySet()) {
                    String resultKey = SharedSettings.DEFAULT_REDIS_KEY_PREFIX + "result:" + key;
                    byte[] value = redis.get(resultKey);
                    byte[] deflated = deflate(value);
                    redis.set("bench:deflated:" + key, deflated);
                    plain += redis.memoryUsage(resultKey);
                    compressed += redis.memoryUsage("bench:deflated:" + key);
                    valueBytes += value.length;
                    compressedValueBytes += deflated.length;
                }
                int n = stored.size();
                Report report = new Report("redis-memory")
                        .row("results stored", Integer.toString(n), "typical: descriptive, 30 values")
                        .row("envelope JSON, mean", (valueBytes / n) + " B", "deflated: " + (compressedValueBytes / n) + " B")
                        .row("MEMORY USAGE per result key", (plain / n) + " B", "with its TTL")
                        .row("same value deflated (level 1)", (compressed / n) + " B", "measured, stored under another prefix")
                        .row("INFO used_memory per analysis", ((after - before) / n) + " B", "result, pending mark, request count and form")
                        .row("per 1,000 results (result keys only)", String.format("%.2f MB", plain / (double) n * 1000 / 1e6), "target <= 1 MB")
                        .figure("results", n).figure("envelope_bytes_mean", valueBytes / n)
                        .figure("deflated_bytes_mean", compressedValueBytes / n)
                        .figure("memory_usage_per_result", plain / n).figure("memory_usage_per_result_deflated", compressed / n)
                        .figure("used_memory_per_analysis", (after - before) / n);
                report.print();
                report.write();
            } finally {
                client.shutdown();
            }
        }
        return 0;
    }

    private static long usedMemory(RedisCommands<String, byte[]> redis) {
        Matcher used = Pattern.compile("used_memory:(\\d+)").matcher(redis.info("memory"));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    private static byte[] deflate(byte[] value) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(1))) {
            deflater.write(value);
        }
        return out.toByteArray();
    }
}
