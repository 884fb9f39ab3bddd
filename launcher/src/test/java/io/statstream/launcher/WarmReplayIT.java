package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.topic.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cache-warming replays publish only what is not warm, from a file or from the most requested inputs. */
class WarmReplayIT {
    @RegisterExtension
    static final PipelineExtension pipeline = PipelineExtension.with();
    private static final ApiClient api = pipeline.api();
    private static KafkaProbe kafka;

    @BeforeAll
    static void startPipeline() throws Exception {
        kafka = new KafkaProbe(pipeline.bootstrapServers());
    }

    @AfterAll
    static void stopPipeline() {
        kafka.close();
    }

    @Test
    void aReplayInWhichHalfIsWarmPublishesOnlyTheOtherHalf() throws Exception {
        List<CanonicalForm> requests = Requests.distinct(100, System.nanoTime());
        List<CanonicalForm> warm = requests.subList(0, 50);
        api.post("/v1/analyses/batch", "application/x-ndjson", ndjson(warm));
        JsonNode stored = api.post("/v1/analyses/lookup?wait=30s", "application/json", keysJson(warm)).json();
        assertEquals(50, stored.get("summary").get("done").asInt());

        long before = kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name());
        JsonNode replay = api.post("/v1/analyses/warm", "application/x-ndjson", ndjson(requests)).json();
        assertEquals(100, replay.get("summary").get("items").asInt());
        assertEquals(50, replay.get("summary").get("already_warm").asInt());
        assertEquals(50, replay.get("summary").get("published").asInt());
        assertEquals(before + 50, kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name()));
    }

    @Test
    void aTopReplayPublishesTheMostRequestedInputs() throws Exception {
        List<CanonicalForm> inputs = Requests.distinct(4, System.nanoTime());
        long[] requestsEach = {5, 3, 2, 1};
        for (int i = 0; i < inputs.size(); i++) {
            pipeline.store().hotKeys().record(inputs.get(i), requestsEach[i]).toCompletableFuture().get();
        }

        long before = kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name());
        JsonNode replay = api.post("/v1/analyses/warm?top=2&hours=1", "application/json", "").json();
        Set<String> published = new HashSet<>();
        replay.get("items").forEach(item -> published.add(item.get("key").asText()));
        assertEquals(Set.of(inputs.get(0).key().hex(), inputs.get(1).key().hex()), published);
        assertEquals(before + 2, kafka.endOffsets(Topics.ANALYSIS_REQUESTS.name()));
    }

    private static String ndjson(List<CanonicalForm> forms) {
        return forms.stream().map(CanonicalForm::json).collect(Collectors.joining("\n"));
    }

    private static String keysJson(List<CanonicalForm> forms) {
        return "{\"keys\":[" + forms.stream().map(f -> '"' + f.key().hex() + '"').collect(Collectors.joining(",")) + "]}";
    }
}
