package io.statstream.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.json.Json;
import io.statstream.model.key.CanonicalForm;
import io.statstream.store.HotKeys;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GET /v1/analyses/hot?top=N&hours=P: the N most requested inputs of the last P hours, most
 * requested first, each with its key and canonical request: what a warming replay would send, for
 * the console and for operators who choose what to keep warm.
 */
final class HotInputsHandler implements Handler<RoutingContext> {
    static final int DEFAULT_TOP = 20;
    /** A listing is for reading; at most this many, each up to {@link HotKeys#MAX_REPLAYABLE_BYTES}. */
    static final int MAX_TOP = 100;

    private final HotKeys hotKeys;

    HotInputsHandler(HotKeys hotKeys) {
        this.hotKeys = hotKeys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        TopQuery query = TopQuery.of(ctx.request(), DEFAULT_TOP, MAX_TOP);
        Future.fromCompletionStage(hotKeys.top(query.top(), query.window()), ctx.vertx().getOrCreateContext())
                .map(forms -> body(query, forms))
                .onSuccess(body -> ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(Json.write(body))))
                .onFailure(e -> ctx.fail(ApiException.storeUnavailable(e)));
    }

    private static ObjectNode body(TopQuery query, List<String> canonicalForms) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("hours", query.window().toHours());
        ArrayNode inputs = body.putArray("inputs");
        for (String form : canonicalForms) {
            byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
            try {
                inputs.addObject().put("key", CanonicalForm.keyOf(bytes).hex()).set("request", Json.readTree(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("a counted input is not JSON", e); // written by the API itself: a bug
            }
        }
        return body;
    }
}
