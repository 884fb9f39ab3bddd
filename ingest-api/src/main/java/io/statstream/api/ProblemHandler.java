package io.statstream.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.json.Json;
import io.statstream.model.request.Violation;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Renders every failure as RFC 9457 problem+json: the failures handlers raise as
 * {@link ApiException}, and those Vert.x raises itself (413 from the body limit, 415 from
 * {@code consumes}, 404 for an unknown route).
 */
final class ProblemHandler implements Handler<RoutingContext> {
    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    /**
     * What the router answers itself with {@code status} (a path it cannot decode, no route that
     * matches, none that accepts the body): the client's mistake whatever the router caught, so
     * logged at DEBUG with the cause, never as an internal error with a stack trace.
     */
    Handler<RoutingContext> refusedByRouter(int status) {
        ApiError error = ApiError.forStatus(status);
        return ctx -> {
            ApiException problem = ctx.failure() == null ? new ApiException(error, error.title())
                    : new ApiException(error, "the request could not be read", ctx.failure());
            answer(ctx, problem);
        };
    }

    @Override
    public void handle(RoutingContext ctx) {
        answer(ctx, asApiException(ctx));
    }

    private void answer(RoutingContext ctx, ApiException problem) {
        if (problem.error() == ApiError.INTERNAL) {
            String incident = Incidents.next();
            LOG.error("Incident {}: {} {} failed", incident, ctx.request().method(), ctx.request().path(), ctx.failure());
            problem = new ApiException(ApiError.INTERNAL, problem.getMessage() + " (incident " + incident + ")", problem.getCause());
        } else if (problem.getCause() != null) {
            // The body says what the client needs; the driver's own words are for the operator.
            LOG.debug("{} {} answered {}: {}", ctx.request().method(), ctx.request().path(), problem.error().status(),
                    problem.getCause().toString());
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (problem.error().retriable() && !ctx.response().headers().contains("Retry-After")) {
            ctx.response().putHeader("Retry-After", Integer.toString(ApiError.RETRY_AFTER_SECONDS));
        }
        if (problem.error() == ApiError.PAYLOAD_TOO_LARGE) {
            // The client may still be uploading what was refused: close rather than read it all.
            ctx.response().putHeader("Connection", "close");
        }
        ctx.response()
                .setStatusCode(problem.error().status())
                .putHeader("Content-Type", PROBLEM_JSON)
                .end(Buffer.buffer(Json.write(body(problem, ctx.request().path()))));
    }

    private static ApiException asApiException(RoutingContext ctx) {
        if (ctx.failure() instanceof ApiException api) {
            return api;
        }
        if (ctx.failure() != null) {
            return new ApiException(ApiError.INTERNAL, "the server could not answer this request", ctx.failure());
        }
        ApiError error = ApiError.forStatus(ctx.statusCode());
        return new ApiException(error, error.title());
    }

    static ObjectNode body(ApiException problem, String instance) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("type", problem.error().type())
                .put("title", problem.error().title())
                .put("status", problem.error().status())
                .put("detail", problem.getMessage())
                .put("instance", instance);
        List<Violation> violations = problem.violations();
        if (!violations.isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            violations.forEach(v -> errors.addObject()
                    .put("field", v.field())
                    .put("code", v.code().wireName())
                    .put("message", v.message()));
        }
        return body;
    }
}
