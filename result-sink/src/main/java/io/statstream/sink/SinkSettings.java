package io.statstream.sink;

import io.statstream.runtime.SharedSettings;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.util.Map;

/** The result sink's settings, read from environment variables of the same names. */
public final class SinkSettings extends AbstractConfig {
    public static final String SINK_GROUP_ID = "SINK_GROUP_ID";
    public static final String SINK_REBUILD = "SINK_REBUILD";
    public static final String SINK_INSTANCE_ID = "SINK_INSTANCE_ID";
    public static final String SINK_COMMIT_INTERVAL_MS = "SINK_COMMIT_INTERVAL_MS";
    public static final long DEFAULT_SINK_COMMIT_INTERVAL_MS = 1000;

    public static final ConfigDef DEFINITION = SharedSettings.define(new ConfigDef())
            .define(SINK_GROUP_ID, Type.STRING, ResultSink.DEFAULT_GROUP_ID, new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Consumer group of the result sink.")
            .define(SINK_REBUILD, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Replay analysis-results from the beginning into the store at start-up, whatever the sink's marks"
                            + " in the store say (a store that lost its data is refilled without it).")
            .define(SINK_INSTANCE_ID, Type.STRING, "", Importance.LOW,
                    "A name for this sink that stays the same across its restarts and that no other sink has"
                            + " (static membership: a restarted sink takes its partitions back at once).")
            .define(SINK_COMMIT_INTERVAL_MS, Type.LONG, DEFAULT_SINK_COMMIT_INTERVAL_MS, ConfigDef.Range.atLeast(1),
                    Importance.LOW, "How often the sink commits the offsets of what it stored: what a crash makes the"
                            + " next owner store again (results are stored when read, whatever this says).");

    public SinkSettings(Map<String, ?> values) {
        super(DEFINITION, values, false);
    }
}
