package io.statstream.runtime;

import org.apache.kafka.common.config.AbstractConfig;

import java.time.Duration;

/** Reads the shared result-store settings out of any service's settings. */
public record StoreSettings(String redisUrl, String keyPrefix, Duration resultTtl) {
    public static StoreSettings of(AbstractConfig settings) {
        return new StoreSettings(settings.getString(SharedSettings.REDIS_URL),
                settings.getString(SharedSettings.REDIS_KEY_PREFIX),
                Duration.ofSeconds(settings.getLong(SharedSettings.RESULT_TTL_SECONDS)));
    }
}
