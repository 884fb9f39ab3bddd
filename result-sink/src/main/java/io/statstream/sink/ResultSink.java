package io.statstream.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.statstream.model.key.ContentKey;
import io.statstream.model.topic.ResultSignature;
import io.statstream.model.topic.Topics;
import io.statstream.runtime.GroupMembership;
import io.statstream.runtime.KafkaClients;
import io.statstream.store.FilledPartitions;
import io.statstream.store.ResultStore;
import io.statstream.store.Results;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Materializes analysis-results into the result store. Only offsets of stored records are
 * committed, so a store outage delays results but loses none: the sink holds the batch, retries
 * with backoff while staying in its group, and resumes when the store answers. They are committed
 * every {@code SINK_COMMIT_INTERVAL_MS}, when partitions move and at close, not after every poll:
 * a commit per poll was a fifth of the sink's thread and most of the broker's offset-commit work,
 * and a crash only makes the next owner store again, with the same bytes, what the last interval
 * stored.
 * <p>
 * The store is a cache of the compacted topic, and a cache may come back empty (a Redis restarted
 * without persistence). Every second, and whenever it is given partitions, the sink checks the
 * marks it left in the store ({@link FilledPartitions}); a partition whose mark is gone is replayed
 * from its beginning, each result for the time it has left, while new results keep flowing.
 * <p>
 * Long for a main class, on purpose: every step here moves the one consumer's positions and
 * commits (poll, store, commit, rewind, replay), on its one thread, and reads best beside the others.
 */
