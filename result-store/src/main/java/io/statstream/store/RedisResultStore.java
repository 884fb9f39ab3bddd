package io.statstream.store;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.statstream.model.key.ContentKey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Results in Redis through one Lettuce connection, which pipelines every caller's commands. While
 * Redis is unreachable, commands fail at once instead of queueing ({@code REJECT_COMMANDS}), so the
 * API answers 503 in milliseconds, and Lettuce reconnects by itself when Redis is back.
 * Long because it is the one owner of the connection behind every role of {@link ResultStore}:
 * each operation is a few lines, and they share the key layout.
 */
public final class RedisResultStore implements ResultStore {
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    private static final byte[] PENDING_MARK = {'1'};

    private final RedisEndpoint.Client client;
    private final ClientResources resources;
    private final RedisEndpoint.Connection<String, byte[]> connection;
    private final RedisClusterAsyncCommands<String, byte[]> redis;
    private final BatchConnection batches;
    private final ResultStoreOptions options;
    private final String description;
    /** A cluster spreads one batch's commands over its nodes' connections, and keeps no order between them. */
    private final boolean cluster;
    private final Set<Consumer<ContentKey>> listeners = new CopyOnWriteArraySet<>();
    private final AggregatedHotKeys hotKeys;
    private final RedisFilledPartitions filledPartitions;
    private AutoCloseable subscription; // opened with the first listener

    private RedisResultStore(RedisEndpoint.Client client, ClientResources resources, RedisEndpoint.Connection<String, byte[]> connection,
                             BatchConnection batches, ResultStoreOptions options, boolean cluster, String description) {
        this.client = client;
        this.resources = resources;
        this.connection = connection;
        this.redis = connection.commands();
        this.batches = batches;
        this.options = options;
        this.hotKeys = new AggregatedHotKeys(new RedisHotKeys(redis, batches, options.keyPrefix(), Clock.systemUTC()));
        this.filledPartitions = new RedisFilledPartitions(redis, options.keyPrefix());
        this.cluster = cluster;
        this.description = description;
    }

