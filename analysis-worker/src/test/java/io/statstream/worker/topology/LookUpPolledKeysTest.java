package io.statstream.worker.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.statstream.model.topic.Topics;
import io.statstream.store.CountingResultStore;
import io.statstream.store.InProcessResultStore;
import io.statstream.store.ResultStoreOptions;
import io.statstream.worker.engine.Engine;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A poll's keys are asked about in one call; the stream thread then finds the answers waiting. */
class LookUpPolledKeysTest {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.ANALYSIS_REQUESTS.name(), 0);

    private final InProcessResultStore inProcess = new InProcessResultStore(ResultStoreOptions.DEFAULT);
    private final CountingResultStore store = new CountingResultStore(inProcess);
    private final AnalysisTopology topology = new AnalysisTopology(PARSER, store, "test store", new Engine(Clock.systemUTC()),
            new WorkerMetrics(new SimpleMeterRegistry()), Duration.ofMinutes(10), Optional.empty());

    @Test
    void asksOnceAPollAndAnswersEachKeyFromThatAnswer() {
        CanonicalForm stored = form("{\"type\":\"descriptive\",\"data\":[1,2,3]}");
        CanonicalForm fresh = form("{\"type\":\"descriptive\",\"data\":[4,5,6]}");
        inProcess.put(stored.key(), "{}".getBytes(StandardCharsets.UTF_8));
        LookUpPolledKeys interceptor = configuredInterceptor();

        interceptor.onConsume(poll(stored, fresh, fresh));

        StoredKeyLookup answers = (StoredKeyLookup) topology.mainConsumerConfig().get(LookUpPolledKeys.LOOKUP_CONFIG);
        assertTrue(answers.contains(stored.key()));
        assertFalse(answers.contains(fresh.key()));
        assertFalse(answers.contains(fresh.key()));
        assertEquals(1, store.calls("containsAll"), "one look-up for the whole poll, none per record");
    }

    @Test
    void aKeyThePollDidNotCarryIsAskedAboutAlone() {
        CanonicalForm other = form("{\"type\":\"descriptive\",\"data\":[7,8,9]}");
        StoredKeyLookup answers = (StoredKeyLookup) topology.mainConsumerConfig().get(LookUpPolledKeys.LOOKUP_CONFIG);

        assertFalse(answers.contains(other.key()));
        assertEquals(1, store.calls("containsAll"));
    }

    @Test
    void recordsWithoutAValidKeyAreLeftForTheDeadLetterTopic() {
        LookUpPolledKeys interceptor = configuredInterceptor();
        ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(PARTITION, List.of(
                new ConsumerRecord<>(PARTITION.topic(), 0, 0, "not-a-key".getBytes(StandardCharsets.US_ASCII), new byte[0]))),
                Map.<TopicPartition, OffsetAndMetadata>of());

        assertEquals(records, interceptor.onConsume(records));
        assertEquals(0, store.calls("containsAll"), "nothing to ask about");
    }

    private LookUpPolledKeys configuredInterceptor() {
        Map<String, Object> config = topology.mainConsumerConfig();
        assertEquals(LookUpPolledKeys.class.getName(), config.get(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG));
        LookUpPolledKeys interceptor = new LookUpPolledKeys();
        interceptor.configure(config);
        return interceptor;
    }

    private static ConsumerRecords<byte[], byte[]> poll(CanonicalForm... forms) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < forms.length; i++) {
            records.add(new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), i,
                    forms[i].key().hex().getBytes(StandardCharsets.US_ASCII), forms[i].jsonBytes()));
        }
        return new ConsumerRecords<>(Map.of(PARTITION, records), Map.<TopicPartition, OffsetAndMetadata>of());
    }

    private static CanonicalForm form(String json) {
        return CanonicalForm.of(((ParsedRequest.Valid) PARSER.parse(json.getBytes(StandardCharsets.UTF_8))).request());
    }
}
