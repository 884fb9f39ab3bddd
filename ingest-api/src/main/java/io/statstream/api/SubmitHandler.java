package io.statstream.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.json.Json;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestParser;
import io.statstream.store.ResultStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * POST /v1/analyses: validate, key, answer from the store when the result exists (200, cache
 * hit); otherwise publish and answer 202 once the broker has acknowledged. Every submission of a
 * missing result is published: the worker drops duplicates exactly, and a submission never
 * depends on another one's publish succeeding.
 */
final class SubmitHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(SubmitHandler.class);

    private final RequestParser parser;
    private final ResultStore store;
    private final RequestPublisher publisher;

    SubmitHandler(RequestParser parser, ResultStore store, RequestPublisher publisher) {
        this.parser = parser;
        this.store = store;
        this.publisher = publisher;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Buffer body = ctx.body().buffer(); // null when the body is empty
        ParsedRequest parsed = parser.parse(body == null ? new byte[0] : body.getBytes());
        if (parsed instanceof ParsedRequest.Invalid invalid) {
            ApiError error = invalid.tooLarge() ? ApiError.PAYLOAD_TOO_LARGE : ApiError.INVALID_REQUEST;
            ctx.fail(new ApiException(error, invalid.violations().size() + " problem(s) with the request",
                    invalid.violations()));
            return;
        }
        CanonicalForm form = CanonicalForm.of(((ParsedRequest.Valid) parsed).request());
        store.hotKeys().record(form, 1); // best effort: counts feed the warming replay
        Future.fromCompletionStage(store.get(form.key()), ctx.vertx().getOrCreateContext())
                .recover(e -> Future.failedFuture(new ApiException(ApiError.STORE_UNAVAILABLE, e.toString(), e)))
                .compose(stored -> stored.isPresent() ? answerStored(ctx, stored.get()) : publishThenAccept(ctx, form))
                .onFailure(ctx::fail);
    }

    private Future<Void> answerStored(RoutingContext ctx, byte[] envelope) {
        ObjectNode body;
        try {
            body = (ObjectNode) Json.readTree(envelope);
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        body.put("cache_hit", true);
        return ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("ETag", ResultHandler.etag(body.get("key").asText()))
                .end(Buffer.buffer(Json.write(body)));
    }

    private Future<Void> publishThenAccept(RoutingContext ctx, CanonicalForm form) {
        return Future.fromCompletionStage(publisher.publish(form), ctx.vertx().getOrCreateContext())
                .recover(e -> Future.failedFuture(new ApiException(ApiError.BROKER_UNAVAILABLE, e.toString(), e)))
                .compose(acked -> {
                    store.markPending(form.key()).exceptionally(e -> {
                        LOG.warn("Accepted {} but could not mark it pending: {}", form.key(), e.toString());
                        return false;
                    });
                    String location = ApiRoutes.ANALYSES + "/" + form.key().hex();
                    return ctx.response()
                            .setStatusCode(202)
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Location", location)
                            .end(Buffer.buffer(Json.write(ResultHandler.pendingBody(form.key().hex()))));
                });
    }
}
