package io.statstream.store;

import io.statstream.model.key.ContentKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The in-process store's states keep the promises of Redis's (PipelineIT checks those on a real Redis). */
class InProcessResultStoreTest {
    private static final ContentKey STORED = new ContentKey("1".repeat(64));
    private static final ContentKey MARKED = new ContentKey("2".repeat(64));
    private static final ContentKey NEITHER = new ContentKey("3".repeat(64));
    private static final byte[] ENVELOPE = "{\"key\":\"...\"}".getBytes(StandardCharsets.UTF_8);

    private final InProcessResultStore store = new InProcessResultStore(ResultStoreOptions.DEFAULT);

    @Test
    void oneReadSaysDonePendingOrUnknownInTheKeysOrder() throws Exception {
        store.put(STORED, ENVELOPE).toCompletableFuture().get();
        store.markPending(List.of(STORED, MARKED)).toCompletableFuture().get(); // a result wins over its key's mark

        List<KeyState> states = store.states(List.of(NEITHER, MARKED, STORED)).toCompletableFuture().get();
        assertEquals(KeyState.UNKNOWN, states.get(0));
        assertEquals(KeyState.PENDING, states.get(1));
        assertArrayEquals(ENVELOPE, assertInstanceOf(KeyState.Done.class, states.get(2)).envelope());

        store.unmarkPending(List.of(STORED, MARKED)).toCompletableFuture().get();
        assertEquals(List.of(KeyState.UNKNOWN), store.states(List.of(MARKED)).toCompletableFuture().get());
        assertInstanceOf(KeyState.Done.class, store.states(List.of(STORED)).toCompletableFuture().get().get(0));
    }

    @Test
    void aKeyMarkedThenAnsweredIsDone() throws Exception {
        store.markPending(List.of(MARKED)).toCompletableFuture().get();
        store.put(MARKED, ENVELOPE).toCompletableFuture().get();
        assertInstanceOf(KeyState.Done.class, store.states(List.of(MARKED)).toCompletableFuture().get().get(0));
    }
}
