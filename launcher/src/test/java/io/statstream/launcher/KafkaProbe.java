package io.statstream.launcher;

import io.statstream.model.key.CanonicalForm;
import io.statstream.model.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Looks at and writes to topics directly, bypassing the API, for the end-to-end tests. */
final class KafkaProbe implements AutoCloseable {
    private final String bootstrapServers;
    private final Admin admin;

    KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The sum of the end offsets of a topic's partitions: it moves when anything is written. */
    long endOffsets(String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    /** The sum of a consumer group's committed offsets: 0 before its first commit. */
    long committedOffsets(String groupId) throws Exception {
        return committed(groupId).stream().mapToLong(OffsetAndMetadata::offset).sum();
    }

    /** How many partitions a consumer group has committed an offset for. */
    long committedPartitions(String groupId) throws Exception {
        return committed(groupId).size();
    }

    private List<OffsetAndMetadata> committed(String groupId) throws Exception {
        return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(Objects::nonNull).toList();
    }

    /** How many members of a group hold partitions now, once it is stable (0 while it rebalances). */
    long membersWithPartitions(String groupId) throws Exception {
        var group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
        return group.groupState() != GroupState.STABLE ? 0
                : group.members().stream().filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
    }

    /** How many members a consumer group (a Kafka Streams application's, too) has now. */
    int groupMembers(String groupId) throws Exception {
        return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId).members().size();
    }

    /**
     * Writes requests to {@code analysis-requests} as the API publishes them, each its canonical JSON
     * under its key, through one producer; returns once the broker acknowledged them all.
     */
    void produceRequests(List<CanonicalForm> requests) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            List<Future<RecordMetadata>> acknowledged = new ArrayList<>();
            for (CanonicalForm request : requests) {
                acknowledged.add(producer.send(new ProducerRecord<>(Topics.ANALYSIS_REQUESTS.name(),
                        request.key().hex().getBytes(StandardCharsets.US_ASCII), request.jsonBytes())));
            }
            for (Future<RecordMetadata> ack : acknowledged) {
                ack.get();
            }
        }
    }

    void produce(String topic, byte[] key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Reads a topic from the beginning until a record matches or the timeout passes. */
    List<ConsumerRecord<byte[], byte[]>> readUntil(String topic, Predicate<ConsumerRecord<byte[], byte[]>> wanted,
                                                   Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record);
                    if (wanted.test(record)) {
                        return seen;
                    }
                }
            }
        }
        return seen;
    }

    @Override
    public void close() {
        admin.close();
    }
}
