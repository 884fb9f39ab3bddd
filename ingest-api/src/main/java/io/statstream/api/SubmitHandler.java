package io.statstream.api;

import io.statstream.api.access.AccessControl;
import io.statstream.api.access.Caller;
import io.statstream.api.access.SubmissionQuotas;
import io.statstream.api.access.UnfinishedWork;
import io.statstream.model.json.Json;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.RequestParser;
import io.statstream.store.HotKeys;
import io.statstream.store.PendingMarks;
import io.statstream.store.Results;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * POST /v1/analyses: validate, key, answer from the store when the result exists (200, cache
 * hit); otherwise publish and answer 202 once the broker has acknowledged. Every submission of a
 * missing result is published, so that no 202 depends on another submission's publish; the worker
 * drops the copies that are already stored or being computed.
 */
final class SubmitHandler implements Handler<RoutingContext> {
    /** Bodies up to this size are read on the event loop (microseconds); larger ones on a worker thread. */
    private static final int INLINE_BODY_BYTES = 64 * 1024;
    private static final byte[] CACHE_HIT = ",\"cache_hit\":true}".getBytes(StandardCharsets.US_ASCII);

    private final SubmissionReader reader;
    private final Results results;
    private final PendingMarks pending;
    private final HotKeys hotKeys;
    private final RequestPublisher publisher;
    private final SubmissionQuotas quotas;
    private final UnfinishedWork unfinished;
    private final ApiMetrics metrics;

    SubmitHandler(RequestParser parser, Results results, PendingMarks pending, HotKeys hotKeys, RequestPublisher publisher, SubmissionQuotas quotas,
                  UnfinishedWork unfinished, ApiMetrics metrics) {
        this.reader = new SubmissionReader(parser);
        this.quotas = quotas;
        this.unfinished = unfinished;
        this.results = results;
        this.pending = pending;
        this.hotKeys = hotKeys;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = AccessControl.caller(ctx);
        Buffer body = ctx.body().buffer(); // null when the body is empty
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        Future<CanonicalForm> read = bytes.length <= INLINE_BODY_BYTES
                ? Future.future(promise -> promise.complete(reader.read(bytes)))
                : ctx.vertx().executeBlocking(() -> reader.read(bytes));
        read.onFailure(invalid -> metrics.client(caller, "rejected", 1))
                .compose(form -> {
                    hotKeys.record(form, 1); // best effort: counts feed the warming replay
                    return Future.fromCompletionStage(results.get(form.key()), ctx.vertx().getOrCreateContext())
                            .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e)))
                            .compose(stored -> withinShare(ctx, caller, stored.isPresent())
                                    .compose(allowed -> {
                                        metrics.submitted(stored.isPresent());
                                        return stored.isPresent() ? answerStored(ctx, form, stored.get())
                                                : withinUnfinished(ctx, caller).compose(room -> publishAndAccept(ctx, caller, form));
                                    }));
                })
                .onFailure(ctx::fail);
    }

    /** Takes the submission's cost from the caller's share: a hit costs a tenth of a miss. Over it: 429. */
    private Future<Void> withinShare(RoutingContext ctx, Caller caller, boolean hit) {
        return Future.fromCompletionStage(quotas.take(caller, hit ? 1 : 0, hit ? 0 : 1), ctx.vertx().getOrCreateContext())
                .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e)))
                .compose(grant -> {
                    grant.addHeaders(ctx.response()::putHeader);
                    metrics.client(caller, !grant.allowed() ? "limited" : hit ? "hit" : "miss", 1);
                    return grant.allowed() ? Future.succeededFuture() : Future.failedFuture(ApiException.overShare(caller, grant));
                });
    }

    /**
     * The stored envelope with {@code "cache_hit":true} added before its closing brace: spliced
     * as bytes, not parsed and written again (which was a seventh of a cached POST's time).
     */
    private Future<Void> answerStored(RoutingContext ctx, CanonicalForm form, byte[] envelope) {
        int end = envelope.length - 1;
        while (end > 0 && envelope[end] != '}') {
            end--; // a JSON object, perhaps with trailing whitespace
        }
        Buffer body = Buffer.buffer(envelope.length + CACHE_HIT.length).appendBytes(envelope, 0, end)
                .appendBytes(CACHE_HIT);
        return ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("ETag", ResultHandler.etag(form.key().hex()))
                .end(body);
    }

    /** A miss adds to the caller's unfinished work: refused (429) when that is at its cap. */
    private Future<Void> withinUnfinished(RoutingContext ctx, Caller caller) {
        return Future.fromCompletionStage(unfinished.overShareWith(caller, 1, results::containsAll), ctx.vertx().getOrCreateContext())
                .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e)))
                .compose(over -> over.isEmpty() ? Future.succeededFuture()
                        : Future.failedFuture(ApiException.tooMuchUnfinished(caller, over.get(), unfinished.maxPerClient())));
    }

    private Future<Void> publishAndAccept(RoutingContext ctx, Caller caller, CanonicalForm form) {
        return Acceptance.publishMarked(ctx.vertx().getOrCreateContext(), pending, form.key(), () -> publisher.publish(form, caller.name()))
                .onSuccess(marked -> unfinished.accepted(caller, List.of(form.key()))) // best effort: an uncounted key only frees room
                .compose(marked -> ctx.response()
                            .setStatusCode(202)
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Location", ApiRoutes.ANALYSES + "/" + form.key().hex())
                            .end(Buffer.buffer(Json.write(ResultHandler.pendingBody(form.key().hex())))));
    }
}
