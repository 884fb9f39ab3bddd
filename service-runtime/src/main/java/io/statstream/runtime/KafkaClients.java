package io.statstream.runtime;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every Kafka client of a service starts from: the bootstrap servers, and any Kafka client
 * setting given as an environment variable, {@code KAFKA_} and the setting's name in capitals with
 * {@code _} for {@code .} ({@code KAFKA_SECURITY_PROTOCOL=SASL_SSL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, ...). Variables that name
 * no client setting ({@code KAFKA_HOME}, {@code KAFKA_OPTS}) are left alone. A service's own
 * choices that make its promises hold (acks, idempotence, isolation) are set over these.
 */
public final class KafkaClients {
    public static final String PREFIX = "KAFKA_";
    private static final Set<String> CLIENT_SETTINGS = Stream.of(ProducerConfig.configNames(), ConsumerConfig.configNames(),
                    AdminClientConfig.configNames())
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private KafkaClients() {
    }

    /** The base configuration of every client: bootstrap servers and the settings passed through. */
    public static Map<String, Object> config(AbstractConfig settings) {
        Map<String, Object> config = new HashMap<>();
        settings.originalsWithPrefix(PREFIX, true).forEach((name, value) -> {
            String setting = name.toLowerCase(Locale.ROOT).replace('_', '.');
            if (CLIENT_SETTINGS.contains(setting)) {
                config.put(setting, value);
            }
        });
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getString(SharedSettings.KAFKA_BOOTSTRAP_SERVERS));
        return config;
    }

    /** The base configuration with a client's own settings over it. */
    public static Map<String, Object> config(Map<String, Object> base, Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(base);
        config.putAll(own);
        return config;
    }
}
