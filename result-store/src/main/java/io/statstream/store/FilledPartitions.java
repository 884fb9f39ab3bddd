package io.statstream.store;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Which partitions of analysis-results the store has been filled from: the sink's evidence that
 * the store still holds what it wrote. The marks live beside the results, so a store that loses
 * its data (a Redis restarted without persistence, a flush, a failover to an empty replica) loses
 * them with it, and the sink, finding them gone, replays those partitions into the store.
 */
public interface FilledPartitions {
    /** The partitions among {@code partitions} that carry no mark; one round trip. */
    CompletionStage<Set<Integer>> unmarked(Collection<Integer> partitions);

    /** Marks the partitions as filled, for as long as the store keeps its data; one round trip. */
    CompletionStage<Void> mark(Collection<Integer> partitions);
}
