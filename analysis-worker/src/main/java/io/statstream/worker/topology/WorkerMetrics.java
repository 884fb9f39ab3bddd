package io.statstream.worker.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.statstream.model.AnalysisType;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the worker counts: requests dropped as duplicates, analyses computed and how long each
 * took (a histogram per type, for percentiles), computations per client, records dead-lettered.
 */
public final class WorkerMetrics {
    public static final String DUPLICATES = "statstream.worker.duplicates";
    public static final String COMPUTED = "statstream.worker.compute";
    public static final String DEAD_LETTERS = "statstream.worker.dead.letters";
    public static final String CLIENT_COMPUTATIONS = "statstream.worker.client.computations";
    /**
     * Client names come from record headers, which anyone who may write to the topic can set: past
     * this many distinct names, the rest are counted together as {@link #OTHER_CLIENTS}.
     */
    static final int MAX_CLIENTS = 1_000;
    static final String OTHER_CLIENTS = "(other)";
    /** A client name as long as a configured one may reasonably be; a longer header is cut. */
    private static final int MAX_CLIENT_NAME = 64;

    private final Counter completedDuplicates;
    private final Counter inFlightDuplicates;
    private final Counter deadLetters;
    private final Map<AnalysisType, Timer> computed = new EnumMap<>(AnalysisType.class);
    private final Map<String, Counter> computedForClient = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public WorkerMetrics(MeterRegistry registry) {
        this.registry = registry;
        completedDuplicates = Counter.builder(DUPLICATES).tag("kind", "completed")
                .description("Requests dropped because their result is already stored").register(registry);
        inFlightDuplicates = Counter.builder(DUPLICATES).tag("kind", "in_flight")
                .description("Requests dropped because the same key is being computed").register(registry);
        deadLetters = Counter.builder(DEAD_LETTERS)
                .description("Records of analysis-requests sent to the dead-letter topic").register(registry);
        for (AnalysisType type : AnalysisType.values()) {
            computed.put(type, Timer.builder(COMPUTED).tag("type", type.wireName())
                    .description("Analyses computed, and the engine's time for each")
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(1_000))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry));
        }
    }

    void completedDuplicate() {
        completedDuplicates.increment();
    }

    void inFlightDuplicate() {
        inFlightDuplicates.increment();
    }

    void deadLettered() {
        deadLetters.increment();
    }

    void computed(AnalysisType type, long computeMicros, String client) {
        computed.get(type).record(computeMicros, TimeUnit.MICROSECONDS);
        Counter forClient = computedForClient.get(client);
        if (forClient == null) {
            String name = computedForClient.size() < MAX_CLIENTS ? client : OTHER_CLIENTS;
            forClient = computedForClient.computeIfAbsent(name, this::clientCounter);
        }
        forClient.increment();
    }

    private Counter clientCounter(String client) {
        String name = client.isEmpty() ? "(unnamed)" : client.substring(0, Math.min(client.length(), MAX_CLIENT_NAME));
        return Counter.builder(CLIENT_COMPUTATIONS).tag("client", name)
                .description("Analyses computed, per client whose submission was published (the first to ask)").register(registry);
    }
}
