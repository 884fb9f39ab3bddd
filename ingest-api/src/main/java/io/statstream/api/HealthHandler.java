package io.statstream.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.json.Json;
import io.statstream.store.ResultStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Duration;

/** GET /health: ready (200) when Kafka and the result store both answer, else 503 naming what does not. */
final class HealthHandler implements Handler<RoutingContext> {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final Admin kafka;
    private final ResultStore store;

    HealthHandler(Admin kafka, ResultStore store) {
        this.kafka = kafka;
        this.store = store;
    }

    @Override
    public void handle(RoutingContext ctx) {
        var context = ctx.vertx().getOrCreateContext();
        Future<Boolean> kafkaUp = Future.fromCompletionStage(kafka.describeCluster(
                        new DescribeClusterOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis())).clusterId().toCompletionStage(), context)
                .map(id -> true).otherwise(false);
        Future<Boolean> storeUp = Future.fromCompletionStage(store.ping(), context).map(ok -> true).otherwise(false);
        Future.all(kafkaUp, storeUp).onComplete(done -> {
            boolean ready = kafkaUp.result() && storeUp.result();
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", ready ? "UP" : "DOWN");
            ObjectNode checks = body.putObject("checks");
            checks.put("kafka", kafkaUp.result() ? "UP" : "DOWN");
            checks.put("store", storeUp.result() ? "UP" : "DOWN");
            ctx.response().setStatusCode(ready ? 200 : 503)
                    .putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(Json.write(body)));
        });
    }
}