    /** Connects to Redis; throws when it cannot, so a service does not start against a missing store. */
    public static RedisResultStore connect(RedisEndpoint endpoint, ResultStoreOptions options, MeterRegistry registry) {
        // Reconnect attempts back off to at most a few seconds, not Lettuce's default 30 s, so
        // results flow again soon after Redis is back.
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .commandLatencyRecorder(new CommandCompletionTimers(registry))
                .build();
        RedisEndpoint.Client client = endpoint.client(resources);
        try {
            RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
            RedisURI uri = endpoint.uri();
            return new RedisResultStore(client, resources, client.connect(codec), new BatchConnection(client.connect(codec)),
                    options, endpoint.cluster(), (uri.isSsl() ? "rediss" : "redis") + (endpoint.cluster() ? "-cluster" : "") + "://"
                            + uri.getHost() + ":" + uri.getPort());
        } catch (RuntimeException e) {
            client.close();
            resources.shutdown();
            throw e;
        }
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(ContentKey key) {
        return redis.get(options.resultKey(key.hex())).thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<List<Optional<byte[]>>> getAll(List<ContentKey> keys) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String[] redisKeys = keys.stream().map(key -> options.resultKey(key.hex())).toArray(String[]::new);
        return redis.mget(redisKeys).thenApply(values -> values.stream()
                .map(value -> value.hasValue() ? Optional.of(value.getValue()) : Optional.<byte[]>empty())
                .toList());
    }

    @Override
    public CompletionStage<List<KeyState>> states(List<ContentKey> keys) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        // Marks before results: the sink stores a result before it ends the mark, so a key whose
        // mark is gone by the first read shows its result in the second, never "unknown". One
        // server runs one connection's commands in order, so both leave together (one round
        // trip); a cluster keeps no order between its nodes, so there the results are asked once
        // the marks have answered.
        String[] markKeys = keys.stream().map(key -> options.pendingKey(key.hex())).toArray(String[]::new);
        CompletionStage<List<KeyValue<String, byte[]>>> marks = redis.mget(markKeys);
        CompletionStage<List<Optional<byte[]>>> results = cluster ? marks.thenCompose(marked -> getAll(keys)) : getAll(keys);
        return marks.thenCombine(results, (marked, stored) -> {
            List<KeyState> states = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                states.add(stored.get(i).<KeyState>map(KeyState.Done::new)
                        .orElse(marked.get(i).hasValue() ? KeyState.PENDING : KeyState.UNKNOWN));
            }
            return states;
        });
    }

    @Override
    public CompletionStage<List<Optional<Duration>>> remainingTtl(List<ContentKey> keys) {
        // One PTTL per key, flushed together: one round trip.
        return batches.sendEach(keys, (redis, key) -> redis.pttl(options.resultKey(key.hex())))
                .thenApply(ttls -> ttls.stream()
                        .map(ttl -> ttl >= 0 ? Optional.of(Duration.ofMillis(ttl)) : Optional.<Duration>empty())
                        .toList());
    }

    @Override
    public HotKeys hotKeys() {
        return hotKeys;
    }

    @Override
    public FilledPartitions filledPartitions() {
        return filledPartitions;
    }

    @Override
    public CompletionStage<List<Boolean>> containsAll(List<ContentKey> keys) {
        // EXISTS of many keys only counts them: one EXISTS per key, flushed together.
        return batches.sendEach(keys, (redis, key) -> redis.exists(options.resultKey(key.hex())))
                .thenApply(counts -> counts.stream().map(count -> count > 0).toList());
    }

    @Override
    public CompletionStage<Void> putAll(List<TimedResult> results) {
        Instant now = Instant.now();
        List<String> stored = new ArrayList<>(results.size());
        List<CompletableFuture<?>> replies = batches.send(redis -> {
            List<CompletableFuture<?>> sent = new ArrayList<>(results.size() + 1);
            for (TimedResult result : results) {
                Duration left = options.remainingTtl(result.envelopeJson(), result.since(), now);
                if (left.toMillis() > 0) { // none left: already expired, nothing to store
                    sent.add(redis.set(options.resultKey(result.key().hex()), result.envelopeJson(),
                            SetArgs.Builder.px(left.toMillis())).toCompletableFuture());
                    stored.add(result.key().hex());
                }
            }
            // A stored result ends its key's pending mark, however long the key waited.
            if (!stored.isEmpty()) {
                sent.add(redis.unlink(stored.stream().map(options::pendingKey).toArray(String[]::new)).toCompletableFuture());
                // One server runs one connection's commands in order: the notice, behind the
                // values on the same connection, reaches no waiter before its value is written.
                if (!cluster) {
                    sent.add(redis.publish(options.storedChannel(), storedNotice(stored)).toCompletableFuture());
                }
            }
            return sent;
        });
        CompletableFuture<Void> written = CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new));
        // In a cluster the notice and the values travel on different connections, and a waiter
        // woken before its value was written read nothing and answered 202 (RedisClusterIT, once):
        // there the notice leaves once every node has acknowledged its values.
        return !cluster || stored.isEmpty() ? written
                : written.thenCompose(values -> redis.publish(options.storedChannel(), storedNotice(stored))).thenApply(published -> null);
    }

    /** One notice names every stored key, one per line. */
    private static byte[] storedNotice(List<String> storedKeys) {
        return String.join("\n", storedKeys).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public CompletionStage<Void> markPending(Collection<ContentKey> keys) {
        // Not NX: every acceptance restarts the clock, so a later submission stays pending as long.
        SetArgs expiring = SetArgs.Builder.ex(options.pendingTtl());
        return batches.sendEach(keys, (redis, key) -> redis.set(options.pendingKey(key.hex()), PENDING_MARK, expiring))
                .thenApply(replies -> null);
    }

    @Override
    public CompletionStage<Void> unmarkPending(Collection<ContentKey> keys) {
        // On the marks' own connection: sent after them, it runs after them.
        return batches.send(redis -> redis.unlink(keys.stream().map(key -> options.pendingKey(key.hex())).toArray(String[]::new)))
                .thenApply(removed -> null);
    }

    @Override
    public synchronized AutoCloseable onStored(Consumer<ContentKey> listener) {
        if (subscription == null) {
            subscription = client.subscribe(options.storedChannel(), message -> message.lines().map(ContentKey::parse)
                    .flatMap(Optional::stream).forEach(key -> listeners.forEach(l -> l.accept(key))));
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletionStage<Void> ping() {
        return redis.ping().thenApply(pong -> null);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (subscription != null) {
                try {
                    subscription.close();
                } catch (Exception e) {
                    // closing anyway
                }
            }
        }
        hotKeys.close(); // its last counts leave before the connections close
        batches.close();
        connection.close();
        client.close();
        resources.shutdown();
    }
}
