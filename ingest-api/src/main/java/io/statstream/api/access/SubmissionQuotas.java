package io.statstream.api.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.statstream.store.RedisEndpoint;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Each client's share of submissions: a token bucket per client (Bucket4j), kept in Redis when
 * there is one so that every API instance draws on the same bucket, else in this process. A miss
 * (a request that will be computed) costs {@link #MISS_COST} tokens, a cache hit one: answering
 * from the store is cheap, computing is not. Limits are counted in misses per second; a client
 * may spend {@code burstSeconds} of them at once, so a large batch goes through whole. Its two
 * stores (Redis, this process) are each a few lines behind one policy, kept together on purpose.
 */
public final class SubmissionQuotas implements AutoCloseable {
    public static final int MISS_COST = 10;
    public static final int HIT_COST = 1;

    /**
     * What a take answered: whether the tokens were taken, what is left, and when to come back.
     * {@code limit} 0: the caller has no limit (an open API), and no headers are sent.
     */
    public record Grant(boolean allowed, long remainingSubmissions, long limit, Duration window, Duration retryAfter) {
        static final Grant UNLIMITED = new Grant(true, 0, 0, Duration.ZERO, Duration.ZERO);

        /** Adds {@code RateLimit-Policy} and {@code RateLimit}, and {@code Retry-After} when refused. */
        public void addHeaders(BiConsumer<String, String> header) {
            if (limit == 0) {
                return;
            }
            header.accept("RateLimit-Policy", policyHeader());
            header.accept("RateLimit", rateLimitHeader());
            if (!allowed) {
                header.accept("Retry-After", Long.toString(retryAfterSeconds()));
            }
        }

        /** {@code RateLimit-Policy}, as the IETF httpapi draft writes it: the quota and its window. */
        public String policyHeader() {
            return "\"submissions\";q=" + limit + ";w=" + window.toSeconds();
        }

        /** {@code RateLimit}: what is left, and in how many seconds the client may try again. */
        public String rateLimitHeader() {
            return "\"submissions\";r=" + remainingSubmissions + ";t=" + retryAfterSeconds();
        }

        public long retryAfterSeconds() {
            return Math.max(allowed ? 0 : 1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final long defaultPerSecond;
    private final int burstSeconds;
    private final Backend backend; // null: no limits

    private SubmissionQuotas(long defaultPerSecond, int burstSeconds, Backend backend) {
        this.defaultPerSecond = defaultPerSecond;
        this.burstSeconds = burstSeconds;
        this.backend = backend;
    }

    /** No limits: the API runs open, and every caller is the same anonymous one. */
    public static SubmissionQuotas none() {
        return new SubmissionQuotas(0, 0, null);
    }

    /** Buckets in this process: one API instance, or no Redis. */
    public static SubmissionQuotas local(long defaultPerSecond, int burstSeconds) {
        return new SubmissionQuotas(defaultPerSecond, burstSeconds, new LocalBuckets());
    }

    /** Buckets in Redis, shared by every API instance that uses it; the client stays the caller's to close. */
    public static SubmissionQuotas shared(RedisEndpoint.Client redis, String keyPrefix, long defaultPerSecond, int burstSeconds) {
        return new SubmissionQuotas(defaultPerSecond, burstSeconds, new RedisBuckets(redis, keyPrefix, Duration.ofSeconds(burstSeconds)));
    }

    /** Takes the cost of {@code hits} cache hits and {@code misses} computations from the caller's bucket, or none of it. */
    public CompletionStage<Grant> take(Caller caller, long hits, long misses) {
        if (backend == null) {
            return CompletableFuture.completedFuture(Grant.UNLIMITED);
        }
        long perSecond = caller.submissionsPerSecond().orElse(defaultPerSecond);
        long capacity = perSecond * burstSeconds * MISS_COST;
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(perSecond * MISS_COST, Duration.ofSeconds(1)).build())
                .build();
        long tokens = hits * HIT_COST + misses * MISS_COST;
        // The rate is part of the bucket's name: a client whose rate changes starts a bucket of the new size.
        String bucket = caller.name() + ":" + perSecond;
        return backend.take(bucket, configuration, tokens).thenApply(probe -> new Grant(probe.isConsumed(),
                probe.getRemainingTokens() / MISS_COST, perSecond * burstSeconds, Duration.ofSeconds(burstSeconds),
                Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    @Override
    public void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private sealed interface Backend extends AutoCloseable permits LocalBuckets, RedisBuckets {
        CompletionStage<ConsumptionProbe> take(String bucket, BucketConfiguration configuration, long tokens);

        @Override
        void close();
    }

    /** Bounded: one bucket per configured client and rate. */
    private static final class LocalBuckets implements Backend {
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        @Override
        public CompletionStage<ConsumptionProbe> take(String bucket, BucketConfiguration configuration, long tokens) {
            Bucket local = buckets.computeIfAbsent(bucket, name -> Bucket.builder()
                    .addLimit(configuration.getBandwidths()[0]).build());
            return CompletableFuture.completedFuture(local.tryConsumeAndReturnRemaining(tokens));
        }

        @Override
        public void close() {
            buckets.clear();
        }
    }

    private static final class RedisBuckets implements Backend {
        private final RedisEndpoint.Connection<String, byte[]> connection;
        private final AsyncProxyManager<String> buckets;
        private final Map<String, AsyncBucketProxy> proxies = new ConcurrentHashMap<>(); // one per client and rate
        private final String keyPrefix;

        RedisBuckets(RedisEndpoint.Client redis, String keyPrefix, Duration burst) {
            this.connection = redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            this.keyPrefix = keyPrefix + "quota:";
            // A bucket's key ends once the bucket would be full again: an idle client leaves nothing behind.
            ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(burst);
            this.buckets = (connection.stateful() instanceof StatefulRedisClusterConnection<String, byte[]> cluster
                    ? Bucket4jLettuce.casBasedBuilder(cluster).expirationAfterWrite(expiry).build()
                    : Bucket4jLettuce.casBasedBuilder((StatefulRedisConnection<String, byte[]>) connection.stateful())
                            .expirationAfterWrite(expiry).build()).asAsync();
        }

        @Override
        public CompletionStage<ConsumptionProbe> take(String bucket, BucketConfiguration configuration, long tokens) {
            // One proxy per bucket, kept: its batching merges the takes that arrive together into one
            // round trip. A proxy per take sent each alone, and concurrent takes of one client then
            // kept failing each other's compare-and-swap (3,500 cached POSTs/s instead of 43,000).
            return proxies.computeIfAbsent(bucket, name -> buckets.builder().withOptimization(Optimizations.batching())
                            .build(keyPrefix + name, () -> CompletableFuture.completedFuture(configuration)))
                    .tryConsumeAndReturnRemaining(tokens);
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
