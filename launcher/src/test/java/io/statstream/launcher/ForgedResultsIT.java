package io.statstream.launcher;

import io.statstream.model.key.CanonicalForm;
import io.statstream.model.topic.DeadLetterHeaders;
import io.statstream.model.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A result written to analysis-results by anyone but the worker (no signature, or one made with
 * another key) is dead-lettered by the sink, never served; the worker's own results still are.
 */
class ForgedResultsIT {
    @Test
    void aResultTheWorkerDidNotSignIsDeadLetteredNotServed() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"));
             KafkaProbe kafka = new KafkaProbe(pipeline.bootstrapServers())) {
            ApiClient api = new ApiClient(pipeline.apiUri());
            CanonicalForm target = Requests.distinct(1, System.nanoTime()).get(0);
            byte[] key = target.key().hex().getBytes(StandardCharsets.US_ASCII);
            byte[] forged = ("{\"key\":\"" + target.key().hex() + "\",\"status\":\"done\",\"type\":\"descriptive\","
                    + "\"result\":{\"mean\":42}}").getBytes(StandardCharsets.UTF_8);
            kafka.produce(Topics.ANALYSIS_RESULTS.name(), key, forged);

            List<ConsumerRecord<byte[], byte[]>> letters = kafka.readUntil(Topics.ANALYSIS_RESULTS_DLQ.name(),
                    record -> Arrays.equals(record.key(), key), Duration.ofSeconds(30));
            ConsumerRecord<byte[], byte[]> letter = letters.get(letters.size() - 1);
            assertTrue(Arrays.equals(key, letter.key()), "the forged record reached " + Topics.ANALYSIS_RESULTS_DLQ.name());
            assertEquals("not signed by the worker",
                    new String(letter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8));
            assertEquals(404, api.get("/v1/analyses/" + target.key().hex()).status(), "a forged result is not served");

            // The worker's own answer for the same request is.
            assertEquals(202, api.submit(target.json()).status());
            assertEquals(200, api.awaitResult(target.key().hex(), Duration.ofSeconds(30)).status());
        }
    }
}
