package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.embedded.EmbeddedKafka;
import io.statstream.model.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On a cluster of three brokers, topics keep three copies and acknowledge with two in sync, so a
 * broker that dies in the middle of a bulk costs no accepted request and refuses none.
 */
class ThreeBrokersIT {
    @Test
    void aBrokerDyingMidBulkLosesNothingAndRefusesNothing() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(3);
             LocalPipeline pipeline = LocalPipeline.start(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                     "HTTP_PORT", "0", "TOPIC_PARTITIONS", "3"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            for (String topic : List.of(Topics.ANALYSIS_REQUESTS.name(), Topics.ANALYSIS_RESULTS.name())) {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                description.partitions().forEach(partition -> assertEquals(3, partition.replicas().size(), topic));
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                        .all().get().values().iterator().next();
                assertEquals("2", config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value(), topic);
            }

            ApiClient api = new ApiClient(pipeline.apiUri());
            long run = System.nanoTime();
            List<String> accepted = new ArrayList<>();
            for (int call = 0; call < 6; call++) {
                if (call == 2) {
                    kafka.stopBroker(kafka.brokerIds().iterator().next());
                }
                int from = call * 500;
                String body = IntStream.range(from, from + 500)
                        .mapToObj(i -> "{\"type\":\"descriptive\",\"data\":[" + run + "," + i + ",2]}")
                        .collect(Collectors.joining("\n"));
                ApiClient.Reply reply = api.post("/v1/analyses/batch", "application/x-ndjson", body);
                assertEquals(200, reply.status(), reply.response().body());
                for (JsonNode item : reply.json().get("items")) {
                    assertEquals("pending", item.get("state").asText(), "refused with two of three copies alive: " + item);
                    accepted.add(item.get("key").asText());
                }
            }
            for (String key : accepted) {
                assertEquals(200, api.awaitResult(key, Duration.ofSeconds(60)).status(), key);
            }
        }
    }
}
