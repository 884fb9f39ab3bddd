package io.statstream.api;

import io.statstream.api.access.AccessControl;
import io.statstream.api.access.Caller;
import io.statstream.api.access.SubmissionQuotas;
import io.statstream.api.access.UnfinishedWork;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.RequestParser;
import io.statstream.model.request.Violation;
import io.statstream.model.request.ViolationCode;
import io.statstream.store.HotKeys;
import io.statstream.store.ResultStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * Many requests in one call, as NDJSON or {@code {"analyses":[...]}}, read as the body streams in.
 * Every {@value #CHUNK_SIZE} items the body is paused while the chunk is validated and keyed off
 * the event loop, its new keys are looked up in one round trip, and the rest are handed to the
 * producer. One bad item never sinks the batch. The answer comes once the broker acknowledged
 * every published item and lists each item's state in input order; an item the broker did not
 * acknowledge is "failed", never "pending".
 * <ul>
 * <li>{@link Mode#SUBMIT}, POST /v1/analyses/batch: stored keys are answered, not republished.
 * <li>{@link Mode#WARM}, POST /v1/analyses/warm: keys stored for longer than the warm margin are
 * skipped; the rest are recomputed even if stored ({@code ?top=N&hours=P} takes the N most
 * requested inputs of the last P hours instead of a body).
 * </ul>
 */
final class BatchHandler implements Handler<RoutingContext> {
    enum Mode { SUBMIT, WARM }

    static final int MAX_ITEMS = 100_000;
    static final String NDJSON = "application/x-ndjson";
    private static final int CHUNK_SIZE = 1_000;
    /** A chunk also ends at this many bytes: what one chunk holds in memory is bounded, whatever its items' sizes. */
    private static final long CHUNK_BYTES = 4L * 1024 * 1024;
    /**
     * Chunks published and not yet acknowledged while the next is read: the upload waits for the
     * broker beyond this, so a fast client cannot pile requests up in the API's memory.
     */
    private static final int CHUNKS_IN_FLIGHT = 2;

    private final Mode mode;
    private final RequestParser parser;
    private final ResultStore store;
    private final RequestPublisher publisher;
    private final int maxItemBytes;
    private final long maxBodyBytes;
    private final Duration warmMargin;
    private final SubmissionQuotas quotas;
    private final UnfinishedWork unfinished;
    private final ApiMetrics metrics;

    BatchHandler(Mode mode, RequestParser parser, ResultStore store, RequestPublisher publisher, int maxItemBytes,
                 long maxBodyBytes, Duration warmMargin, SubmissionQuotas quotas, UnfinishedWork unfinished, ApiMetrics metrics) {
        this.maxBodyBytes = maxBodyBytes;
        this.unfinished = unfinished;
        this.quotas = quotas;
        this.metrics = metrics;
        this.mode = mode;
        this.parser = parser;
        this.store = store;
        this.publisher = publisher;
        this.maxItemBytes = maxItemBytes;
        this.warmMargin = warmMargin;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Run run = new Run(ctx);
        if (mode == Mode.WARM && ctx.request().getParam("top") != null) {
            warmTop(run);
            return;
        }
        HttpServerRequest request = ctx.request();
        OptionalLong length = ContentLength.of(request);
        if (length.isPresent() && length.getAsLong() > maxBodyBytes) {
            run.fail(tooLarge(Violation.ROOT, "a batch body holds at most " + maxBodyBytes + " bytes; this one says "
                    + length.getAsLong()));
            return;
        }
        boolean ndjson = NDJSON.equals(ctx.parsedHeaders().contentType().value());
        ReadStream<Buffer> items = ndjson
                ? RecordParser.newDelimited("\n", request).maxRecordSize(maxItemBytes)
                : new JsonBatchItems(request, maxItemBytes);
        // Problems name the item as the answer's "items" do, or as the JSON form's own array does.
        String itemsField = ndjson ? "items" : JsonBatchItems.ITEMS_FIELD;
        run.items = items;
        items.exceptionHandler(e -> run.fail(e instanceof IllegalStateException // an item too long
                ? tooLarge(itemsField + "[" + run.batch.itemsRead() + "]", "the batch could not be read: " + e.getMessage())
                : new ApiException(ApiError.INVALID_REQUEST, "the batch could not be read: " + e.getMessage(),
                        List.of(new Violation(Violation.ROOT, ViolationCode.MALFORMED_JSON, e.getMessage())))));
        items.handler(item -> {
            if (isBlank(item) || run.failed) {
                return;
            }
            if (item.length() > maxItemBytes) {
                // RecordParser enforces its maximum only on a record still without its delimiter: one
                // that arrived whole, newline included, in a single read passes it.
                run.fail(tooLarge(itemsField + "[" + run.batch.itemsRead() + "]",
                        "the batch could not be read: an item is longer than " + maxItemBytes + " bytes"));
                return;
            }
            if (!run.batch.add(item.getBytes())) {
                run.fail(tooLarge(itemsField, "a batch holds at most " + MAX_ITEMS + " requests"));
                return;
            }
            if (run.batch.bytesRead() > maxBodyBytes) {
                // Chunks read before were handled: their items stand, and sending them again costs nothing (same keys).
                run.fail(tooLarge(itemsField, "a batch body holds at most " + maxBodyBytes + " bytes"));
                return;
            }
            if (run.batch.buffered() >= CHUNK_SIZE || run.batch.bufferedBytes() >= CHUNK_BYTES) {
                items.pause(); // back-pressure: the client's upload waits while this chunk is handled
                run.nextChunk().compose(v -> run.acknowledgedButLast(CHUNKS_IN_FLIGHT)).onSuccess(v -> items.resume());
            }
        });
        items.endHandler(end -> run.finish());
        items.resume(); // the router paused the request until a handler was ready to read it
    }

    private void warmTop(Run run) {
        TopQuery query = TopQuery.of(run.ctx.request(), HotKeys.MAX_TOP, HotKeys.MAX_TOP);
        Future.fromCompletionStage(store.hotKeys().top(query.top(), query.window()), run.ctx.vertx().getOrCreateContext())
                .onSuccess(forms -> forms.forEach(json -> run.batch.add(json.getBytes(StandardCharsets.UTF_8))))
                .onSuccess(forms -> run.finish())
                .onFailure(e -> run.ctx.fail(ApiException.storeUnavailable(e)));
    }

    /**
     * One request's batch. Chunks are handled strictly one after another (each waits for the one
     * before, whatever order the stream's events come in), and the answer is written once.
     */
    private final class Run {
        private final RoutingContext ctx;
        private final BatchItems batch = new BatchItems(MAX_ITEMS);
        private final List<Future<Void>> acknowledgements = new ArrayList<>();
        private Future<Void> chunks = Future.succeededFuture();
        private ReadStream<Buffer> items; // null for a replay of the most requested inputs
        private boolean finished;
        private boolean failed;
        /** Why publishing stopped (the store stopped answering, the caller's share ran out): later items are failed at once. */
        private ApiException stopped;

        private Run(RoutingContext ctx) {
            this.ctx = ctx;
        }

        private Future<Void> nextChunk() {
            chunks = chunks.compose(v -> handleChunk(this));
            chunks.onFailure(this::fail);
            return chunks;
        }

        /** Completes once every chunk but the last {@code inFlight} was answered by the broker (either way). */
        private Future<Void> acknowledgedButLast(int inFlight) {
            int settled = acknowledgements.size() - inFlight;
            return settled <= 0 ? Future.succeededFuture()
                    : Future.join(acknowledgements.subList(0, settled)).transform(answered -> Future.succeededFuture());
        }

        private void finish() {
            if (finished || failed) {
                return;
            }
            finished = true;
            chunks = chunks.compose(v -> handleChunk(this))
                    // join waits for every acknowledgement, failed ones included: each item says which it got
                    .compose(v -> Future.join(acknowledgements))
                    .transform(settled -> nothingAccepted()
                            ? Future.failedFuture(stopped) // 503 or 429: send it all again
                            : ctx.vertx().executeBlocking(batch::render))
                    .compose(body -> ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(body)));
            chunks.onFailure(this::fail);
        }

        /** Publishing stopped before any item was answered or published: nothing in the call was taken. */
        private boolean nothingAccepted() {
            return stopped != null && !batch.anyAnswered();
        }

        /**
         * Every later chunk fails with the first failure: answer it once, then read the rest of
         * the body and drop it, so the connection is not left waiting on a paused upload.
         */
        private void fail(Throwable failure) {
            if (!failed) {
                failed = true;
                ctx.fail(failure);
                if (items != null) {
                    items.handler(ignored -> { });
                    items.resume();
                }
            }
        }
    }

    /**
     * Classifies a chunk's new keys and publishes those that need it. When the store does not
     * answer, the chunk's new items, and every item after them, are failed ("send again"), never
     * published unseen: the call still answers each item truthfully, those of earlier chunks
     * included, instead of a 503 for items that were already accepted.
     */
    private Future<Void> handleChunk(Run run) {
        RoutingContext ctx = run.ctx;
        BatchItems batch = run.batch;
        return ctx.vertx().executeBlocking(() -> batch.readChunk(parser))
                .compose(chunk -> {
                    if (run.stopped != null) {
                        failAll(batch, chunk.fresh(), run.stopped);
                        return Future.<Void>succeededFuture();
                    }
                    if (mode == Mode.SUBMIT) {
                        store.hotKeys().record(chunk.requests().values()); // best effort: counts feed the warming replay
                    }
                    return classify(ctx, batch, chunk.fresh())
                            .compose(toPublish -> withinShare(run, chunk.fresh().size() - toPublish.size(), toPublish).map(toPublish))
                            .map(toPublish -> {
                                if (mode == Mode.SUBMIT) {
                                    long items = chunk.requests().values().stream().mapToLong(HotKeys.Counted::count).sum();
                                    long stored = chunk.requests().entrySet().stream()
                                            .filter(entry -> batch.stateOf(entry.getKey()) == BatchItems.KeyState.STORED)
                                            .mapToLong(entry -> entry.getValue().count()).sum();
                                    metrics.batchItems(items, stored);
                                }
                                toPublish.forEach(form -> batch.state(form.key(), BatchItems.KeyState.PUBLISHING));
                                run.acknowledgements.add(publish(ctx, batch, toPublish));
                                return (Void) null;
                            }).recover(stop -> {
                                run.stopped = ApiException.storeUnavailable(stop);
                                failAll(batch, chunk.fresh(), run.stopped);
                                return Future.succeededFuture();
                            });
                });
    }

    /**
     * Takes a chunk's cost from the caller's share (a submission only: warming is an operator's
     * replay): the stored keys as hits, the rest as misses. Over it, the chunk is not published.
     */
    private Future<Void> withinShare(Run run, int hits, List<CanonicalForm> misses) {
        if (mode != Mode.SUBMIT) {
            return Future.succeededFuture();
        }
        Caller caller = AccessControl.caller(run.ctx);
        return Future.fromCompletionStage(quotas.take(caller, hits, misses.size()), run.ctx.vertx().getOrCreateContext())
                .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e)))
                .compose(grant -> {
                    if (!run.ctx.response().headWritten()) {
                        grant.addHeaders(run.ctx.response()::putHeader); // the last chunk's headers are what the answer shows
                    }
                    metrics.client(caller, "hit", grant.allowed() ? hits : 0);
                    metrics.client(caller, "miss", grant.allowed() ? misses.size() : 0);
                    metrics.client(caller, "limited", grant.allowed() ? 0 : hits + misses.size());
                    return grant.allowed() ? Future.succeededFuture() : Future.<Void>failedFuture(ApiException.overShare(caller, grant));
                })
                .compose(allowed -> Future.fromCompletionStage(unfinished.overShareWith(caller, misses.size(), store::containsAll),
                                run.ctx.vertx().getOrCreateContext())
                        .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e))))
                .compose(over -> over.isEmpty() ? Future.succeededFuture()
                        : Future.failedFuture(ApiException.tooMuchUnfinished(caller, over.get(), unfinished.maxPerClient())));
    }

    /** Fails the forms not answered already: a key found stored keeps its "done". */
    private static void failAll(BatchItems batch, List<CanonicalForm> forms, ApiException stopped) {
        String reason = stopped.getMessage() + "; not published: send it again";
        forms.stream().map(CanonicalForm::key)
                .filter(key -> batch.stateOf(key) != BatchItems.KeyState.STORED && batch.stateOf(key) != BatchItems.KeyState.WARM)
                .forEach(key -> batch.failed(key, reason));
    }

    /** Marks the keys that need nothing (stored, or warm) and returns those to publish. */
    private Future<List<CanonicalForm>> classify(RoutingContext ctx, BatchItems batch, List<CanonicalForm> fresh) {
        List<ContentKey> keys = fresh.stream().map(CanonicalForm::key).toList();
        CompletionStage<List<Boolean>> skip = mode == Mode.SUBMIT
                ? store.getAll(keys).thenApply(stored -> stored.stream().map(Optional::isPresent).toList())
                : store.remainingTtl(keys).thenApply(ttls -> ttls.stream()
                        .map(ttl -> ttl.filter(remaining -> remaining.compareTo(warmMargin) >= 0).isPresent()).toList());
        BatchItems.KeyState skipped = mode == Mode.SUBMIT ? BatchItems.KeyState.STORED : BatchItems.KeyState.WARM;
        return Future.fromCompletionStage(skip, ctx.vertx().getOrCreateContext())
                .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e)))
                .map(skips -> {
                    List<CanonicalForm> toPublish = new ArrayList<>();
                    for (int i = 0; i < fresh.size(); i++) {
                        if (skips.get(i)) {
                            batch.state(fresh.get(i).key(), skipped);
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
    private Future<Void> publish(RoutingContext ctx, BatchItems batch, List<CanonicalForm> forms) {
        return Future.fromCompletionStage(publisher.publishAll(forms, mode == Mode.WARM, AccessControl.caller(ctx).name()), ctx.vertx().getOrCreateContext())
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
                    if (mode == Mode.SUBMIT) {
                        unfinished.accepted(AccessControl.caller(ctx), accepted); // best effort: an uncounted key only frees room
                    }
                    return Acceptance.markPending(ctx.vertx().getOrCreateContext(), store, accepted);
                });
    }

    private static ApiException tooLarge(String field, String reason) {
        return new ApiException(ApiError.PAYLOAD_TOO_LARGE, reason, List.of(new Violation(field, ViolationCode.TOO_LARGE, reason)));
    }

    private static boolean isBlank(Buffer item) {
        for (int i = 0; i < item.length(); i++) {
            byte b = item.getByte(i);
            if (b != ' ' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
