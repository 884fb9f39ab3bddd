package io.statstream.worker.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.statstream.model.AnalysisType;

import java.util.EnumMap;
import java.util.Map;

/** What the worker counts: requests dropped as duplicates, analyses computed, records dead-lettered. */
public final class WorkerMetrics {
    public static final String DUPLICATES = "statstream.worker.duplicates";
    public static final String COMPUTED = "statstream.worker.computed";
    public static final String DEAD_LETTERS = "statstream.worker.dead.letters";

    private final Counter completedDuplicates;
    private final Counter inFlightDuplicates;
    private final Counter deadLetters;
    private final Map<AnalysisType, Counter> computed = new EnumMap<>(AnalysisType.class);

    public WorkerMetrics(MeterRegistry registry) {
        completedDuplicates = Counter.builder(DUPLICATES).tag("kind", "completed")
                .description("Requests dropped because their result is already stored").register(registry);
        inFlightDuplicates = Counter.builder(DUPLICATES).tag("kind", "in_flight")
                .description("Requests dropped because the same key is being computed").register(registry);
        deadLetters = Counter.builder(DEAD_LETTERS)
                .description("Records of analysis-requests sent to the dead-letter topic").register(registry);
        for (AnalysisType type : AnalysisType.values()) {
            computed.put(type, Counter.builder(COMPUTED).tag("type", type.wireName())
                    .description("Analyses computed").register(registry));
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

    void computed(AnalysisType type) {
        computed.get(type).increment();
    }
}
