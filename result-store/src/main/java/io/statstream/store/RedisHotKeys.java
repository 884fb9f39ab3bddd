package io.statstream.store;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.statstream.model.key.CanonicalForm;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Request counts in Redis: one sorted set per hour (ZINCRBY per request, key as member), and the
 * canonical form of each counted request beside it. The top N of a window is a ZUNIONSTORE of its
 * hours, a ZREVRANGE and an MGET.
 */
final class RedisHotKeys implements HotKeys {
    private final RedisAsyncCommands<String, byte[]> redis;
    private final String prefix;
    private final Clock clock;

    RedisHotKeys(RedisAsyncCommands<String, byte[]> redis, String prefix, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> record(CanonicalForm form, long requests) {
        String bucket = bucketKey(HourBuckets.current(clock));
        byte[] member = form.key().hex().getBytes(StandardCharsets.US_ASCII);
        // Pipelined on the shared connection: one round trip for all three.
        var counted = redis.zincrby(bucket, requests, member).toCompletableFuture();
        var expiring = redis.expire(bucket, RETENTION).toCompletableFuture();
        CompletableFuture<?> remembered = form.json().length() <= MAX_REPLAYABLE_BYTES
                ? redis.set(formKey(form.key().hex()), form.jsonBytes(), SetArgs.Builder.ex(RETENTION)).toCompletableFuture()
                : CompletableFuture.completedFuture(null);
        return CompletableFuture.allOf(counted, expiring, remembered);
    }

    @Override
    public CompletionStage<List<String>> top(int n, Duration window) {
        String[] buckets = HourBuckets.lastWindow(clock, window).stream().map(this::bucketKey).toArray(String[]::new);
        String union = prefix + "hits:union:" + UUID.randomUUID();
        return redis.zunionstore(union, buckets)
                // expires by itself even if a step below fails before the DEL
                .thenCompose(size -> redis.expire(union, Duration.ofMinutes(1)))
                .thenCompose(expiring -> redis.zrevrange(union, 0, n - 1))
                .thenCompose(members -> {
                    redis.del(union);
                    if (members.isEmpty()) {
                        return CompletableFuture.completedFuture(List.<KeyValue<String, byte[]>>of());
                    }
                    String[] keys = members.stream()
                            .map(member -> formKey(new String(member, StandardCharsets.US_ASCII)))
                            .toArray(String[]::new);
                    return redis.mget(keys);
                })
                .thenApply(values -> values.stream()
                        .filter(KeyValue::hasValue)
                        .map(value -> new String(value.getValue(), StandardCharsets.UTF_8))
                        .toList());
    }

    private String bucketKey(long hour) {
        return prefix + "hits:" + hour;
    }

    private String formKey(String hex) {
        return prefix + "request:" + hex;
    }
}
