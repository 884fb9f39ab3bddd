package io.statstream.launcher;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statstream.model.key.CanonicalForm;
import io.statstream.store.InProcessResultStore;
import io.statstream.runtime.SharedSettings;
import io.statstream.sink.ResultSink;
import io.statstream.sink.SinkSettings;
import io.statstream.store.ResultStore;
import io.statstream.store.ResultStoreOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.statstream.launcher.RedisOutageIT.awaitTrue;
import static io.statstream.launcher.RedisOutageIT.stored;

/** A lost cache is rebuilt from analysis-results, the durable record of every result. */
class SinkRebuildIT {
    @Test
    void aRebuildingSinkFillsAnEmptyStoreWithEveryResult() throws Exception {
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"));
             KafkaProbe kafka = new KafkaProbe(pipeline.bootstrapServers())) {
            List<CanonicalForm> requests = Requests.distinct(20, System.nanoTime());
            kafka.produceRequests(requests);
            awaitTrue(() -> requests.stream().allMatch(r -> stored(pipeline.store(), r)), "the results are stored");

            try (ResultStore empty = new InProcessResultStore(ResultStoreOptions.DEFAULT);
                 ResultSink rebuilding = ResultSink.start(new SinkSettings(Map.of(
                                 SharedSettings.KAFKA_BOOTSTRAP_SERVERS, pipeline.bootstrapServers(),
                                 SinkSettings.SINK_GROUP_ID, "rebuild-" + UUID.randomUUID(), SinkSettings.SINK_REBUILD, "true")),
                         empty, pipeline.resultSignature(), new SimpleMeterRegistry())) {
                awaitTrue(() -> requests.stream().allMatch(r -> stored(empty, r)), "the rebuilt store holds every result");
            }
        }
    }
}