public final class ResultSink implements AutoCloseable {
    public static final String DEFAULT_GROUP_ID = "statstream-result-sink";
    private static final Logger LOG = LoggerFactory.getLogger(ResultSink.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** How soon a store that lost its data is noticed: one MGET of a few keys each time. */
    static final Duration FILL_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final Consumer<byte[], byte[]> consumer;
    private final ResultStore store;
    private final boolean rebuild;
    private final UnsignedResults unsigned;
    private final SinkMetrics metrics;
    private final KafkaClientMetrics consumerMetrics;
    private final Thread thread;
    private final long commitIntervalNanos;
    /** The offset after the last stored record of each partition, not committed yet. */
    private final Map<TopicPartition, OffsetAndMetadata> storedNotCommitted = new HashMap<>();
    /**
     * Partitions given up, taken or replayed since the last poll returned: a batch held through a
     * store outage may outlive its partitions' ownership (a rebalance inside the paused polls), and
     * its offsets, committed later, would overwrite the new owner's or a replay's start.
     */
    private final Set<TopicPartition> movedSincePoll = new HashSet<>();
    private volatile boolean running = true;
    private long nextFillCheckNanos;
    private long nextCommitNanos;

    private ResultSink(Consumer<byte[], byte[]> consumer, ResultStore store, SinkSettings settings, UnsignedResults unsigned,
                       SinkMetrics metrics, MeterRegistry registry) {
        this.consumer = consumer;
        this.store = store;
        this.rebuild = settings.getBoolean(SinkSettings.SINK_REBUILD);
        this.commitIntervalNanos = Duration.ofMillis(settings.getLong(SinkSettings.SINK_COMMIT_INTERVAL_MS)).toNanos();
        this.metrics = metrics;
        this.unsigned = unsigned;
        this.consumerMetrics = new KafkaClientMetrics(consumer); // consumer lag among them
        consumerMetrics.bindTo(registry);
        this.thread = new Thread(this::run, "result-sink");
    }

    /** Starts consuming in a thread of its own, storing the results {@code signature} signed (all, if empty). */
    public static ResultSink start(SinkSettings settings, ResultStore store, Optional<ResultSignature> signature,
                                   MeterRegistry registry) {
        Map<String, Object> kafka = KafkaClients.config(settings);
        String groupId = settings.getString(SinkSettings.SINK_GROUP_ID);
        Map<String, Object> config = KafkaClients.config(kafka,
                GroupMembership.consumerConfig(settings.getString(SinkSettings.SINK_INSTANCE_ID)));
        config.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // under exactly_once_v2 the worker writes results in transactions: never store an aborted one
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, groupId));
        SinkMetrics metrics = new SinkMetrics(registry);
        UnsignedResults unsigned = UnsignedResults.of(signature, kafka, groupId + "-dead-letters", metrics);
        ResultSink sink;
        try {
            sink = new ResultSink(new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                    store, settings, unsigned, metrics, registry);
        } catch (RuntimeException e) {
            unsigned.close();
            throw e;
        }
        sink.thread.start();
        return sink;
    }

    private void run() {
        nextCommitNanos = System.nanoTime() + commitIntervalNanos;
        try {
            consumer.subscribe(List.of(Topics.ANALYSIS_RESULTS.name()), new RefillOnAssignment());
            while (running) {
                try {
                    if (System.nanoTime() - nextFillCheckNanos >= 0) {
                        nextFillCheckNanos = System.nanoTime() + FILL_CHECK_INTERVAL.toNanos();
                        refillWhereLost(consumer.assignment(), false);
                    }
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                    movedSincePoll.clear(); // its records were fetched for the partitions as they are now
                    if (!records.isEmpty()) {
                        store(records);
                    }
                    if (System.nanoTime() - nextCommitNanos >= 0) {
                        nextCommitNanos = System.nanoTime() + commitIntervalNanos;
                        commitStored();
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // The sink must outlive any one failure: records not stored come back after it.
                    LOG.error("Result sink failed a poll; continuing after the last stored records: {}", e.toString(), e);
                    rewindToLastStored();
                    waitInGroup(MAX_BACKOFF);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            commitStoredNow(storedNotCommitted.keySet());
            consumerMetrics.close();
            consumer.close();
            unsigned.close();
        }
    }

    private void store(ConsumerRecords<byte[], byte[]> records) {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            Optional<Throwable> failure = storeAll(records);
            if (failure.isEmpty()) {
                long now = System.currentTimeMillis();
                records.forEach(record -> metrics.stored(record.timestamp(), now));
                for (TopicPartition partition : records.partitions()) {
                    if (!movedSincePoll.contains(partition)) { // else stored, and left to whoever reads it now
                        List<ConsumerRecord<byte[], byte[]>> stored = records.records(partition);
                        storedNotCommitted.put(partition, new OffsetAndMetadata(stored.get(stored.size() - 1).offset() + 1));
                    }
                }
                return;
            }
            metrics.storeFailed();
            LOG.warn("Result store {} unavailable ({}); {} results wait, retrying in {} ms",
                    store.describe(), failure.get().toString(), records.count(), backoff.toMillis());
            waitInGroup(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private Optional<Throwable> storeAll(ConsumerRecords<byte[], byte[]> records) {
        List<Results.TimedResult> results = new ArrayList<>(records.count());
        List<ConsumerRecord<byte[], byte[]>> forged = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Optional<ContentKey> key = ContentKey.parse(record.key());
            if (key.isEmpty() || record.value() == null) {
                LOG.error("Skipping a record of {} that is not a result: partition {}, offset {}",
                        record.topic(), record.partition(), record.offset());
                continue;
            }
            if (!unsigned.signed(record)) {
                forged.add(record);
                continue;
            }
            results.add(Results.TimedResult.computed(key.get(), record.value()));
        }
        if (!forged.isEmpty()) {
            unsigned.deadLetter(forged);
        }
        try {
            store.putAll(results).toCompletableFuture().get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return Optional.of(e);
        } catch (Exception e) {
            return Optional.of(e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Commits exactly what was stored: the offset after the last stored record of each partition,
     * never the consumer's position, which may have moved past records that were not stored.
     * Asynchronously: a synchronous commit held the next poll, and the next result, for a round
     * trip to the broker. Commits reach the broker in the order they are made, and a commit that
     * fails (the partitions moved) only means the new owner writes those results again, which is
     * harmless; none is skipped.
     */
    private void commitStored() {
        if (storedNotCommitted.isEmpty()) {
            return;
        }
        consumer.commitAsync(new HashMap<>(storedNotCommitted), (committed, error) -> {
            if (error != null) {
                LOG.info("Could not commit stored results ({}); whoever reads those partitions next writes them again",
                        error.toString());
            }
        });
        storedNotCommitted.clear();
    }

    /** Before partitions move or the sink stops: what was stored is committed before anyone else reads on. */
    private void commitStoredNow(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : List.copyOf(partitions)) {
            OffsetAndMetadata offset = storedNotCommitted.remove(partition);
            if (offset != null) {
                offsets.put(partition, offset);
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            try {
                consumer.commitSync(offsets, STORE_TIMEOUT);
            } catch (WakeupException e) {
                consumer.commitSync(offsets, STORE_TIMEOUT); // close()'s wake-up, meant for a poll the loop did not reach
            }
        } catch (RuntimeException e) {
            LOG.info("Could not commit stored results of {} ({}); whoever reads them next writes them again",
                    describe(offsets.keySet()), e.toString());
        }
    }

    /**
     * Paused polls keep this member in its group (max.poll.interval.ms) while the store is down. A
     * rebalance during the poll can assign partitions that are not paused; whatever they return
     * is put back, so no record is skipped.
     */
    private void waitInGroup(Duration backoff) {
        consumer.pause(consumer.assignment());
        try {
            ConsumerRecords<byte[], byte[]> unexpected = consumer.poll(backoff);
            for (TopicPartition partition : unexpected.partitions()) {
                consumer.seek(partition, unexpected.records(partition).get(0).offset());
            }
        } finally {
            consumer.resume(consumer.assignment());
        }
    }

    /**
     * Replays from the beginning the partitions whose marks the store lost (all of them when
     * {@code all}), then marks them. The beginning is committed before the mark is written, so a
     * sink that dies during the replay resumes it, and never finds a mark over a store it did not
     * refill. When the store does not answer, the next check tries again.
     */
    private void refillWhereLost(Collection<TopicPartition> assigned, boolean all) {
        if (assigned.isEmpty()) {
            return;
        }
        Map<Integer, TopicPartition> byNumber = new HashMap<>();
        assigned.forEach(partition -> byNumber.put(partition.partition(), partition));
        FilledPartitions marks = store.filledPartitions();
        try {
            Set<Integer> lost = all ? byNumber.keySet()
                    : marks.unmarked(byNumber.keySet()).toCompletableFuture().get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (lost.isEmpty()) {
                return;
            }
            List<TopicPartition> replayed = lost.stream().map(byNumber::get).toList();
            // Committed later, what was stored before would move the replay's start past what it must refill.
            replayed.forEach(storedNotCommitted::remove);
            movedSincePoll.addAll(replayed);
            consumer.seekToBeginning(replayed);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(replayed);
            Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
            beginnings.forEach((partition, offset) -> beginning.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(beginning);
            marks.mark(lost).toCompletableFuture().get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            // A first start over an empty topic is no news, and no replay; a store that lost results is.
            Map<TopicPartition, Long> ends = consumer.endOffsets(replayed);
            boolean holdsResults = replayed.stream().anyMatch(partition -> ends.get(partition) > beginnings.get(partition));
            if (holdsResults) {
                metrics.refilled(replayed.size());
                LOG.warn("Result store {} holds no mark for {} of {} ({}): replaying {} from the beginning into it",
                        store.describe(), describe(replayed), Topics.ANALYSIS_RESULTS.name(),
                        all ? "rebuild requested" : "it lost its data, or was never filled", replayed.size() == 1 ? "it" : "them");
            } else {
                LOG.info("Result store {} marked as filled from {} of {} (empty so far)", store.describe(), describe(replayed),
                        Topics.ANALYSIS_RESULTS.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            LOG.info("Could not commit the replay's start after a rebalance ({}); the next check tries again", e.toString());
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Result store {} did not answer the fill check ({}); the next check tries again", store.describe(), e.toString());
        }
    }

    private static String describe(Collection<TopicPartition> partitions) {
        return partitions.size() + (partitions.size() == 1 ? " partition" : " partitions");
    }

    /**
     * Puts every assigned partition back after its last stored record, so nothing polled but
     * unstored is skipped: where this sink stored since its last commit, there; else at the
     * committed offset; else (nothing ever committed) at the beginning.
     */
    private void rewindToLastStored() {
        try {
            Set<TopicPartition> assigned = consumer.assignment();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
            List<TopicPartition> neverCommitted = new ArrayList<>();
            for (TopicPartition partition : assigned) {
                OffsetAndMetadata stored = storedNotCommitted.getOrDefault(partition, committed.get(partition));
                if (stored != null) {
                    consumer.seek(partition, stored.offset());
                } else {
                    neverCommitted.add(partition);
                }
            }
            consumer.seekToBeginning(neverCommitted);
        } catch (RuntimeException e) {
            LOG.warn("Could not rewind to the last stored records ({}); the next rebalance will", e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** New partitions are checked at once; with SINK_REBUILD, the first ones are replayed whatever their marks. */
    private final class RefillOnAssignment implements ConsumerRebalanceListener {
        private boolean rebuilt;

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            movedSincePoll.addAll(partitions);
            boolean all = rebuild && !rebuilt && !partitions.isEmpty();
            rebuilt |= all;
            refillWhereLost(partitions, all);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            movedSincePoll.addAll(partitions);
            commitStoredNow(partitions);
            LOG.info("Result sink gives up {}", describe(partitions));
        }

        /** Another member owns them already: a commit would fail, and the owner stores those results again. */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            movedSincePoll.addAll(partitions);
            partitions.forEach(storedNotCommitted::remove);
            LOG.info("Result sink lost {}", describe(partitions));
        }
    }
}
