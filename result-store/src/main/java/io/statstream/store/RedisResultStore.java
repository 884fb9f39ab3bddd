package io.statstream.store;

import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
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
    /**
     * What a result's key holds while the result is on its way: one byte, where every envelope is
     * a JSON object. One key per analysis, so one read says done, pending or unknown, and storing
     * the result ends the mark without a second command (the separate marks' SET and UNLINK were
     * a third of Redis's commands in a bulk, BENCHMARKS.md, session 17).
     */
    private static final byte[] PENDING_MARK = {'1'};
    /** Deletes a key only while it holds the pending mark: withdrawing never removes a result. */
    private static final String WITHDRAW_MARK = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

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
        return redis.get(options.resultKey(key.hex())).thenApply(value -> isResult(value) ? Optional.of(value) : Optional.empty());
    }

    @Override
    public CompletionStage<List<Optional<byte[]>>> getAll(List<ContentKey> keys) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return values(keys).thenApply(values -> values.stream()
                .map(value -> isResult(value) ? Optional.of(value) : Optional.<byte[]>empty())
                .toList());
    }

    @Override
    public CompletionStage<List<KeyState>> states(List<ContentKey> keys) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return values(keys).thenApply(values -> values.stream().map(RedisResultStore::state).toList());
    }

    /** The values of the keys' result keys, in order, null where there is none. */
    private CompletionStage<List<byte[]>> values(List<ContentKey> keys) {
        String[] redisKeys = keys.stream().map(key -> options.resultKey(key.hex())).toArray(String[]::new);
        return redis.mget(redisKeys).thenApply(values -> values.stream().map(value -> value.getValueOrElse(null)).toList());
    }

    private static KeyState state(byte[] value) {
        if (value == null) {
            return KeyState.UNKNOWN;
        }
        return isResult(value) ? new KeyState.Done(value) : KeyState.PENDING;
    }

    private static boolean isResult(byte[] value) {
        return value != null && value.length > PENDING_MARK.length;
    }

    @Override
    public CompletionStage<List<Optional<Duration>>> remainingTtl(List<ContentKey> keys) {
        // A PTTL and a STRLEN per key (a pending mark has a time to live too), flushed together: one round trip.
        return batches.sendEach(keys, (redis, key) -> redis.pttl(options.resultKey(key.hex()))
                        .thenCombine(redis.strlen(options.resultKey(key.hex())),
                                (ttl, length) -> ttl >= 0 && length > PENDING_MARK.length ? Optional.of(Duration.ofMillis(ttl)) : Optional.<Duration>empty()));
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
        // The length tells a result from a pending mark without transferring either: one STRLEN
        // per key (EXISTS of many keys only counts them), flushed together.
        return batches.sendEach(keys, (redis, key) -> redis.strlen(options.resultKey(key.hex())))
                .thenApply(lengths -> lengths.stream().map(length -> length > PENDING_MARK.length).toList());
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
            // A stored result replaced its key's pending mark, however long the key waited. One
            // server runs one connection's commands in order: the notice, behind the values on the
            // same connection, reaches no waiter before its value is written.
            if (!stored.isEmpty() && !cluster) {
                sent.add(redis.publish(options.storedChannel(), storedNotice(stored)).toCompletableFuture());
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
        // NX: in the result's own key, a mark must never replace a stored result. So a later
        // acceptance of a key still pending does not restart its clock (of a day by default).
        SetArgs markOnly = SetArgs.Builder.nx().ex(options.pendingTtl());
        return batches.sendEach(keys, (redis, key) -> redis.set(options.resultKey(key.hex()), PENDING_MARK, markOnly))
                .thenApply(replies -> null);
    }

    @Override
    public CompletionStage<Void> unmarkPending(Collection<ContentKey> keys) {
        // On the marks' own connection: sent after them, it runs after them.
        return batches.sendEach(keys, (redis, key) -> redis.<Long>eval(WITHDRAW_MARK, ScriptOutputType.INTEGER,
                        new String[] {options.resultKey(key.hex())}, PENDING_MARK))
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
