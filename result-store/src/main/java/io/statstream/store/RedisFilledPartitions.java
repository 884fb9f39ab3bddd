package io.statstream.store;

import io.lettuce.core.KeyValue;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One key per partition, without expiry: {@code <prefix>filled:<partition>}. */
final class RedisFilledPartitions implements FilledPartitions {
    private static final byte[] MARK = "1".getBytes(StandardCharsets.US_ASCII);

    private final RedisClusterAsyncCommands<String, byte[]> redis;
    private final String prefix;

    RedisFilledPartitions(RedisClusterAsyncCommands<String, byte[]> redis, String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix + "filled:";
    }

    @Override
    public CompletionStage<Set<Integer>> unmarked(Collection<Integer> partitions) {
        if (partitions.isEmpty()) {
            return CompletableFuture.completedFuture(Set.of());
        }
        List<Integer> asked = List.copyOf(partitions);
        return redis.mget(asked.stream().map(partition -> prefix + partition).toArray(String[]::new))
                .thenApply(marks -> {
                    Set<Integer> unmarked = new HashSet<>();
                    for (int i = 0; i < asked.size(); i++) {
                        KeyValue<String, byte[]> mark = marks.get(i);
                        if (!mark.hasValue()) {
                            unmarked.add(asked.get(i));
                        }
                    }
                    return unmarked;
                });
    }

    @Override
    public CompletionStage<Void> mark(Collection<Integer> partitions) {
        if (partitions.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, byte[]> marks = new LinkedHashMap<>();
        partitions.forEach(partition -> marks.put(prefix + partition, MARK));
        return redis.mset(marks).thenApply(ok -> null);
    }
}
