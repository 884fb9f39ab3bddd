package io.statstream.store;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.statstream.model.key.CanonicalForm;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Request counts in Redis: one sorted set per hour (ZINCRBY per key, key as member, trimmed to the
 * {@link #KEPT_PER_HOUR} most requested), written together for a whole batch, and the canonical
 * form of each request that came again within the hour beside it. The top N of a window is the
 * current hour's counts added to the completed hours' (summed once an hour), a ZREVRANGE and an MGET.
 */
final class RedisHotKeys implements HotKeys {
    private final RedisClusterAsyncCommands<String, byte[]> redis;
    private final BatchConnection batches;
    private final String prefix;
    private final Clock clock;

    RedisHotKeys(RedisClusterAsyncCommands<String, byte[]> redis, BatchConnection batches, String prefix, Clock clock) {
        this.redis = redis;
        this.batches = batches;
        this.prefix = prefix;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> record(Collection<Counted> requests) {
        if (requests.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String bucket = bucketKey(HourBuckets.current(clock));
        List<CompletableFuture<?>> replies = batches.send(redis -> {
            List<CompletableFuture<?>> sent = new ArrayList<>(2 * requests.size() + 1);
            for (Counted counted : requests) {
                CanonicalForm form = counted.form();
                CompletableFuture<Double> hourCount = redis.zincrby(bucket, counted.count(),
                        form.key().hex().getBytes(StandardCharsets.US_ASCII)).toCompletableFuture();
                sent.add(hourCount);
                if (form.json().length() <= MAX_REPLAYABLE_BYTES) {
                    // Sent on the connection that flushes by itself: this batch's is flushed once, already.
                    sent.add(hourCount.thenCompose(count -> count < REPLAYABLE_FROM ? CompletableFuture.completedFuture(null)
                            : this.redis.set(formKey(form.key().hex()), form.jsonBytes(), SetArgs.Builder.ex(RETENTION))));
                }
            }
            sent.add(redis.zremrangebyrank(bucket, 0, -(KEPT_PER_HOUR + 1)).toCompletableFuture());
            sent.add(redis.expire(bucket, RETENTION).toCompletableFuture());
            return sent;
        });
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new));
    }

    @Override
    public CompletionStage<List<String>> top(int n, Duration window) {
        List<Long> hours = HourBuckets.lastWindow(clock, window);
        String current = bucketKey(hours.get(0));
        if (hours.size() == 1) {
            return formsOf(redis.zrevrange(current, 0, n - 1));
        }
        String union = prefix + "{hits}:union:" + UUID.randomUUID();
        return pastHours(hours.subList(1, hours.size()), hours.get(0) + 1)
                .thenCompose(past -> redis.zunionstore(union, past, current))
                // expires by itself even if a step below fails before the DEL
                .thenCompose(size -> redis.expire(union, Duration.ofMinutes(1)))
                .thenCompose(expiring -> formsOf(redis.zrevrange(union, 0, n - 1)
                        .whenComplete((members, failure) -> redis.del(union))));
    }

    /**
     * The counts of the window's completed hours, summed once an hour rather than at every call: a
     * completed hour no longer changes, so its sum is kept (trimmed like an hour, until the hour
     * turns) and a call only adds the current hour to it, two sets of at most
     * {@link #KEPT_PER_HOUR} instead of up to 168.
     */
    private CompletionStage<String> pastHours(List<Long> completed, long nextHour) {
        String past = prefix + "{hits}:past:" + completed.get(completed.size() - 1) + "-" + completed.get(0);
        return redis.exists(past).thenCompose(found -> found > 0 ? CompletableFuture.completedFuture(past)
                : redis.zunionstore(past, completed.stream().map(this::bucketKey).toArray(String[]::new))
                        .thenCompose(size -> redis.zremrangebyrank(past, 0, -(KEPT_PER_HOUR + 1)))
                        .thenCompose(trimmed -> redis.expireat(past, HourBuckets.start(nextHour)))
                        .thenApply(expiring -> past));
    }

    private CompletionStage<List<String>> formsOf(CompletionStage<List<byte[]>> ranked) {
        return ranked.thenCompose(members -> {
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

    /** Every hour's counts and the unions of them share one hash slot ({hits}), as ZUNIONSTORE needs in a Redis Cluster. */
    private String bucketKey(long hour) {
        return prefix + "{hits}:" + hour;
    }

    private String formKey(String hex) {
        return prefix + "request:" + hex;
    }
}
