package io.statstream.worker.service;

import io.statstream.runtime.SharedSettings;
import io.statstream.runtime.StoreSettings;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Map;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;

/** The worker's settings, read from environment variables of the same names. */
public final class WorkerSettings extends AbstractConfig {
    public static final String WORKER_APPLICATION_ID = "WORKER_APPLICATION_ID";
    public static final String DEFAULT_WORKER_APPLICATION_ID = "statstream-worker";

    public static final String PROCESSING_GUARANTEE = "PROCESSING_GUARANTEE";
    /**
     * A result is a pure function of its key, the results topic is compacted and the store's write
     * is a SET: a record processed twice after a crash yields the very same state, so at-least-once
     * loses nothing and duplicates nothing a client can see. It costs, after a crash, recomputing
     * what the last commit interval processed. exactly_once_v2 would instead hide every result
     * until its transaction commits, which put the median miss latency at 91 ms instead of 20 ms
     * (BENCHMARKS.md, scenario 3).
     */
    public static final String DEFAULT_PROCESSING_GUARANTEE = StreamsConfig.AT_LEAST_ONCE;

    public static final String WORKER_THREADS = "WORKER_THREADS";
    public static final int DEFAULT_WORKER_THREADS = 1;

    public static final String WORKER_INSTANCE_ID = "WORKER_INSTANCE_ID";
    /** Empty: dynamic membership, the only choice that is safe for any number of workers per host. */
    public static final String DEFAULT_WORKER_INSTANCE_ID = "";

    public static final String WORKER_COMMIT_INTERVAL_MS = "WORKER_COMMIT_INTERVAL_MS";
    /**
     * At least once: what a crash makes the worker process again (a second of work), and how
     * often the stream thread stops to flush and commit (at 100 ms, 5 % of its time). Under
     * exactly_once_v2 a result is visible to the sink only once its transaction commits, so there
     * the default is {@link #DEFAULT_EXACTLY_ONCE_COMMIT_INTERVAL_MS}.
     */
    public static final long DEFAULT_WORKER_COMMIT_INTERVAL_MS = 1000;
    public static final long DEFAULT_EXACTLY_ONCE_COMMIT_INTERVAL_MS = 100;

    public static final String IN_FLIGHT_RETENTION_SECONDS = "IN_FLIGHT_RETENTION_SECONDS";
    /**
     * An in-flight key ends as soon as the store shows its result; this bounds the wait of a copy
     * whose result never shows (the store evicted it): far longer than a result takes to be
     * stored, and that copy is computed again after it.
     */
    public static final long DEFAULT_IN_FLIGHT_RETENTION_SECONDS = 60;

    public static final ConfigDef DEFINITION = SharedSettings.define(new ConfigDef())
            .define(WORKER_APPLICATION_ID, Type.STRING, DEFAULT_WORKER_APPLICATION_ID, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Kafka Streams application id; workers with the same id share the partitions.")
            .define(PROCESSING_GUARANTEE, Type.STRING, DEFAULT_PROCESSING_GUARANTEE,
                    ConfigDef.ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE), Importance.MEDIUM,
                    "at_least_once (default) or exactly_once_v2.")
            .define(WORKER_THREADS, Type.INT, DEFAULT_WORKER_THREADS, atLeast(1), Importance.MEDIUM,
                    "Stream threads in this worker.")
            .define(WORKER_INSTANCE_ID, Type.STRING, DEFAULT_WORKER_INSTANCE_ID, Importance.LOW,
                    "A name for this worker that stays the same across its restarts and that no other worker has"
                            + " (e.g. its host name in a container): a restarted worker then takes its partitions back"
                            + " at once (static membership). Empty: a restart waits for the group to notice the old one gone.")
            .define(WORKER_COMMIT_INTERVAL_MS, Type.LONG, null, SharedSettings.unsetOrAtLeast(1), Importance.MEDIUM,
                    "How often the worker commits: what a crash makes it process again. Default "
                            + DEFAULT_WORKER_COMMIT_INTERVAL_MS + " ms; under exactly_once_v2, where results become visible"
                            + " only then, " + DEFAULT_EXACTLY_ONCE_COMMIT_INTERVAL_MS + " ms.")
            .define(IN_FLIGHT_RETENTION_SECONDS, Type.LONG, DEFAULT_IN_FLIGHT_RETENTION_SECONDS, atLeast(1), Importance.LOW,
                    "How long a computed key whose result the store does not show yet counts as in flight, dropping further"
                            + " copies; shorter than RESULT_TTL_SECONDS.");

    /** The commit interval set, or the default for the processing guarantee. */
    public long commitIntervalMs() {
        Long set = getLong(WORKER_COMMIT_INTERVAL_MS);
        if (set != null) {
            return set;
        }
        return StreamsConfig.EXACTLY_ONCE_V2.equals(getString(PROCESSING_GUARANTEE))
                ? DEFAULT_EXACTLY_ONCE_COMMIT_INTERVAL_MS : DEFAULT_WORKER_COMMIT_INTERVAL_MS;
    }

    public WorkerSettings(Map<String, ?> values) {
        super(DEFINITION, values, false);
        // A key still "in flight" after its result expired would be dropped instead of recomputed.
        long shortestTtl = StoreSettings.of(this).shortestTtl().toSeconds();
        if (getLong(IN_FLIGHT_RETENTION_SECONDS) >= shortestTtl) {
            throw new ConfigException(IN_FLIGHT_RETENTION_SECONDS + " (" + getLong(IN_FLIGHT_RETENTION_SECONDS)
                    + ") must be shorter than the shortest result TTL (" + shortestTtl + " s)");
        }
    }
}
