package io.statstream.runtime;

import org.apache.kafka.common.config.ConfigDef;

import java.util.HashMap;
import java.util.Map;

/**
 * Picks from the environment the variables a {@link ConfigDef} declares (the rest take their
 * defaults), and every {@code KAFKA_*} variable, passed through to the Kafka clients (see
 * {@link KafkaClients}).
 */
public final class EnvironmentSettings {
    private EnvironmentSettings() {
    }

    public static Map<String, String> read(ConfigDef definition, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        for (String name : definition.names()) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value);
            }
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(KafkaClients.PREFIX) && !value.isBlank()) {
                values.putIfAbsent(name, value);
            }
        });
        return values;
    }

    public static Map<String, String> read(ConfigDef definition) {
        return read(definition, System.getenv());
    }
}
