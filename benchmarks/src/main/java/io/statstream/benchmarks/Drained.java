package io.statstream.benchmarks;

import io.statstream.model.topic.Topics;
import io.statstream.sink.ResultSink;
import io.statstream.worker.service.WorkerSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Waits until the pipeline has nothing left to do: the worker has committed every request and the
 * sink every result. Exact, from the groups' committed offsets against the topics' ends, where a
 * fixed pause would either waste time or measure a worker still busy with the last phase. (At
 * least once, the default: under exactly_once_v2 a transaction's commit marker takes an offset no
 * consumer commits past.)
 */
final class Drained {
    private static final Duration POLL = Duration.ofMillis(200);

    private Drained() {
    }

    static void await(String bootstrapServers, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (lag(admin, WorkerSettings.DEFAULT_WORKER_APPLICATION_ID, Topics.ANALYSIS_REQUESTS.name())
                    + lag(admin, ResultSink.DEFAULT_GROUP_ID, Topics.ANALYSIS_RESULTS.name()) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the pipeline did not drain within " + timeout);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /** Records of {@code topic} that {@code group} has not committed yet. */
    private static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get()
                .get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue() - (done == null ? 0 : done.offset());
        }
        return lag;
    }
}
