package io.statstream.store;

import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.Descriptive;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregatedHotKeysTest {
    /** A store whose writes complete only when the test says so. */
    private static final class SlowStore implements HotKeys {
        final List<CompletableFuture<Void>> writes = new ArrayList<>();
        final List<Collection<Counted>> recorded = new ArrayList<>();

        @Override
        public synchronized CompletionStage<Void> record(Collection<Counted> requests) {
            recorded.add(List.copyOf(requests));
            CompletableFuture<Void> write = new CompletableFuture<>();
            writes.add(write);
            return write;
        }

        @Override
        public CompletionStage<List<String>> top(int n, Duration window) {
            return CompletableFuture.completedFuture(List.of("counted so far: " + recorded.size()));
        }
    }

    @Test
    void requestsSeenOnceReachTheStoreOnlyWhenTheyComeAgain() {
        SlowStore store = new SlowStore();
        CanonicalForm once = CanonicalForm.of(new Descriptive(new double[] {1, 2}));
        CanonicalForm twice = CanonicalForm.of(new Descriptive(new double[] {3, 4}));
        try (AggregatedHotKeys hotKeys = new AggregatedHotKeys(store)) {
            hotKeys.record(List.of(new HotKeys.Counted(once, 1), new HotKeys.Counted(twice, 1)));
            hotKeys.top(10, Duration.ofHours(1));
            assertEquals(List.of(), store.recorded, "a bulk of new requests writes no counts");

            hotKeys.record(twice, 1);
            hotKeys.top(10, Duration.ofHours(1));
            assertEquals(List.of(List.of(new HotKeys.Counted(twice, 2))), store.recorded);
        }
    }

    @Test
    void aTopWaitsForTheHandOverStillOnItsWay() {
        SlowStore store = new SlowStore();
        try (AggregatedHotKeys hotKeys = new AggregatedHotKeys(store)) {
            hotKeys.record(CanonicalForm.of(new Descriptive(new double[] {1, 2, 3})), 2);
            CompletableFuture<List<String>> first = hotKeys.top(10, Duration.ofHours(1)).toCompletableFuture();
            // Nothing is left to hand over (the first top took it, as the flusher may): the second
            // top must still wait for those counts to be stored.
            CompletableFuture<List<String>> second = hotKeys.top(10, Duration.ofHours(1)).toCompletableFuture();
            assertEquals(1, store.recorded.size());
            assertFalse(first.isDone());
            assertFalse(second.isDone());

            store.writes.get(0).complete(null);
            assertTrue(second.isDone());
            assertEquals(List.of("counted so far: 1"), second.join());
        }
    }
}
