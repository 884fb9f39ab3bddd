package io.statstream.api;

import io.statstream.api.access.AccessControl;
import io.statstream.api.access.Caller;
import io.statstream.api.access.SubmissionQuotas;
import io.statstream.api.access.UnfinishedWork;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.store.HotKeys;
import io.statstream.store.Results;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What sets a batch of submissions apart from a warming replay, in one place: which items need no
 * publishing, what the caller is charged, and whether what is published asks for a recomputation.
 * {@link BatchRun} does the rest, the same for both.
 */
sealed interface BatchPolicy {

    /** For each key, whether it needs no publishing; one round trip. */
    CompletionStage<List<Boolean>> skips(Results results, List<ContentKey> keys);

    /** The state of a key that needs no publishing. */
    BatchItems.KeyState skipped();

    /** Whether what is published is a refresh: computed again even where a result is stored. */
    boolean refresh();

    /** A chunk was read, before its keys are looked up. */
    default void read(BatchItems.Chunk chunk) {
    }

    /**
     * Takes a chunk's cost from the caller's share ({@code hits} skipped, {@code misses} to
     * publish) once its keys were classified; failed when over it: the chunk is not published.
     */
    default Future<Void> charge(RoutingContext ctx, Results results, BatchItems batch, BatchItems.Chunk chunk, int hits,
                                List<CanonicalForm> misses) {
        return Future.succeededFuture();
    }

    /** The broker took these keys. */
    default void accepted(Caller caller, List<ContentKey> keys) {
    }

    /**
     * POST /v1/analyses/batch: a stored key is answered "done", not published again; the caller's
     * share pays for hits and misses, and its unfinished work is bounded; requests are counted for
     * the warming replay.
     */
    record Submission(HotKeys hotKeys, SubmissionQuotas quotas, UnfinishedWork unfinished, ApiMetrics metrics)
            implements BatchPolicy {
        @Override
        public CompletionStage<List<Boolean>> skips(Results results, List<ContentKey> keys) {
            return results.getAll(keys).thenApply(stored -> stored.stream().map(Optional::isPresent).toList());
        }

        @Override
        public BatchItems.KeyState skipped() {
            return BatchItems.KeyState.STORED;
        }

        @Override
        public boolean refresh() {
            return false;
        }

        @Override
        public void read(BatchItems.Chunk chunk) {
            hotKeys.record(chunk.requests().values()); // best effort: counts feed the warming replay
        }

        @Override
        public Future<Void> charge(RoutingContext ctx, Results results, BatchItems batch, BatchItems.Chunk chunk, int hits,
                                   List<CanonicalForm> misses) {
            Caller caller = AccessControl.caller(ctx);
            return Future.fromCompletionStage(quotas.take(caller, hits, misses.size()), ctx.vertx().getOrCreateContext())
                    .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e)))
                    .compose(grant -> {
                        if (!ctx.response().headWritten()) {
                            grant.addHeaders(ctx.response()::putHeader); // the last chunk's headers are what the answer shows
                        }
                        metrics.client(caller, "hit", grant.allowed() ? hits : 0);
                        metrics.client(caller, "miss", grant.allowed() ? misses.size() : 0);
                        metrics.client(caller, "limited", grant.allowed() ? 0 : hits + misses.size());
                        return grant.allowed() ? Future.succeededFuture() : Future.<Void>failedFuture(ApiException.overShare(caller, grant));
                    })
                    .compose(allowed -> Future.fromCompletionStage(unfinished.overShareWith(caller, misses.size(), results::containsAll),
                                    ctx.vertx().getOrCreateContext())
                            .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e))))
                    .compose(over -> over.isEmpty() ? Future.<Void>succeededFuture()
                            : Future.failedFuture(ApiException.tooMuchUnfinished(caller, over.get(), unfinished.maxPerClient())))
                    .onSuccess(charged -> countItems(batch, chunk));
        }

        private void countItems(BatchItems batch, BatchItems.Chunk chunk) {
            long items = chunk.requests().values().stream().mapToLong(HotKeys.Counted::count).sum();
            long stored = chunk.requests().entrySet().stream()
                    .filter(entry -> batch.stateOf(entry.getKey()) == BatchItems.KeyState.STORED)
                    .mapToLong(entry -> entry.getValue().count()).sum();
            metrics.batchItems(items, stored);
        }

        @Override
        public void accepted(Caller caller, List<ContentKey> keys) {
            unfinished.accepted(caller, keys); // best effort: an uncounted key only frees room
        }
    }

    /**
     * POST /v1/analyses/warm: a key kept for at least {@code margin} more is "warm" and skipped;
     * the rest are published as refreshes, stored or not. An operator's replay: no share is charged.
     */
    record Warming(Duration margin) implements BatchPolicy {
        @Override
        public CompletionStage<List<Boolean>> skips(Results results, List<ContentKey> keys) {
            return results.remainingTtl(keys).thenApply(ttls -> ttls.stream()
                    .map(ttl -> ttl.filter(remaining -> remaining.compareTo(margin) >= 0).isPresent()).toList());
        }

        @Override
        public BatchItems.KeyState skipped() {
            return BatchItems.KeyState.WARM;
        }

        @Override
        public boolean refresh() {
            return true;
        }
    }
}
