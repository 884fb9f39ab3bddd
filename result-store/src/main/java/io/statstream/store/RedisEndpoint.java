package io.statstream.store;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where Redis is: one server ({@code redis://}, {@code rediss://}) or a Redis Cluster
 * ({@code redis-cluster://} or {@code rediss-cluster://} and any of its nodes), with the authority
 * its TLS certificate is checked against. Every Redis client statstream makes comes from here, so
 * the code that uses one works with either: commands are typed {@link RedisClusterAsyncCommands},
 * which a single server's commands extend, and a cluster connection splits multi-key commands
 * (MGET, MSET, UNLINK) by slot itself.
 */
public record RedisEndpoint(String url, Optional<Path> tlsCa) {
    private static final String CLUSTER = "-cluster://";
    /** A command that has not answered by then has failed. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    public boolean cluster() {
        return url.contains(CLUSTER);
    }

    /** The URL as Lettuce reads it: the cluster marker removed. */
    public RedisURI uri() {
        return RedisURI.create(url.replace(CLUSTER, "://"));
    }

    /** A client with resources of its own (threads, event loops), shut down with it. */
    public Client client() {
        ClientResources owned = ClientResources.create();
        Client client = client(owned);
        client.owned = owned;
        return client;
    }

    /** A client, with its connections; closing it closes them. */
    public Client client(ClientResources resources) {
        if (cluster()) {
            RedisClusterClient cluster = RedisClusterClient.create(resources, uri());
            cluster.setOptions(ClusterClientOptions.builder(options())
                    // A replica that took over a dead master's slots is found within seconds, not at the next error.
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enablePeriodicRefresh(Duration.ofSeconds(5))
                            .enableAllAdaptiveRefreshTriggers()
                            .build())
                    .build());
            return new Client(cluster);
        }
        RedisClient single = RedisClient.create(resources, uri());
        single.setOptions(options());
        return new Client(single);
    }

    /** While Redis is unreachable, commands fail at once instead of queueing; Lettuce reconnects by itself. */
    private ClientOptions options() {
        return ClientOptions.builder()
                .sslOptions(sslOptions())
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build();
    }

    /** A {@code rediss://} connection trusts the authority in {@code tlsCa}, else the JVM's trust store. */
    private SslOptions sslOptions() {
        SslOptions.Builder options = SslOptions.builder().jdkSslProvider();
        tlsCa.ifPresent(file -> options.trustManager(file.toFile()));
        return options.build();
    }

    /** A connection and its asynchronous commands, whichever kind of Redis it reaches. */
    public record Connection<K, V>(StatefulConnection<K, V> stateful, RedisClusterAsyncCommands<K, V> commands)
            implements AutoCloseable {
        @Override
        public void close() {
            stateful.close();
        }
    }

    /** One Lettuce client, for one server or a cluster. */
    public static final class Client implements AutoCloseable {
        private final AbstractRedisClient client;
        private ClientResources owned; // null: the caller's

        private Client(AbstractRedisClient client) {
            this.client = client;
        }

        public <K, V> Connection<K, V> connect(RedisCodec<K, V> codec) {
            if (client instanceof RedisClusterClient cluster) {
                StatefulRedisClusterConnection<K, V> connection = cluster.connect(codec);
                return new Connection<>(connection, connection.async());
            }
            StatefulRedisConnection<K, V> connection = ((RedisClient) client).connect(codec);
            return new Connection<>(connection, connection.async());
        }

        /** Delivers every message of {@code channel} (published anywhere in a cluster) until closed. */
        public AutoCloseable subscribe(String channel, Consumer<String> listener) {
            StatefulRedisPubSubConnection<String, String> subscription = client instanceof RedisClusterClient cluster
                    ? cluster.connectPubSub() : ((RedisClient) client).connectPubSub();
            subscription.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    listener.accept(message);
                }
            });
            subscription.sync().subscribe(channel);
            return subscription::close;
        }

        /** The client itself, for a library that takes one (Bucket4j). */
        public AbstractRedisClient lettuce() {
            return client;
        }

        @Override
        public void close() {
            client.shutdown();
            if (owned != null) {
                owned.shutdown();
            }
        }
    }
}
