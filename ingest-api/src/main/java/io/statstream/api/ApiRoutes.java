package io.statstream.api;

import io.statstream.api.access.AccessControl;
import io.statstream.api.access.Role;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** The route table, on one screen. */
final class ApiRoutes {
    static final String ANALYSES = "/v1/analyses";

    private ApiRoutes() {
    }

    static Router mount(Router router, AccessControl access, long maxBodyBytes, BodyBudget budget, SubmitHandler submit, BatchSubmitHandler batch, WarmHandler warm,
                        LookupHandler lookup, ResultHandler result, HotInputsHandler hot, DeadLetterReplay deadLetters, HealthHandler health,
                        Handler<RoutingContext> metrics) {
        Handler<RoutingContext> body = BodyHandler.create(false).setBodyLimit(maxBodyBytes);

        Handler<RoutingContext> reader = access.require(Role.READ);
        Handler<RoutingContext> submitter = access.require(Role.SUBMIT);
        Handler<RoutingContext> admin = access.require(Role.ADMIN);
        Handler<RoutingContext> wholeBody = budget.declared();
        Handler<RoutingContext> streamedBody = budget.fixed(BodyBudget.BATCH_BYTES);

        // The role is checked first: nothing of an unauthorized upload is buffered.
        router.post(ANALYSES).consumes("application/json").handler(submitter).handler(wholeBody).handler(body).handler(submit);
        // No BodyHandler: the batch handler reads the body as it streams in.
        router.post(ANALYSES + "/batch").consumes("application/json").consumes(BatchBody.NDJSON).handler(submitter)
                .handler(streamedBody).handler(batch);
        // A body of requests (NDJSON or JSON), or none with ?top=N&hours=P.
        router.post(ANALYSES + "/warm").handler(admin).handler(streamedBody).handler(warm);
        // A lookup's body is bounded by its key count, far below a request's: refused before it is parsed.
        router.post(ANALYSES + "/lookup").consumes("application/json").handler(reader).handler(wholeBody)
                .handler(BodyHandler.create(false).setBodyLimit(LookupHandler.MAX_BODY_BYTES)).handler(lookup);
        router.get(ANALYSES + "/hot").handler(admin).handler(hot);
        router.get(ANALYSES + "/:key").handler(reader).handler(result);
        router.post("/v1/dead-letters/replay").handler(admin).handler(deadLetters);
        router.get("/health").handler(admin).handler(health);
        router.get("/metrics").handler(admin).handler(metrics);
        router.get("/health/live").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}"));
        WebPages.mount(router); // the contract, its reference page and the console: open, they hold no data

        ProblemHandler problems = new ProblemHandler();
        router.route().failureHandler(problems);
        // What the router answers itself: a path it cannot decode (400, e.g. a lone '%'), no route
        // that matches (404, 405) or none that accepts the body (415).
        for (int status : new int[]{400, 404, 405, 415}) {
            router.errorHandler(status, problems.refusedByRouter(status));
        }
        return router;
    }
}
