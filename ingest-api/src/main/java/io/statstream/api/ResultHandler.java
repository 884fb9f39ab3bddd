package io.statstream.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.json.Json;
import io.statstream.api.access.AccessControl;
import io.statstream.model.key.ContentKey;
import io.statstream.store.KeyState;
import io.statstream.store.Results;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * GET /v1/analyses/{key}[?wait=5s]: the envelope (200), pending (202 with Retry-After), unknown
 * (404). With {@code wait}, a missing result is awaited until it is stored or the wait ends. A key's
 * result never changes, so the (weak) ETag is the key itself and a client that holds it gets 304
 * without the store being asked.
 */
final class ResultHandler implements Handler<RoutingContext> {
    private final Results results;
    private final ResultWaiters waiters;

    ResultHandler(Results results, ResultWaiters waiters) {
        this.results = results;
        this.waiters = waiters;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String text = ctx.pathParam("key");
        Optional<ContentKey> parsed = ContentKey.parse(text);
        if (parsed.isEmpty()) {
            ctx.fail(new ApiException(ApiError.MALFORMED_KEY, "\"" + text + "\" is not 64 lowercase hex digits"));
            return;
        }
        ContentKey key = parsed.get();
        String etag = etag(key.hex());
        String ifNoneMatch = ctx.request().getHeader("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            ctx.response().setStatusCode(304).putHeader("ETag", etag).end();
            return;
        }
        Optional<Duration> wait = WaitParameter.parse(ctx.request().getParam("wait"));
        // Park before the first read, so a result stored between the read and the wait still wakes us.
        Optional<ResultWaiters.Waiting> waiting = wait.map(duration -> waiters.await(AccessControl.caller(ctx), List.of(key), duration).get(0));
        // A client that goes away stops waiting: nothing parked outlives its connection.
        waiting.ifPresent(parked -> ctx.response().closeHandler(closed -> parked.cancel()));
        read(ctx, key)
                .compose(result -> {
                    if (result.isPresent() || waiting.isEmpty()) {
                        waiting.ifPresent(ResultWaiters.Waiting::cancel);
                        return Future.succeededFuture(result);
                    }
                    return waiting.get().woken().compose(v -> read(ctx, key));
                })
                .compose(result -> result.isPresent() ? Future.<KeyState>succeededFuture(new KeyState.Done(result.get())) : state(ctx, key))
                .compose(state -> answer(ctx, key, etag, state))
                .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e)))
                .onFailure(ctx::fail);
    }

    /** The result alone first: most reads find one, and one GET is half the work of a state's two reads. */
    private Future<Optional<byte[]>> read(RoutingContext ctx, ContentKey key) {
        return Future.fromCompletionStage(results.get(key), ctx.vertx().getOrCreateContext());
    }

    /** Pending or unknown, or the result after all if it was stored since the last read. */
    private Future<KeyState> state(RoutingContext ctx, ContentKey key) {
        return Future.fromCompletionStage(results.states(List.of(key)), ctx.vertx().getOrCreateContext()).map(states -> states.get(0));
    }

    private static Future<Void> answer(RoutingContext ctx, ContentKey key, String etag, KeyState state) {
        if (state instanceof KeyState.Done done) {
            return ctx.response().putHeader("Content-Type", "application/json").putHeader("ETag", etag).end(Buffer.buffer(done.envelope()));
        }
        if (state instanceof KeyState.Pending) {
            return ctx.response().setStatusCode(202)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Retry-After", Integer.toString(ApiError.RETRY_AFTER_SECONDS))
                    .end(Buffer.buffer(Json.write(pendingBody(key.hex()))));
        }
        return Future.failedFuture(new ApiException(ApiError.NOT_FOUND, "no result and nothing pending for " + key));
    }

    /**
     * Weak: the numbers of a key never change, but a recomputation (a warming replay) has another
     * computed_at, and a cache-hit answer adds a field.
     */
    static String etag(String hex) {
        return "W/\"" + hex + '"';
    }

    static ObjectNode pendingBody(String hex) {
        return JsonNodeFactory.instance.objectNode().put("key", hex).put("status", "pending").put("cache_hit", false);
    }
}
