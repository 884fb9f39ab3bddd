package io.statstream.launcher;

import io.statstream.model.key.CanonicalForm;
import io.statstream.model.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input at volume, the way it arrives: generated bodies on every route (none may cost a 5xx
 * or publish anything, and the API answers afterwards), and poison records straight into
 * analysis-requests (each dead-lettered, those under a content key answered failed, the good
 * records among them computed). {@code -Dbad.inputs=10000} runs the full size.
 */
class BadInputAtVolumeIT {
    private static final int INPUTS = Integer.getInteger("bad.inputs", 2_000);

    @RegisterExtension
    static final PipelineExtension pipeline = PipelineExtension.with();
    private static final ApiClient api = pipeline.api();
    private static KafkaProbe kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = new KafkaProbe(pipeline.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void generatedBadBodiesOnEveryRouteCostNo5xxAndPublishNothing() throws Exception {
        long published = kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name());
        SplittableRandom random = new SplittableRandom(INPUTS);
        List<String> fiveHundreds = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            String body = badBody(random, i);
            ApiClient.Reply reply = switch (i % 5) {
                case 0 -> api.post("/v1/analyses", "application/json", body);
                case 1 -> api.post("/v1/analyses/batch", "application/x-ndjson", body);
                case 2 -> api.post("/v1/analyses/lookup", "application/json", body);
                case 3 -> api.post("/v1/analyses/warm", "application/json", body);
                default -> api.get("/v1/analyses/" + HexFormat.of().formatHex(body.getBytes(StandardCharsets.UTF_8), 0,
                        Math.min(40, body.length())));
            };
            boolean acceptable = reply.status() < 500;
            if (!acceptable && fiveHundreds.size() < 10) {
                fiveHundreds.add(reply.status() + " for " + body + ": " + reply.response().body());
            }
        }
        assertEquals(List.of(), fiveHundreds);
        assertEquals(published, kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name()), "a refused request was published");
        assertEquals(200, api.get("/health").status(), "the API answers afterwards");
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheGoodOnesAmongThemComputed() throws Exception {
        long deadBefore = kafka.endOffsets(Topics.ANALYSIS_REQUESTS_DLQ.name());
        SplittableRandom random = new SplittableRandom(-INPUTS);
        List<CanonicalForm> good = Requests.distinct(INPUTS / 10, System.nanoTime());
        int poison = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < INPUTS; i++) {
                if (i % 10 == 0) {
                    CanonicalForm form = good.get(i / 10);
                    producer.send(new ProducerRecord<>(Topics.ANALYSIS_REQUESTS.name(),
                            form.key().hex().getBytes(StandardCharsets.US_ASCII), form.jsonBytes()));
                } else {
                    byte[] key = i % 3 == 0 ? randomBytes(random, 64) // not a content key
                            : String.format("%064x", random.nextLong()).getBytes(StandardCharsets.US_ASCII);
                    producer.send(new ProducerRecord<>(Topics.ANALYSIS_REQUESTS.name(), key,
                            badBody(random, i).getBytes(StandardCharsets.UTF_8)));
                    poison++;
                }
            }
        }
        for (CanonicalForm form : good) {
            assertEquals(200, api.awaitResult(form.key().hex(), Duration.ofSeconds(60)).status(), form.key().hex());
        }
        int expected = poison;
        RedisOutageIT.awaitTrue(() -> kafka.endOffsets(Topics.ANALYSIS_REQUESTS_DLQ.name()) - deadBefore >= expected,
                "every poison record is dead-lettered");
        assertTrue(pipeline.registry().get("statstream.worker.dead.letters").counter().count() >= poison);
    }

    /** Malformed, mistyped, out of range, oversized or hostile: every way a body can be wrong. */
    private static String badBody(SplittableRandom random, int i) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> new String(randomBytes(random, 1 + random.nextInt(200)), StandardCharsets.ISO_8859_1);
            case 3 -> "{\"type\":\"nope\",\"data\":[1,2]}";
            case 4 -> "{\"type\":\"ttest_one_sample\",\"data\":\"1,2,3\"}";
            case 5 -> "{\"type\":\"ttest_one_sample\",\"data\":[1e400,2]}";
            case 6 -> "{\"type\":\"descriptive\",\"data\":[NaN,1,2]}";
            case 7 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 8 -> "{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[1,2],\"method\":\"kendall\"}";
            case 9 -> "{\"keys\":[\"" + "z".repeat(64) + "\"],\"type\":" + i + "}";
            case 10 -> "{\"type\":\"chi_square_independence\",\"table\":[[1,-2],[3,4]],\"x\":{\"y\":null}}";
            default -> "{\"type\":\"anova_oneway\",\"groups\":[[1],[\"a\"]],\"type\":\"descriptive\"}";
        };
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
