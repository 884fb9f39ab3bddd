package io.statstream.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Against a broker that requires SASL/PLAIN, the services reach Kafka through the security
 * settings passed as {@code KAFKA_*} variables (each named after the Kafka client setting).
 */
class SaslBrokerIT {
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"statstream\" password=\"%s\";";

    @Test
    void theServicesAuthenticateWithTheSettingsPassedThrough() throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.startWithSaslPlain("sasl-broker", "statstream", "s3cret")) {
            Map<String, Object> wrongPassword = Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config", JAAS.formatted("wrong"));
            try (Admin admin = Admin.create(wrongPassword)) {
                assertThrows(ExecutionException.class, () -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS),
                        "the broker refuses a client that does not authenticate");
            }
            try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0",
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                    "KAFKA_SASL_MECHANISM", "PLAIN",
                    "KAFKA_SASL_JAAS_CONFIG", JAAS.formatted("s3cret")))) {
                ApiClient api = new ApiClient(pipeline.apiUri());
                String key = api.submit("{\"type\":\"descriptive\",\"data\":[3,1,4,1,5," + System.nanoTime() + "]}")
                        .json().get("key").asText();
                assertEquals(200, api.awaitResult(key, Duration.ofSeconds(60)).status());
            }
        }
    }
}
