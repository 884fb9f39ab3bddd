package io.statstream.api.access;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.statstream.model.key.ContentKey;
import io.statstream.store.RedisEndpoint;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each client's accepted analyses that are not done yet, capped: a client may not pile up more
 * unfinished work than its share, however slowly it submits. Kept per client as the accepted keys
 * with their time (a sorted set in Redis, shared by every API instance, or a map in this
 * process); keys the store shows done are dropped when the count nears the cap, and every key
 * after the pending marks' lifetime. Both stores (Redis, this process) sit behind one policy here.
 */
public final class UnfinishedWork implements AutoCloseable {
    /** Keys checked against the store at a time, oldest first, when a client is at its cap. */
    private static final int PRUNE_BATCH = 1_000;

    private final int maxPerClient;
    private final Duration keptFor;
    private final Clock clock;
    private final Backend backend; // null: no cap

    private UnfinishedWork(int maxPerClient, Duration keptFor, Clock clock, Backend backend) {
        this.maxPerClient = maxPerClient;
        this.keptFor = keptFor;
        this.clock = clock;
        this.backend = backend;
    }

    public static UnfinishedWork none() {
        return new UnfinishedWork(Integer.MAX_VALUE, Duration.ZERO, Clock.systemUTC(), null);
    }

    public static UnfinishedWork local(int maxPerClient, Duration keptFor) {
        return new UnfinishedWork(maxPerClient, keptFor, Clock.systemUTC(), new LocalSets());
    }

    /** Kept in Redis, shared by every API instance that uses it; the client stays the caller's to close. */
    public static UnfinishedWork shared(RedisEndpoint.Client redis, String keyPrefix, int maxPerClient, Duration keptFor) {
        return new UnfinishedWork(maxPerClient, keptFor, Clock.systemUTC(), new RedisSets(redis, keyPrefix + "unfinished:"));
    }

    public int maxPerClient() {
        return maxPerClient;
    }

    /**
     * How many analyses the caller has unfinished if {@code more} are added, or empty when that
     * stays within its share. At the cap, first drops the oldest keys that {@code done} says are done.
     */
    public CompletionStage<Optional<Long>> overShareWith(Caller caller, int more,
                                                         Function<List<ContentKey>, CompletionStage<List<Boolean>>> done) {
        if (backend == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String client = caller.name();
        long expired = clock.millis() - keptFor.toMillis();
        return backend.count(client, expired).thenCompose(count -> count + more <= maxPerClient
                ? CompletableFuture.completedFuture(Optional.<Long>empty())
                : backend.oldest(client, PRUNE_BATCH).thenCompose(oldest -> done.apply(oldest).thenCompose(stored -> {
                    List<ContentKey> finished = new ArrayList<>();
                    for (int i = 0; i < oldest.size(); i++) {
                        if (stored.get(i)) {
                            finished.add(oldest.get(i));
                        }
                    }
                    return backend.remove(client, finished).thenCompose(removed -> backend.count(client, expired));
                }).thenApply(left -> left + more <= maxPerClient ? Optional.<Long>empty() : Optional.of(left))));
    }

    /** Counts the keys as the caller's until they are done. */
    public CompletionStage<Void> accepted(Caller caller, Collection<ContentKey> keys) {
        return backend == null || keys.isEmpty() ? CompletableFuture.completedFuture(null)
                : backend.add(caller.name(), keys, clock.millis(), keptFor);
    }

    @Override
    public void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private sealed interface Backend extends AutoCloseable permits LocalSets, RedisSets {
        /** The client's keys, after dropping those accepted before {@code expiredBefore} (epoch millis). */
        CompletionStage<Long> count(String client, long expiredBefore);

        CompletionStage<List<ContentKey>> oldest(String client, int n);

        CompletionStage<Void> remove(String client, List<ContentKey> keys);

        CompletionStage<Void> add(String client, Collection<ContentKey> keys, long nowMillis, Duration keptFor);

        @Override
        void close();
    }

    /** One insertion-ordered map per configured client. */
    private static final class LocalSets implements Backend {
        private final Map<String, LinkedHashMap<ContentKey, Long>> byClient = new ConcurrentHashMap<>();

        private LinkedHashMap<ContentKey, Long> of(String client) {
            return byClient.computeIfAbsent(client, name -> new LinkedHashMap<>());
        }

        @Override
        public CompletionStage<Long> count(String client, long expiredBefore) {
            LinkedHashMap<ContentKey, Long> keys = of(client);
            synchronized (keys) {
                keys.values().removeIf(at -> at < expiredBefore);
                return CompletableFuture.completedFuture((long) keys.size());
            }
        }

        @Override
        public CompletionStage<List<ContentKey>> oldest(String client, int n) {
            LinkedHashMap<ContentKey, Long> keys = of(client);
            synchronized (keys) {
                return CompletableFuture.completedFuture(keys.keySet().stream().limit(n).toList());
            }
        }

        @Override
        public CompletionStage<Void> remove(String client, List<ContentKey> done) {
            LinkedHashMap<ContentKey, Long> keys = of(client);
            synchronized (keys) {
                done.forEach(keys::remove);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> add(String client, Collection<ContentKey> added, long nowMillis, Duration keptFor) {
            LinkedHashMap<ContentKey, Long> keys = of(client);
            synchronized (keys) {
                added.forEach(key -> keys.putIfAbsent(key, nowMillis));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            byClient.clear();
        }
    }

    private static final class RedisSets implements Backend {
        private final RedisEndpoint.Connection<String, String> connection;
        private final RedisClusterAsyncCommands<String, String> redis;
        private final String prefix;

        RedisSets(RedisEndpoint.Client redis, String prefix) {
            this.connection = redis.connect(StringCodec.UTF8);
            this.redis = connection.commands();
            this.prefix = prefix;
        }

        @Override
        public CompletionStage<Long> count(String client, long expiredBefore) {
            String key = prefix + client;
            return redis.zremrangebyscore(key, Range.create(Double.NEGATIVE_INFINITY, (double) expiredBefore))
                    .thenCompose(dropped -> redis.zcard(key));
        }

        @Override
        public CompletionStage<List<ContentKey>> oldest(String client, int n) {
            return redis.zrangebyscore(prefix + client, Range.unbounded(), Limit.create(0, n))
                    .thenApply(members -> members.stream().map(hex -> ContentKey.parse(hex).orElseThrow()).toList());
        }

        @Override
        public CompletionStage<Void> remove(String client, List<ContentKey> done) {
            return done.isEmpty() ? CompletableFuture.completedFuture(null)
                    : redis.zrem(prefix + client, done.stream().map(ContentKey::hex).toArray(String[]::new)).thenApply(n -> null);
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<Void> add(String client, Collection<ContentKey> keys, long nowMillis, Duration keptFor) {
            String key = prefix + client;
            ScoredValue<String>[] members = keys.stream().map(k -> ScoredValue.just((double) nowMillis, k.hex()))
                    .toArray(ScoredValue[]::new);
            // NX: a key sent again keeps its first time, so it ends with its pending mark.
            return redis.zadd(key, io.lettuce.core.ZAddArgs.Builder.nx(), members)
                    .thenCompose(added -> redis.expire(key, keptFor)).thenApply(set -> null);
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
