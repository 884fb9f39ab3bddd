package io.statstream.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /v1/analyses/batch: many requests in one call, read as the body streams in
 * ({@link BatchBody}); stored keys are answered "done", the rest published
 * ({@link BatchRun}, {@link BatchPolicy.Submission}).
 */
final class BatchSubmitHandler implements Handler<RoutingContext> {
    private final BatchRun.Services services;
    private final BatchPolicy.Submission policy;
    private final BatchBody body;

    BatchSubmitHandler(BatchRun.Services services, BatchPolicy.Submission policy, BatchBody body) {
        this.services = services;
        this.policy = policy;
        this.body = body;
    }

    @Override
    public void handle(RoutingContext ctx) {
        body.read(ctx, new BatchRun(services, policy, ctx));
    }
}
