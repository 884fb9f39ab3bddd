package io.statstream.store;

import java.util.concurrent.CompletionStage;

/**
 * The store, as one owner of its connections and its roles, which callers take one at a time, as
 * Lettuce composes its command interfaces: {@link Results}, {@link PendingMarks},
 * {@link StoredNotices}, the request counts ({@link #hotKeys}) and the sink's partition marks
 * ({@link #filledPartitions}), all kept beside each other on the same connection.
 */
public interface ResultStore extends Results, PendingMarks, StoredNotices, AutoCloseable {

    /** The request counts kept beside the results. */
    HotKeys hotKeys();

    /** The sink's marks of the partitions it filled the store from, kept beside the results. */
    FilledPartitions filledPartitions();

    /** Completes when the store answers; exceptionally when it does not. */
    CompletionStage<Void> ping();

    /** A name for logs and health reports: "redis://host:port" or "in-process". */
    String describe();

    @Override
    void close();
}
