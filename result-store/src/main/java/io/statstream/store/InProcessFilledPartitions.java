package io.statstream.store;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The in-process store starts empty with every process: no partition is marked then, so a sink
 * in a restarted process fills it again from analysis-results.
 */
final class InProcessFilledPartitions implements FilledPartitions {
    private final Set<Integer> marked = ConcurrentHashMap.newKeySet();

    @Override
    public CompletionStage<Set<Integer>> unmarked(Collection<Integer> partitions) {
        return CompletableFuture.completedFuture(partitions.stream().filter(p -> !marked.contains(p)).collect(Collectors.toSet()));
    }

    @Override
    public CompletionStage<Void> mark(Collection<Integer> partitions) {
        marked.addAll(partitions);
        return CompletableFuture.completedFuture(null);
    }
}
