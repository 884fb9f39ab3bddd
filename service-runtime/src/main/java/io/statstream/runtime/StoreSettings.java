package io.statstream.runtime;

import org.apache.kafka.common.config.AbstractConfig;

import io.statstream.model.AnalysisType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the shared result-store settings out of any service's settings.
 *
 * @param redisTlsCa the authority that signed Redis's certificate, for {@code rediss://}; empty: the JVM's trust store
 */
public record StoreSettings(String redisUrl, Optional<Path> redisTlsCa, String keyPrefix, Duration resultTtl,
                            Map<AnalysisType, Duration> ttlByType) {
    public static StoreSettings of(AbstractConfig settings) {
        String ca = settings.getString(SharedSettings.REDIS_TLS_CA_FILE);
        return new StoreSettings(settings.getString(SharedSettings.REDIS_URL), ca.isBlank() ? Optional.empty() : Optional.of(Path.of(ca)),
                settings.getString(SharedSettings.REDIS_KEY_PREFIX),
                Duration.ofSeconds(settings.getLong(SharedSettings.RESULT_TTL_SECONDS)),
                TtlByType.parse(settings.getList(SharedSettings.RESULT_TTL_BY_TYPE)));
    }

    /** The shortest time any result is kept: the default TTL or a shorter one of some type. */
    public Duration shortestTtl() {
        return ttlByType.values().stream().reduce(resultTtl, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
}
