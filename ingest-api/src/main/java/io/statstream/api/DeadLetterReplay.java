package io.statstream.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.api.access.AccessControl;
import io.statstream.model.json.Json;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.model.topic.Topics;
import io.statstream.runtime.KafkaClients;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * POST /v1/dead-letters/replay: once the cause is fixed (a limit or an engine version that
 * differed between the API and the worker, a defect), sends the dead letters of analysis-requests
 * that came under a content key back to the worker. As refreshes: the failed result their keys
 * hold meanwhile is recomputed, not served again. How far replays went is committed under a group
 * of their own once the broker took what was sent, so each dead letter is replayed once; one call
 * replays at most {@value #MAX_LETTERS} of them ("remaining" says if more wait).
 */
final class DeadLetterReplay implements Handler<RoutingContext> {
    static final String GROUP_ID = "statstream-dead-letter-replay";
    static final int MAX_LETTERS = 10_000;
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> kafka;
    private final RequestPublisher publisher;

    DeadLetterReplay(Map<String, Object> kafka, RequestPublisher publisher) {
        this.kafka = kafka;
        this.publisher = publisher;
    }

    /** The letters read, and where reading stopped. */
    private record Letters(List<CanonicalForm> replayable, int read, Map<TopicPartition, OffsetAndMetadata> next) {
        /** Reading stopped at the bound: more may wait. */
        boolean stoppedAtBound() {
            return read == MAX_LETTERS;
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.vertx().executeBlocking(this::read)
                .compose(letters -> Future.fromCompletionStage(publisher.publishAll(letters.replayable(), true, AccessControl.caller(ctx).name()),
                                ctx.vertx().getOrCreateContext())
                        .compose(answers -> ctx.vertx().executeBlocking(() -> commitIfAllTaken(letters, answers))))
                .compose(body -> ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(Json.write(body))))
                .onFailure(e -> ctx.fail(e instanceof ApiException ? e : Acceptance.refusal(e)));
    }

    private Letters read() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ANALYSIS_REQUESTS_DLQ.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = committed.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from.offset());
                }
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<CanonicalForm> replayable = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
            int read = 0;
            while (read < MAX_LETTERS && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(POLL)) {
                    if (read == MAX_LETTERS || letter.offset() >= ends.get(new TopicPartition(letter.topic(), letter.partition()))) {
                        continue; // the next call starts from what was committed
                    }
                    read++;
                    next.put(new TopicPartition(letter.topic(), letter.partition()), new OffsetAndMetadata(letter.offset() + 1));
                    Optional<ContentKey> key = ContentKey.parse(letter.key());
                    if (key.isPresent() && letter.value() != null) { // nobody waits on a letter without a key
                        replayable.add(new CanonicalForm(new String(letter.value(), StandardCharsets.UTF_8), key.get()));
                    }
                }
            }
            return new Letters(replayable, read, next);
        }
    }

    /** Commits how far this replay went only when the broker took every letter sent; else the next call sends them again. */
    private ObjectNode commitIfAllTaken(Letters letters, List<Optional<Throwable>> answers) {
        long refused = answers.stream().filter(Optional::isPresent).count();
        if (refused == 0 && !letters.next().isEmpty()) {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                consumer.commitSync(letters.next());
            }
        }
        return JsonNodeFactory.instance.objectNode()
                .put("read", letters.read())
                .put("replayed", letters.replayable().size() - refused)
                .put("skipped", letters.read() - letters.replayable().size()) // no content key: no client waits on them
                .put("failed", refused)
                .put("remaining", letters.stoppedAtBound() || refused > 0);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(KafkaClients.config(kafka, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, GROUP_ID)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
