package io.statstream.runtime;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How the worker's and the sink's consumers stay in their groups, so that a crash costs seconds.
 * Kafka's default session of 45 s is how long a group waits for a member killed without leaving:
 * a restarted worker could not take its partitions back, and a survivor could not take over, for
 * that long (measured: 41-48 s). A 10 s session (the broker's floor is 6 s) notices a dead member
 * within 10 s, while a pause of a few seconds (a GC, a busy machine) does not cost a rebalance.
 * With an instance id (static membership), a restarted member takes its partitions back at once.
 */
public final class GroupMembership {
    public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    /** A third of the session, as Kafka advises: two lost heartbeats do not end it. */
    public static final Duration HEARTBEAT_INTERVAL = SESSION_TIMEOUT.dividedBy(3);

    private GroupMembership() {
    }

    /** @param instanceId empty for dynamic membership; otherwise unique in the group and stable across restarts */
    public static Map<String, Object> consumerConfig(String instanceId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) HEARTBEAT_INTERVAL.toMillis());
        if (!instanceId.isBlank()) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        return config;
    }
}
