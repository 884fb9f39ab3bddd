package io.statstream.runtime;

import io.statstream.model.topic.Topic;
import io.statstream.model.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates statstream's topics when they do not exist, which makes start-up idempotent, and waits
 * until every partition answers an offset request: an idempotent producer that sends right after
 * CreateTopics can otherwise lose its first records (KAFKA-15591).
 */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicSetup() {
    }

    /** Copies of each record the topics keep, and how many must have it before a write is acknowledged. */
    public record Replication(short factor, int minInSync) {
    }

    /**
     * Three copies where the cluster has three brokers or more, else one per broker; a write is
     * acknowledged (acks=all) once all but one copy have it, and never by fewer than one or more
     * than two, so one broker may die without refusing writes or losing acknowledged ones.
     */
    public static Replication replicationFor(int brokers, Optional<Short> configured) {
        short factor = configured.orElse((short) Math.max(1, Math.min(3, brokers)));
        return new Replication(factor, Math.max(1, Math.min(2, factor - 1)));
    }

    public static void ensureTopics(Admin admin, int partitions, Optional<Short> configuredReplication)
            throws InterruptedException, ExecutionException, TimeoutException {
        int brokers = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
        Replication replication = replicationFor(brokers, configuredReplication);
        Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<NewTopic> missing = Topics.ALL.stream()
                .filter(topic -> !existing.contains(topic.name()))
                .map(topic -> newTopic(topic, partitions, replication))
                .toList();
        for (NewTopic topic : missing) {
            try {
                admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Created topic {} ({} partitions, {} copies, {} in sync to acknowledge; {} brokers)", topic.name(),
                        partitions, replication.factor(), replication.minInSync(), brokers);
            } catch (ExecutionException e) {
                // Another service created it first: that is fine. Anything else is not.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        awaitPartitionsReady(admin);
    }

    private static NewTopic newTopic(Topic<?, ?> topic, int partitions, Replication replication) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MaxMessageSize.BYTES));
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(replication.minInSync()));
        if (topic.equals(Topics.ANALYSIS_RESULTS)) {
            // The durable record of every result: compaction keeps the latest per key for ever.
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return new NewTopic(topic.name(), partitions, replication.factor()).configs(configs);
    }

    private static void awaitPartitionsReady(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                // Both calls can fail for a moment while a topic another service just created propagates.
                Map<String, TopicDescription> descriptions =
                        admin.describeTopics(names).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                descriptions.values().forEach(description -> description.partitions().forEach(partition ->
                        partitions.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
                admin.listOffsets(partitions).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Topics ready: {}", String.join(", ", names));
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100); // leaders are still being elected: a bounded retry, not a poll for results
            }
        }
    }
}
