package io.statstream.api;

import io.statstream.store.HotKeys;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;

/**
 * POST /v1/analyses/warm: recomputes what is missing or about to expire ({@link BatchPolicy.Warming}),
 * from a body of requests as for a batch, or with {@code ?top=N&hours=P} from the N most requested
 * inputs of the last P hours.
 */
final class WarmHandler implements Handler<RoutingContext> {
    private final BatchRun.Services services;
    private final BatchPolicy.Warming policy;
    private final BatchBody body;
    private final HotKeys hotKeys;

    WarmHandler(BatchRun.Services services, BatchPolicy.Warming policy, BatchBody body, HotKeys hotKeys) {
        this.services = services;
        this.policy = policy;
        this.body = body;
        this.hotKeys = hotKeys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        BatchRun run = new BatchRun(services, policy, ctx);
        if (ctx.request().getParam("top") == null) {
            body.read(ctx, run);
            return;
        }
        TopQuery query = TopQuery.of(ctx.request(), HotKeys.MAX_TOP, HotKeys.MAX_TOP);
        Future.fromCompletionStage(hotKeys.top(query.top(), query.window()), ctx.vertx().getOrCreateContext())
                .onSuccess(forms -> forms.forEach(json -> run.items().add(json.getBytes(StandardCharsets.UTF_8))))
                .onSuccess(forms -> run.finish())
                .onFailure(e -> ctx.fail(ApiException.storeUnavailable(e)));
    }
}
