package io.statstream.embedded;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A real Apache Kafka broker (KRaft, one combined broker and controller node) in this JVM, from
 * Kafka's own test kit: no Docker, no ZooKeeper. It listens on a free loopback port; ask
 * {@link #bootstrapServers()}. Its data lives in a temporary directory removed on close.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * What a small cluster needs: every default that assumes three brokers is brought down to the
     * brokers there are. (With three, the internal topics keep three copies, so a broker that dies
     * takes no group coordinator with it.)
     */
    static Map<String, String> clusterConfig(int brokers) {
        Map<String, String> config = new TreeMap<>();
        String copies = Integer.toString(Math.min(3, brokers));
        String inSync = Integer.toString(Math.max(1, Math.min(2, brokers - 1)));
        // Internal topics default to replication 3: with one broker, groups and transactions would hang.
        config.put("offsets.topic.replication.factor", copies);
        config.put("transaction.state.log.replication.factor", copies);
        config.put("transaction.state.log.min.isr", inSync);
        config.put("share.coordinator.state.topic.replication.factor", copies);
        config.put("share.coordinator.state.topic.min.isr", inSync);
        // One partition each instead of 50: the first group and the first transaction start sooner.
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.num.partitions", "1");
        // The first rebalance of a new group otherwise waits 3 s.
        config.put("group.initial.rebalance.delay.ms", "0");
        // The test kit enables unreleased features; behave like a released broker.
        config.put("unstable.api.versions.enable", "false");
        config.put("unstable.feature.versions.enable", "false");
        return config;
    }

    /** Starts the broker; returns once it is ready to serve. */
    public static EmbeddedKafka start() throws Exception {
        return start(1);
    }

    /**
     * Starts a cluster of {@code brokers} brokers (with one controller of its own when more than
     * one), for what only several brokers show: replication, a broker that dies.
     */
    public static EmbeddedKafka start(int brokers) throws Exception {
        // Pin the production metadata version and feature levels (the kit defaults to unreleased ones).
        MetadataVersion version = MetadataVersion.latestProduction();
        Map<String, Short> features = Feature.PRODUCTION_FEATURES.stream()
                .collect(Collectors.toMap(Feature::featureName, f -> f.defaultLevel(version), (a, b) -> a, TreeMap::new));
        TestKitNodes nodes = new TestKitNodes.Builder(BootstrapMetadata.fromVersions(version, features, "statstream-embedded"))
                .setCombined(brokers == 1)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(1)
                .setBaseDirectory(Files.createTempDirectory("statstream-kafka-"))
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        clusterConfig(brokers).forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (Exception | Error e) {
            try {
                cluster.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public java.util.Set<Integer> brokerIds() {
        return cluster.brokers().keySet();
    }

    /** Stops one broker of the cluster, as a broker that dies: its replicas drop out of sync. */
    public void stopBroker(int id) throws Exception {
        cluster.brokers().get(id).shutdown();
        cluster.brokers().get(id).awaitShutdown();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
