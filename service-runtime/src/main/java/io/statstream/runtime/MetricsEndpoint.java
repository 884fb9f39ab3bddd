package io.statstream.runtime;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * GET /metrics for the services that have no HTTP server of their own (the worker and the sink):
 * one scrape every few seconds needs nothing more than the JDK's server.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HttpServer server;

    private MetricsEndpoint(HttpServer server) {
        this.server = server;
    }

    public static MetricsEndpoint start(int port, PrometheusMeterRegistry registry) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", Metrics.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        // With METRICS_PORT=0 the port is chosen here: say which, or nobody can scrape it.
        LoggerFactory.getLogger(MetricsEndpoint.class).info("Metrics on http://localhost:{}/metrics", server.getAddress().getPort());
        return new MetricsEndpoint(server);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
