package io.statstream.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.statstream.runtime.StoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;

/** Chooses the store: Redis when a URL is configured, else the in-process store, saying so in the log. */
public final class ResultStores {
    private static final Logger LOG = LoggerFactory.getLogger(ResultStores.class);

    private ResultStores() {
    }

    /** The store the shared settings (REDIS_URL, REDIS_KEY_PREFIX, RESULT_TTL_SECONDS) describe. */
    public static ResultStore open(StoreSettings settings, MeterRegistry registry) {
        return open(settings.redisUrl(), settings.redisTlsCa(), ResultStoreOptions.DEFAULT
                .withKeyPrefix(settings.keyPrefix())
                .withResultTtl(settings.resultTtl())
                .withTtlByType(settings.ttlByType()), registry);
    }

    /** @param registry where Redis command latencies and errors are recorded */
    public static ResultStore open(String redisUrl, ResultStoreOptions options, MeterRegistry registry) {
        return open(redisUrl, Optional.empty(), options, registry);
    }

    private static ResultStore open(String redisUrl, Optional<Path> tlsCa, ResultStoreOptions options, MeterRegistry registry) {
        if (redisUrl == null || redisUrl.isBlank()) {
            LOG.warn("No REDIS_URL: results are kept in this process only, at most {} for {}; they are lost on restart",
                    options.maxInProcessEntries(), options.resultTtl());
            return new InProcessResultStore(options);
        }
        RedisResultStore store = RedisResultStore.connect(new RedisEndpoint(redisUrl, tlsCa), options, registry);
        LOG.info("Results are kept in {} for {}", store.describe(), options.resultTtl());
        return store;
    }
}
