package io.statstream.store;

import io.statstream.model.key.ContentKey;

import java.util.function.Consumer;

/** Word of each key stored, from any process that shares the store: what wakes a waiting request. */
public interface StoredNotices {

    /**
     * Calls {@code listener} with every key stored from now on, by this process or any other that
     * shares the store, until the returned handle is closed. Delivery is best effort (a listener
     * that misses a notice still finds the result by reading), and the listener runs on the
     * store's I/O thread: keep it short.
     */
    AutoCloseable onStored(Consumer<ContentKey> listener);
}
