package io.statstream.store;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A Redis connection of its own for commands issued many at a time (a batch's request counts and
 * pending marks, the worker's look-up of a poll's keys): they queue until the caller's batch is
 * complete and then leave in one write, instead of one hand-off to Lettuce's I/O thread and one
 * system call each. Callers take turns, so one caller's flush never sends half of another's batch.
 */
final class BatchConnection implements AutoCloseable {
    private final RedisEndpoint.Connection<String, byte[]> connection;

    BatchConnection(RedisEndpoint.Connection<String, byte[]> connection) {
        this.connection = connection;
        connection.stateful().setAutoFlushCommands(false);
    }

    /** Issues {@code commands}, then flushes them together; returns what {@code commands} returned. */
    synchronized <T> T send(Function<RedisClusterAsyncCommands<String, byte[]>, T> commands) {
        try {
            return commands.apply(connection.commands());
        } finally {
            connection.stateful().flushCommands();
        }
    }

    /** One command per item, flushed together; completes with the replies in the items' order. */
    <I, T> CompletableFuture<List<T>> sendEach(Collection<I> items,
                                               BiFunction<RedisClusterAsyncCommands<String, byte[]>, I, ? extends CompletionStage<T>> command) {
        List<CompletableFuture<T>> replies = send(redis -> items.stream()
                .map(item -> command.apply(redis, item).toCompletableFuture())
                .toList());
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                .thenApply(done -> replies.stream().map(CompletableFuture::join).toList());
    }

    @Override
    public void close() {
        connection.close();
    }
}
