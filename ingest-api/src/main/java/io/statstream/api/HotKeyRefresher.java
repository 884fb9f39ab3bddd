package io.statstream.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Off unless configured: every interval, replays the N most requested inputs of the last hours
 * through this API's own warm route, so the hot set is recomputed before its results expire. It
 * goes through HTTP like an operator's replay, so both take one path.
 */
final class HotKeyRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HotKeyRefresher.class);

    private final Vertx vertx;
    private final HttpClient http;
    private final long timer;

    HotKeyRefresher(Vertx vertx, int port, boolean tls, String authorization, Duration interval, int top, int hours) {
        this.vertx = vertx;
        // Its own port on this machine: over TLS it trusts itself, whatever name its certificate carries.
        this.http = vertx.createHttpClient(new HttpClientOptions().setSsl(tls).setTrustAll(tls).setVerifyHost(false));
        String uri = ApiRoutes.ANALYSES + "/warm?top=" + top + "&hours=" + hours;
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost").setPort(port).setURI(uri)
                .putHeader("Authorization", authorization);
        this.timer = vertx.setPeriodic(interval.toMillis(), id -> http.request(request)
                .compose(call -> call.send().compose(response -> response.body().map(body -> response.statusCode() + " " + body)))
                .onSuccess(answer -> LOG.info("Refreshed the {} most requested inputs: {}", top, summary(answer)))
                .onFailure(e -> LOG.warn("Hot-key refresh failed: {}", e.toString())));
        LOG.info("Refreshing the {} most requested inputs of the last {} h every {}", top, hours, interval);
    }

    private static String summary(String answer) {
        int at = answer.indexOf("\"summary\"");
        int end = answer.indexOf('}', at);
        return at < 0 || end < 0 ? answer.substring(0, Math.min(200, answer.length())) : answer.substring(at, end + 1);
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
        http.close();
    }
}
