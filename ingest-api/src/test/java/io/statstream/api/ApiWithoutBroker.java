package io.statstream.api;

import io.statstream.runtime.Metrics;
import io.statstream.store.InProcessResultStore;
import io.statstream.store.ResultStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The API alone, its results in the process and its broker an address where nothing listens: for
 * what the handlers answer before, or without, any broker acknowledging. Calls block (these tests
 * read like a client's script); the server runs on its own Vert.x, the client on the test's.
 */
record ApiWithoutBroker(InProcessResultStore store, ApiServer server, WebClient client) implements AutoCloseable {
    /** Port 1 on loopback: privileged, and nothing listens there on a test machine. */
    private static final String NO_BROKER = "127.0.0.1:1";

    static ApiWithoutBroker start(Vertx vertx, Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("KAFKA_BOOTSTRAP_SERVERS", NO_BROKER);
        all.put("HTTP_PORT", "0");
        all.put("HTTP_HOST", "127.0.0.1");
        InProcessResultStore store = new InProcessResultStore(ResultStoreOptions.DEFAULT);
        try {
            ApiServer server = ApiServer.start(new ApiSettings(all), store, Metrics.registry("test"));
            WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port()));
            return new ApiWithoutBroker(store, server, client);
        } catch (Exception e) {
            store.close();
            throw e;
        }
    }

    HttpResponse<Buffer> get(String path) throws Exception {
        return client.get(path).send().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    HttpResponse<Buffer> post(String path, String contentType, String body) throws Exception {
        return client.post(path).putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** The problem's first violation, as {@code field code}. */
    static String firstViolation(HttpResponse<Buffer> problem) {
        JsonObject error = problem.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
        return error.getString("field") + " " + error.getString("code");
    }

    @Override
    public void close() {
        client.close();
        server.close();
        store.close();
    }
}
