package io.statstream.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;

import java.util.concurrent.atomic.AtomicInteger;

/** At most so many open connections: one more is closed as soon as it is made, before it can send anything. */
final class ConnectionCap implements Handler<HttpConnection> {
    static final String OPEN = "statstream.api.connections";
    static final String REFUSED = "statstream.api.connections.refused";

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final Counter refused;

    ConnectionCap(int max, MeterRegistry registry) {
        this.max = max;
        Gauge.builder(OPEN, open, AtomicInteger::get).description("Open HTTP connections").register(registry);
        this.refused = Counter.builder(REFUSED).description("Connections closed at once: the cap was reached").register(registry);
    }

    @Override
    public void handle(HttpConnection connection) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            refused.increment();
            connection.close();
            return;
        }
        connection.closeHandler(closed -> open.decrementAndGet());
    }
}
