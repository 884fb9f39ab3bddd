package io.statstream.store;

import io.statstream.model.AnalysisType;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.runtime.SharedSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How results are kept.
 *
 * @param keyPrefix          prefix of every key written; default {@link SharedSettings#DEFAULT_REDIS_KEY_PREFIX}
 * @param resultTtl          how long a result is kept; default {@link SharedSettings#DEFAULT_RESULT_TTL_SECONDS}
 * @param pendingTtl         how long a key stays pending without a result; default {@link #DEFAULT_PENDING_TTL}
 * @param maxInProcessEntries bound of the in-process store; default {@value #DEFAULT_MAX_IN_PROCESS_ENTRIES}
 * @param ttlByType          a result TTL per analysis type, where it differs from {@code resultTtl}; default none
 */
public record ResultStoreOptions(String keyPrefix, Duration resultTtl, Duration pendingTtl, long maxInProcessEntries,
                                 Map<AnalysisType, Duration> ttlByType) {
    /**
     * A mark ends when its result is stored, however late; this only bounds a mark whose request
     * will never be computed (deleted by the requests topic's retention before a worker read it).
     * A worker a whole day behind is an outage an operator already knows about.
     */
    public static final Duration DEFAULT_PENDING_TTL = Duration.ofHours(24);
    public static final long DEFAULT_MAX_IN_PROCESS_ENTRIES = 100_000;

    /** The settings' defaults (declared once, with the settings), and what no setting changes. */
    public static final ResultStoreOptions DEFAULT = new ResultStoreOptions(SharedSettings.DEFAULT_REDIS_KEY_PREFIX,
            Duration.ofSeconds(SharedSettings.DEFAULT_RESULT_TTL_SECONDS), DEFAULT_PENDING_TTL, DEFAULT_MAX_IN_PROCESS_ENTRIES, Map.of());

    public ResultStoreOptions {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        requirePositive("resultTtl", resultTtl);
        requirePositive("pendingTtl", pendingTtl);
        ttlByType = Map.copyOf(ttlByType);
        ttlByType.forEach((type, ttl) -> requirePositive("ttl of " + type.wireName(), ttl));
        if (maxInProcessEntries < 1) {
            throw new IllegalArgumentException("maxInProcessEntries must be at least 1, got " + maxInProcessEntries);
        }
    }

    public ResultStoreOptions withResultTtl(Duration ttl) {
        return new ResultStoreOptions(keyPrefix, ttl, pendingTtl, maxInProcessEntries, ttlByType);
    }

    public ResultStoreOptions withKeyPrefix(String prefix) {
        return new ResultStoreOptions(prefix, resultTtl, pendingTtl, maxInProcessEntries, ttlByType);
    }

    public ResultStoreOptions withTtlByType(Map<AnalysisType, Duration> ttls) {
        return new ResultStoreOptions(keyPrefix, resultTtl, pendingTtl, maxInProcessEntries, ttls);
    }

    /** What is left at {@code now} of the time to live that started {@code since}; zero or less when none. */
    Duration remainingTtl(byte[] envelopeJson, Instant since, Instant now) {
        Duration age = Duration.between(since, now);
        return ttlFor(envelopeJson).minus(age.isNegative() ? Duration.ZERO : age); // a clock ahead of ours gives no extra time
    }

    /** How long to keep an envelope: its type's TTL if one is set, else the result TTL. */
    Duration ttlFor(byte[] envelopeJson) {
        if (ttlByType.isEmpty()) {
            return resultTtl;
        }
        return ResultEnvelope.peekType(envelopeJson).map(type -> ttlByType.getOrDefault(type, resultTtl)).orElse(resultTtl);
    }

    String resultKey(String hex) {
        return keyPrefix + "result:" + hex;
    }

    String pendingKey(String hex) {
        return keyPrefix + "pending:" + hex;
    }

    /** The pub/sub channel on which every stored key is announced. */
    String storedChannel() {
        return keyPrefix + "stored";
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + duration);
        }
    }
}
