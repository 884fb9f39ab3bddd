package io.statstream.api;

import io.statstream.api.access.AccessControl;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.RequestParser;
import io.statstream.store.PendingMarks;
import io.statstream.store.Results;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One batch call, chunk by chunk: each chunk is validated and keyed off the event loop, its new
 * keys classified in one round trip (skipped by the {@link BatchPolicy}, or to publish), charged,
 * published, and marked pending once the broker took them. Chunks are handled strictly one after
 * another (each waits for the one before, whatever order the stream's events come in), and the
 * answer lists each item's state in input order, written once. An item the broker did not
 * acknowledge is "failed", never "pending"; one bad item never sinks the batch. Longer than most
 * because a chunk's steps share the call's state (its items, its first failure, its acknowledgements).
 */
final class BatchRun {
    static final int MAX_ITEMS = 100_000;
    /**
     * Chunks published and not yet acknowledged while the next is read: the upload waits for the
     * broker beyond this, so a fast client cannot pile requests up in the API's memory.
     */
    private static final int CHUNKS_IN_FLIGHT = 2;

    /** What every run of a route shares. */
    record Services(RequestParser parser, Results results, PendingMarks pending, RequestPublisher publisher) {
    }

    private final Services services;
    private final BatchPolicy policy;
    private final RoutingContext ctx;
    private final BatchItems batch = new BatchItems(MAX_ITEMS);
    private final List<Future<Void>> acknowledgements = new ArrayList<>();
    private Future<Void> chunks = Future.succeededFuture();
    private ReadStream<Buffer> body; // null for a replay of the most requested inputs
    private boolean finished;
    private boolean failed;
    /** Why publishing stopped (the store stopped answering, the caller's share ran out): later items are failed at once. */
    private ApiException stopped;

    BatchRun(Services services, BatchPolicy policy, RoutingContext ctx) {
        this.services = services;
        this.policy = policy;
        this.ctx = ctx;
    }

    BatchItems items() {
        return batch;
    }

    /** The body being read, so that a failure can drain it rather than leave the upload waiting. */
    void reading(ReadStream<Buffer> body) {
        this.body = body;
    }

    boolean failed() {
        return failed;
    }

    /** Handles the items read since the last chunk; completes when the upload may go on. */
    Future<Void> nextChunk() {
        chunks = chunks.compose(v -> handleChunk());
        chunks.onFailure(this::fail);
        return chunks.compose(v -> acknowledgedButLast(CHUNKS_IN_FLIGHT));
    }

    /** Completes once every chunk but the last {@code inFlight} was answered by the broker (either way). */
    private Future<Void> acknowledgedButLast(int inFlight) {
        int settled = acknowledgements.size() - inFlight;
        return settled <= 0 ? Future.succeededFuture()
                : Future.join(acknowledgements.subList(0, settled)).transform(answered -> Future.succeededFuture());
    }

    /** Every item is read: handles the last chunk and answers once the broker answered for all. */
    void finish() {
        if (finished || failed) {
            return;
        }
        finished = true;
        chunks = chunks.compose(v -> handleChunk())
                // join waits for every acknowledgement, failed ones included: each item says which it got
                .compose(v -> Future.join(acknowledgements))
                .transform(settled -> nothingAccepted()
                        ? Future.failedFuture(stopped) // 503 or 429: send it all again
                        : ctx.vertx().executeBlocking(batch::render))
                .compose(answer -> ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(answer)));
        chunks.onFailure(this::fail);
    }

    /** Publishing stopped before any item was answered or published: nothing in the call was taken. */
    private boolean nothingAccepted() {
        return stopped != null && !batch.anyAnswered();
    }

    /**
     * Every later chunk fails with the first failure: answer it once, then read the rest of the
     * body and drop it, so the connection is not left waiting on a paused upload.
     */
    void fail(Throwable failure) {
        if (!failed) {
            failed = true;
            ctx.fail(failure);
            if (body != null) {
                body.handler(ignored -> { });
                body.resume();
            }
        }
    }

    /**
     * Classifies a chunk's new keys and publishes those that need it. When the store does not
     * answer, the chunk's new items, and every item after them, are failed ("send again"), never
     * published unseen: the call still answers each item truthfully, those of earlier chunks
     * included, instead of a 503 for items that were already accepted.
     */
    private Future<Void> handleChunk() {
        return ctx.vertx().executeBlocking(() -> batch.readChunk(services.parser()))
                .compose(chunk -> {
                    if (stopped != null) {
                        failAll(chunk.fresh());
                        return Future.<Void>succeededFuture();
                    }
                    policy.read(chunk);
                    return classify(chunk.fresh())
                            .compose(toPublish -> policy.charge(ctx, services.results(), batch, chunk, chunk.fresh().size() - toPublish.size(), toPublish)
                                    .map(toPublish))
                            .map(toPublish -> {
                                toPublish.forEach(form -> batch.state(form.key(), BatchItems.KeyState.PUBLISHING));
                                acknowledgements.add(publish(toPublish));
                                return (Void) null;
                            }).recover(stop -> {
                                stopped = ApiException.storeUnavailable(stop);
                                failAll(chunk.fresh());
                                return Future.succeededFuture();
                            });
                });
    }

    /** Fails the forms not answered already: a key found stored or warm keeps its state. */
    private void failAll(List<CanonicalForm> forms) {
        String reason = stopped.getMessage() + "; not published: send it again";
        forms.stream().map(CanonicalForm::key)
                .filter(key -> batch.stateOf(key) != policy.skipped())
                .forEach(key -> batch.failed(key, reason));
    }

    /** Marks the keys that need nothing and returns those to publish. */
    private Future<List<CanonicalForm>> classify(List<CanonicalForm> fresh) {
        List<ContentKey> keys = fresh.stream().map(CanonicalForm::key).toList();
        return Future.fromCompletionStage(policy.skips(services.results(), keys), ctx.vertx().getOrCreateContext())
                .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e)))
                .map(skips -> {
                    List<CanonicalForm> toPublish = new ArrayList<>();
                    for (int i = 0; i < fresh.size(); i++) {
                        if (skips.get(i)) {
                            batch.state(fresh.get(i).key(), policy.skipped());
                        } else {
                            toPublish.add(fresh.get(i));
                        }
                    }
                    return toPublish;
                });
    }

    /**
     * Publishes a chunk's new keys; once the broker answered for all of them, marks those it took
     * pending together, before the answer can tell the client they are.
     */
    private Future<Void> publish(List<CanonicalForm> forms) {
        String client = AccessControl.caller(ctx).name();
        return Future.fromCompletionStage(services.publisher().publishAll(forms, policy.refresh(), client), ctx.vertx().getOrCreateContext())
                .compose(answers -> {
                    Map<Throwable, ApiException> refusals = new IdentityHashMap<>();
                    List<ContentKey> accepted = new ArrayList<>(forms.size());
                    for (int i = 0; i < forms.size(); i++) {
                        ContentKey key = forms.get(i).key();
                        Optional<Throwable> refused = answers.get(i);
                        if (refused.isEmpty()) {
                            batch.state(key, BatchItems.KeyState.PENDING);
                            accepted.add(key);
                        } else {
                            // One refusal (and one log line) per cause: a chunk's records usually fail together.
                            batch.failed(key, refusals.computeIfAbsent(refused.get(), Acceptance::refusal).getMessage());
                        }
                    }
                    policy.accepted(AccessControl.caller(ctx), accepted);
                    return Acceptance.markPending(ctx.vertx().getOrCreateContext(), services.pending(), accepted);
                });
    }
}
