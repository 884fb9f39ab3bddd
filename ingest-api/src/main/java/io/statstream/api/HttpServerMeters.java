package io.statstream.api;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.util.EnumSet;

/**
 * The HTTP server's own meters, from Vert.x ({@code vertx-micrometer-metrics}): requests and
 * response times by route, method and status. By route, never by path: a path holds a key, and
 * a label per key would grow without bound.
 */
final class HttpServerMeters {
    private static final String HTTP_SERVER = "vertx.http.server.";

    private HttpServerMeters() {
    }

    static MicrometerMetricsOptions options() {
        return new MicrometerMetricsOptions().setEnabled(true)
                .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE));
    }

    /** Response times as Prometheus histograms, so any quantile can be read per route across instances. */
    static MeterRegistry withHistograms(MeterRegistry registry) {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().startsWith(HTTP_SERVER + "response.time")
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config) : config;
            }
        });
        return registry;
    }
}
