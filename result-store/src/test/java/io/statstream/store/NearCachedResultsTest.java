package io.statstream.store;

import io.statstream.model.key.ContentKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NearCachedResultsTest {
    private static final ContentKey ONE = new ContentKey("1".repeat(64));
    private static final ContentKey TWO = new ContentKey("2".repeat(64));
    private static final byte[] ENVELOPE = "{\"key\":\"...\"}".getBytes(StandardCharsets.UTF_8);

    private final CountingResultStore store = new CountingResultStore(new InProcessResultStore(ResultStoreOptions.DEFAULT));
    private final NearCachedResults cached = new NearCachedResults(store, 100, Duration.ofMinutes(1));

    @Test
    void theSecondReadOfOneKeyFillsTheCache() throws Exception {
        store.putAll(List.of(new Results.TimedResult(ONE, ENVELOPE, Instant.now()))).toCompletableFuture().get();
        cached.get(ONE).toCompletableFuture().get();
        cached.get(ONE).toCompletableFuture().get();
        assertEquals(2, store.calls("get"), "a result read once is not kept: most are read once, by their submitter");
        assertArrayEquals(ENVELOPE, cached.get(ONE).toCompletableFuture().get().orElseThrow());
        assertEquals(2, store.calls("get"), "the third read is the cache's");
        assertEquals(List.of(Optional.of(ENVELOPE)), cached.getAll(List.of(ONE)).toCompletableFuture().get());
        assertEquals(0, store.calls("getAll"), "keys the cache holds are not asked of the store");
    }

    @Test
    void aReadOfManyKeysUsesTheCacheWithoutFillingIt() throws Exception {
        store.putAll(List.of(new Results.TimedResult(ONE, ENVELOPE, Instant.now()),
                new Results.TimedResult(TWO, ENVELOPE, Instant.now()))).toCompletableFuture().get();
        cached.getAll(List.of(ONE, TWO)).toCompletableFuture().get();
        cached.getAll(List.of(ONE, TWO)).toCompletableFuture().get();
        assertEquals(2, store.calls("getAll"), "a bulk's reads leave nothing in the cache");
        cached.get(TWO).toCompletableFuture().get();
        cached.get(TWO).toCompletableFuture().get();
        assertEquals(2, store.calls("get"), "the bulk's reads did not count as the key's first");
    }

    @Test
    void aReadThatFindsNothingDoesNotCount() throws Exception {
        cached.get(ONE).toCompletableFuture().get(); // pending: a waiting client's first look
        store.putAll(List.of(new Results.TimedResult(ONE, ENVELOPE, Instant.now()))).toCompletableFuture().get();
        cached.get(ONE).toCompletableFuture().get(); // woken: the result, read once
        cached.get(ONE).toCompletableFuture().get();
        assertEquals(3, store.calls("get"), "the read after the wait was the result's first");
    }

    @Test
    void aLookupOfOneKeyFillsItAsAGetDoes() throws Exception {
        store.putAll(List.of(new Results.TimedResult(ONE, ENVELOPE, Instant.now()))).toCompletableFuture().get();
        cached.getAll(List.of(ONE)).toCompletableFuture().get();
        cached.getAll(List.of(ONE)).toCompletableFuture().get();
        assertEquals(List.of(Optional.of(ENVELOPE)), cached.getAll(List.of(ONE)).toCompletableFuture().get());
        assertEquals(2, store.calls("get") + store.calls("getAll"), "the third lookup is the cache's");
    }

    @Test
    void aStateReadOfOneKeyFillsItAsAGetDoes() throws Exception {
        store.putAll(List.of(new Results.TimedResult(ONE, ENVELOPE, Instant.now()))).toCompletableFuture().get();
        cached.states(List.of(ONE)).toCompletableFuture().get();
        cached.states(List.of(ONE)).toCompletableFuture().get();
        KeyState third = cached.states(List.of(ONE)).toCompletableFuture().get().get(0);
        assertArrayEquals(ENVELOPE, ((KeyState.Done) third).envelope());
        assertEquals(2, store.calls("states"), "the third read is the cache's");
        store.markPending(List.of(TWO)).toCompletableFuture().get();
        assertEquals(List.of(KeyState.PENDING, KeyState.PENDING), cached.states(List.of(TWO, TWO)).toCompletableFuture().get());
    }
}
