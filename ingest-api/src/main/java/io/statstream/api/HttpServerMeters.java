package io.statstream.api;

import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.util.EnumSet;

/**
 * The HTTP server's own meters, from Vert.x ({@code vertx-micrometer-metrics}): requests and
 * response times by route, method and status. By route, never by path: a path holds a key, and
 * a label per key would grow without bound. Worker pools by type and name, or two pools would
 * claim the same gauges. Response times are histograms ({@code Metrics.registry}).
 */
final class HttpServerMeters {
    private HttpServerMeters() {
    }

    static MicrometerMetricsOptions options() {
        return new MicrometerMetricsOptions().setEnabled(true)
                .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME));
    }
}
