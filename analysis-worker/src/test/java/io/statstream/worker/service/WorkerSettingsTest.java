package io.statstream.worker.service;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A key must stop counting as in flight before its result can expire, or it would never be recomputed. */
class WorkerSettingsTest {
    @Test
    void inFlightRetentionMustBeShorterThanEveryTtl() {
        assertDoesNotThrow(() -> new WorkerSettings(Map.of("IN_FLIGHT_RETENTION_SECONDS", "600",
                "RESULT_TTL_SECONDS", "3600", "RESULT_TTL_BY_TYPE", "descriptive=601")));

        ConfigException byDefault = assertThrows(ConfigException.class, () -> new WorkerSettings(Map.of(
                "IN_FLIGHT_RETENTION_SECONDS", "600", "RESULT_TTL_SECONDS", "600")));
        assertTrue(byDefault.getMessage().contains("600 s"), byDefault.getMessage());

        ConfigException byType = assertThrows(ConfigException.class, () -> new WorkerSettings(Map.of(
                "IN_FLIGHT_RETENTION_SECONDS", "600", "RESULT_TTL_SECONDS", "3600", "RESULT_TTL_BY_TYPE", "regression_ols=86400,descriptive=300")));
        assertTrue(byType.getMessage().contains("300 s"), byType.getMessage());
    }
}
