package io.statstream.runtime;

import io.statstream.model.request.RequestLimits;
import io.statstream.model.topic.ResultSignature;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import org.slf4j.LoggerFactory;

import java.util.Optional;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;

/**
 * The settings every service reads, declared once: name (the environment variable), type,
 * default, validator and documentation together. Each service adds its own to these.
 */
public final class SharedSettings {
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String DEFAULT_KAFKA_BOOTSTRAP_SERVERS = "localhost:9092";

    public static final String TOPIC_PARTITIONS = "TOPIC_PARTITIONS";
    public static final int DEFAULT_TOPIC_PARTITIONS = 6;

    public static final String TOPIC_REPLICATION_FACTOR = "TOPIC_REPLICATION_FACTOR";
    /** Unset: from the cluster's size ({@link TopicSetup#replicationFor}). */
    public static final Short DEFAULT_TOPIC_REPLICATION_FACTOR = null;

    public static final String REDIS_URL = "REDIS_URL";

    public static final String RESULT_TTL_SECONDS = "RESULT_TTL_SECONDS";
    public static final long DEFAULT_RESULT_TTL_SECONDS = 3600;

    /** Shared so that the worker never dead-letters what the API accepted. */
    public static final String MAX_VALUES_PER_REQUEST = "MAX_VALUES_PER_REQUEST";

    public static final String METRICS_PORT = "METRICS_PORT";
    public static final int DEFAULT_METRICS_PORT = 9400;

    public static final String RESULT_TTL_BY_TYPE = "RESULT_TTL_BY_TYPE";

    public static final String REDIS_KEY_PREFIX = "REDIS_KEY_PREFIX";
    public static final String DEFAULT_REDIS_KEY_PREFIX = "statstream:";

    public static final String RESULT_SIGNING_KEY = "RESULT_SIGNING_KEY";
    public static final String REDIS_TLS_CA_FILE = "REDIS_TLS_CA_FILE";

    private SharedSettings() {
    }

    /**
     * The worker's and the sink's shared signing key, if one is set; without one, results are not
     * signed and the sink stores whatever analysis-results holds, which this says at start-up.
     */
    public static Optional<ResultSignature> resultSignature(AbstractConfig settings) {
        String secret = settings.getPassword(RESULT_SIGNING_KEY).value();
        if (secret.isBlank()) {
            LoggerFactory.getLogger(SharedSettings.class).warn("RESULT_SIGNING_KEY is not set: results are not signed, "
                    + "and the result sink stores whatever analysis-results holds, whoever wrote it");
            return Optional.empty();
        }
        return Optional.of(new ResultSignature(secret));
    }

    /** For a setting whose absence means "derive it": empty, or a number of at least {@code min}. */
    public static ConfigDef.Validator unsetOrAtLeast(long min) {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value != null && ((Number) value).longValue() < min) {
                throw new ConfigException(name, value, "must be at least " + min);
            }
        }, () -> "empty, or at least " + min);
    }

    public static ConfigDef define(ConfigDef def) {
        return def
                .define(KAFKA_BOOTSTRAP_SERVERS, Type.STRING, DEFAULT_KAFKA_BOOTSTRAP_SERVERS, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Kafka brokers to connect to, host:port[,host:port...].")
                .define(TOPIC_PARTITIONS, Type.INT, DEFAULT_TOPIC_PARTITIONS, atLeast(1), Importance.MEDIUM,
                        "Partitions of each topic, used when a service creates a topic that does not exist yet.")
                .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, DEFAULT_TOPIC_REPLICATION_FACTOR, unsetOrAtLeast(1), Importance.MEDIUM,
                        "Replication factor of each topic created at start-up. Empty: 3 where the cluster has three"
                                + " brokers or more, else one per broker; min.insync.replicas follows (2 for 3 copies).")
                .define(REDIS_URL, Type.STRING, "", Importance.HIGH,
                        "Redis to keep results in, e.g. redis://localhost:6379. Empty: an in-process store"
                                + " (one process only, lost on restart).")
                .define(RESULT_TTL_SECONDS, Type.LONG, DEFAULT_RESULT_TTL_SECONDS, atLeast(1), Importance.MEDIUM,
                        "How long a stored result is kept, in seconds.")
                .define(MAX_VALUES_PER_REQUEST, Type.INT, RequestLimits.DEFAULT_MAX_VALUES, atLeast(1), Importance.MEDIUM,
                        "Most numbers one request may hold; more get 413.")
                .define(METRICS_PORT, Type.INT, DEFAULT_METRICS_PORT, ConfigDef.Range.between(0, 65535), Importance.LOW,
                        "Port of GET /metrics (Prometheus) for the worker and the sink; the API serves /metrics on HTTP_PORT.")
                .define(RESULT_TTL_BY_TYPE, Type.LIST, "", new TtlByType.Validator(), Importance.LOW,
                        "A result TTL per analysis type where it differs, e.g. regression_ols=86400,descriptive=1800 (seconds).")
                .define(REDIS_KEY_PREFIX, Type.STRING, DEFAULT_REDIS_KEY_PREFIX, Importance.LOW,
                        "Prefix of every Redis key statstream writes.")
                .define(REDIS_TLS_CA_FILE, Type.STRING, "", Importance.LOW,
                        "PEM file of the certificate authority that signed Redis's certificate, for a rediss:// REDIS_URL (empty: the JVM's trust store).")
                .define(RESULT_SIGNING_KEY, Type.PASSWORD, "", Importance.HIGH,
                        "Secret shared by the worker and the sink: the worker signs each result (HMAC-SHA256), the sink stores only "
                                + "results signed with it and dead-letters the rest to analysis-results.dlq. Empty: no signing (a warning at start-up).");
    }
}
