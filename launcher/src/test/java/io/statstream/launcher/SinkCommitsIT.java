package io.statstream.launcher;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statstream.embedded.RedisServerProcess;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.topic.Topics;
import io.statstream.runtime.SharedSettings;
import io.statstream.sink.ResultSink;
import io.statstream.sink.SinkSettings;
import io.statstream.store.InProcessResultStore;
import io.statstream.store.ResultStore;
import io.statstream.store.ResultStoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.statstream.launcher.RedisOutageIT.awaitTrue;
import static io.statstream.launcher.RedisOutageIT.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sink commits the offsets of what it stored every {@code SINK_COMMIT_INTERVAL_MS} and when it
 * stops, not after every poll: a crash in between makes the next owner store that interval again.
 */
class SinkCommitsIT {
    @RegisterExtension
    static final PipelineExtension pipeline = PipelineExtension.with().onRealRedis();

    private static final List<CanonicalForm> REQUESTS = Requests.distinct(20, System.nanoTime());

    @Test
    void aSinkCommitsWhatItStoredWhenItStopsEvenWithinItsInterval() throws Exception {
        try (KafkaProbe kafka = new KafkaProbe(pipeline.bootstrapServers())) {
            long results = computeAll(kafka);
            String group = "commits-" + UUID.randomUUID();
            try (ResultStore store = new InProcessResultStore(ResultStoreOptions.DEFAULT)) {
                try (ResultSink sink = sink(group, "3600000", store)) {
                    awaitTrue(() -> REQUESTS.stream().allMatch(request -> stored(store, request)), "the sink stores every result");
                    // A fresh group replays its new store from the beginning, and commits that: offset 0.
                    assertEquals(0, kafka.committedOffsets(group), "nothing stored is committed before the interval ends");
                }
                // At least what was there once every result was stored: a copy the worker wrote late may add to it.
                assertTrue(kafka.committedOffsets(group) >= results, "what was stored is committed at close");
            }
        }
    }

    @Test
    void aRunningSinkCommitsEveryInterval() throws Exception {
        try (KafkaProbe kafka = new KafkaProbe(pipeline.bootstrapServers())) {
            long results = computeAll(kafka);
            String group = "commits-" + UUID.randomUUID();
            try (ResultStore store = new InProcessResultStore(ResultStoreOptions.DEFAULT);
                 ResultSink sink = sink(group, "200", store)) {
                awaitTrue(() -> kafka.committedOffsets(group) >= results, "the stored results are committed while it runs");
            }
        }
    }

    /**
     * A sink holding a batch through a store outage, while a second sink joins its group and takes
     * some of its partitions, stores the batch when the store answers again but commits offsets
     * only for the partitions it still holds: the second sink's are its own to commit.
     */
    @Test
    void aBatchHeldThroughARebalanceCommitsNothingForThePartitionsThatMoved() throws Exception {
        RedisServerProcess redis = pipeline.redis().orElseThrow();
        try (KafkaProbe kafka = new KafkaProbe(pipeline.bootstrapServers())) {
            computeAll(kafka); // stored, and the partitions marked as filled: no sink below replays or commits a start
            String group = "commits-" + UUID.randomUUID();
            SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
            redis.freeze();
            try (ResultSink first = sink(group, "200", pipeline.store(), firstMeters)) {
                awaitTrue(() -> firstMeters.counter("statstream.sink.store.failures").count() >= 1,
                        "the first sink holds a batch the store does not take");
                try (ResultSink second = sink(group, "3600000", pipeline.store(), new SimpleMeterRegistry())) {
                    awaitTrue(() -> kafka.membersWithPartitions(group) == 2, "the second sink takes some of the partitions");
                    redis.thaw();
                    awaitTrue(() -> kafka.committedPartitions(group) >= 1, "the first sink commits what it stored for its partitions");
                    Thread.sleep(1_000); // five more of its commit intervals
                    assertTrue(kafka.committedPartitions(group) < 3,
                            "the first sink committed its held batch for partitions the second holds now");
                }
                assertEquals(3, kafka.committedPartitions(group), "the second sink commits its partitions when it stops");
            } finally {
                redis.thaw();
            }
        }
    }

    /** Every request computed and stored by the pipeline; returns the results topic's end offsets. */
    private static long computeAll(KafkaProbe kafka) throws Exception {
        kafka.produceRequests(REQUESTS);
        awaitTrue(() -> REQUESTS.stream().allMatch(request -> stored(pipeline.store(), request)), "the results are stored");
        return kafka.endOffsets(Topics.ANALYSIS_RESULTS.name());
    }

    private static ResultSink sink(String group, String commitIntervalMillis, ResultStore store) {
        return sink(group, commitIntervalMillis, store, new SimpleMeterRegistry());
    }

    private static ResultSink sink(String group, String commitIntervalMillis, ResultStore store, SimpleMeterRegistry meters) {
        return ResultSink.start(new SinkSettings(Map.of(
                        SharedSettings.KAFKA_BOOTSTRAP_SERVERS, pipeline.bootstrapServers(),
                        SinkSettings.SINK_GROUP_ID, group, SinkSettings.SINK_COMMIT_INTERVAL_MS, commitIntervalMillis)),
                store, pipeline.resultSignature(), meters);
    }
}
