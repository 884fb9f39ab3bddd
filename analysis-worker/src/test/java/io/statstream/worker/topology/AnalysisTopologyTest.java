package io.statstream.worker.topology;

import io.statstream.model.topic.DeadLetterHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statstream.model.AnalysisType;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.model.result.ResultStatus;
import io.statstream.model.topic.ResultSignature;
import io.statstream.model.topic.Topics;
import io.statstream.store.InProcessResultStore;
import io.statstream.store.ResultStoreOptions;
import io.statstream.worker.engine.Engine;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisTopologyTest {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);
    private static final Duration IN_FLIGHT_RETENTION = Duration.ofMinutes(10);
    private static final ResultSignature SIGNATURE = new ResultSignature("topology-test-secret");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InProcessResultStore store = new InProcessResultStore(ResultStoreOptions.DEFAULT);
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> requests;
    private TestOutputTopic<ContentKey, ResultEnvelope> results;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        new AnalysisTopology(PARSER, store, "test store", new Engine(Clock.systemUTC()), new WorkerMetrics(registry), IN_FLIGHT_RETENTION,
                Optional.of(SIGNATURE)).addTo(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        driver = new TopologyTestDriver(builder.build(), config);
        requests = driver.createInputTopic(Topics.ANALYSIS_REQUESTS.name(), new ByteArraySerializer(), new ByteArraySerializer());
        results = driver.createOutputTopic(Topics.ANALYSIS_RESULTS.name(),
                Topics.ANALYSIS_RESULTS.keySerde().deserializer(), Topics.ANALYSIS_RESULTS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.ANALYSIS_REQUESTS_DLQ.name(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aValidRequestIsComputedAndPublishedUnderItsKey() {
        CanonicalForm form = form("{\"type\":\"descriptive\",\"data\":[1,2,3,4]}");
        send(form);
        ResultEnvelope result = results.readValue();
        assertEquals(form.key(), result.key());
        assertEquals(ResultStatus.DONE, result.status());
        assertEquals(1, registry.get(WorkerMetrics.COMPUTED).tag("type", "descriptive").timer().count());
    }

    @Test
    void everyResultIsSignedOverItsKeyAndValue() {
        CanonicalForm form = form("{\"type\":\"descriptive\",\"data\":[5,6,7]}");
        send(form);
        TestOutputTopic<byte[], byte[]> raw = driver.createOutputTopic(Topics.ANALYSIS_RESULTS.name(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TestRecord<byte[], byte[]> result = raw.readRecord();
        assertTrue(SIGNATURE.verify(result.key(), result.value(), result.headers()));
        assertFalse(new ResultSignature("another-secret").verify(result.key(), result.value(), result.headers()));
        byte[] altered = result.value().clone();
        altered[altered.length - 2] ^= 1;
        assertFalse(SIGNATURE.verify(result.key(), altered, result.headers()), "a changed value no longer verifies");
    }

    @Test
    void duplicatesInFlightAreComputedOnce() {
        CanonicalForm form = form("{\"type\":\"ttest_one_sample\",\"data\":[1,2,3,4]}");
        for (int i = 0; i < 100; i++) {
            send(form);
        }
        assertEquals(1, results.readValuesToList().size());
        assertEquals(99, counter(WorkerMetrics.DUPLICATES, "kind", "in_flight"));
    }

    @Test
    void aKeyWhoseResultIsStoredIsDropped() {
        CanonicalForm form = form("{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[2,1,3]}");
        store.put(form.key(), "{}".getBytes(StandardCharsets.UTF_8));
        send(form);
        assertTrue(results.isEmpty());
        assertEquals(1, counter(WorkerMetrics.DUPLICATES, "kind", "completed"));
    }

    @Test
    void aRefreshIsComputedEvenThoughAResultIsStored() {
        CanonicalForm form = form("{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[3,1,2]}");
        store.put(form.key(), "{}".getBytes(StandardCharsets.UTF_8));
        TestRecord<byte[], byte[]> refresh = new TestRecord<>(form.key().hex().getBytes(StandardCharsets.US_ASCII), form.jsonBytes());
        refresh.headers().add(Topics.REFRESH_HEADER, "true".getBytes(StandardCharsets.US_ASCII));
        requests.pipeInput(refresh);
        assertEquals(form.key(), results.readValue().key());
    }

    @Test
    void aRefreshIsNeverTakenForADuplicateInFlight() {
        CanonicalForm form = form("{\"type\":\"descriptive\",\"data\":[9,8,7]}");
        send(form);
        TestRecord<byte[], byte[]> refresh = new TestRecord<>(form.key().hex().getBytes(StandardCharsets.US_ASCII), form.jsonBytes());
        refresh.headers().add(Topics.REFRESH_HEADER, "true".getBytes(StandardCharsets.US_ASCII));
        requests.pipeInput(refresh);
        assertEquals(2, results.readValuesToList().size());
    }

    @Test
    void aKeySeenLongerAgoThanTheRetentionIsComputedAgain() {
        CanonicalForm form = form("{\"type\":\"mann_whitney\",\"a\":[1,2],\"b\":[3,4]}");
        send(form);
        driver.advanceWallClockTime(IN_FLIGHT_RETENTION.plusSeconds(1));
        send(form);
        assertEquals(2, results.readValuesToList().size());
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheStreamGoesOn() {
        CanonicalForm good = form("{\"type\":\"descriptive\",\"data\":[5,6,7]}");
        CanonicalForm other = form("{\"type\":\"descriptive\",\"data\":[5,6,8]}");
        requests.pipeInput(good.key().hex().getBytes(StandardCharsets.US_ASCII), "{not json".getBytes(StandardCharsets.UTF_8));
        requests.pipeInput("not-a-key".getBytes(StandardCharsets.US_ASCII), good.jsonBytes());
        requests.pipeInput(other.key().hex().getBytes(StandardCharsets.US_ASCII), good.jsonBytes());
        requests.pipeInput(good.key().hex().getBytes(StandardCharsets.US_ASCII),
                "{\"type\":\"descriptive\",\"data\":[]}".getBytes(StandardCharsets.UTF_8));
        send(good);

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        List<String> expectedReasons = List.of("invalid request: $ malformed_json", "the record key is not a content key",
                "key mismatch", "invalid request: data too_short");
        assertEquals(expectedReasons.size(), dead.size());
        for (int i = 0; i < dead.size(); i++) {
            assertTrue(reason(dead.get(i)).startsWith(expectedReasons.get(i)), reason(dead.get(i)));
        }
        assertEquals("{not json", new String(dead.get(0).value(), StandardCharsets.UTF_8));
        assertEquals(Topics.ANALYSIS_REQUESTS.name(), header(dead.get(0), DeadLetterHeaders.SOURCE_TOPIC));
        assertEquals("0", header(dead.get(0), DeadLetterHeaders.SOURCE_OFFSET));
        assertEquals(4, registry.get(WorkerMetrics.DEAD_LETTERS).counter().count());

        // Three came under a content key, so a client may be waiting on them: each gets a failed
        // result; the good request after them is computed.
        List<ResultEnvelope> answers = results.readValuesToList();
        assertEquals(List.of(good.key(), other.key(), good.key(), good.key()), answers.stream().map(ResultEnvelope::key).toList());
        assertEquals(List.of(ResultStatus.FAILED, ResultStatus.FAILED, ResultStatus.FAILED, ResultStatus.DONE),
                answers.stream().map(ResultEnvelope::status).toList());
        assertTrue(answers.get(2).error().contains("data too_short"), answers.get(2).error());
        assertEquals(AnalysisType.DESCRIPTIVE, answers.get(2).type());
        assertNull(answers.get(0).type(), "a record that is not JSON names no type");
    }

    private void send(CanonicalForm form) {
        requests.pipeInput(form.key().hex().getBytes(StandardCharsets.US_ASCII), form.jsonBytes());
    }

    private double counter(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    private static String reason(TestRecord<byte[], byte[]> record) {
        return header(record, DeadLetterHeaders.REASON);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static CanonicalForm form(String json) {
        ParsedRequest parsed = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
        return CanonicalForm.of(assertInstanceOf(ParsedRequest.Valid.class, parsed).request());
    }
}
