package io.statstream.sink;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statstream.runtime.EnvironmentSettings;
import io.statstream.runtime.Metrics;
import io.statstream.runtime.MetricsEndpoint;
import io.statstream.runtime.ServiceRunner;
import io.statstream.runtime.SharedSettings;
import io.statstream.runtime.StoreSettings;
import io.statstream.store.ResultStore;
import io.statstream.store.ResultStores;

/** Runs the result sink alone, configured by environment variables (see the README). */
public final class ResultSinkMain {
    private ResultSinkMain() {
    }

    public static void main(String[] args) {
        SinkSettings settings = new SinkSettings(EnvironmentSettings.read(SinkSettings.DEFINITION));
        ServiceRunner.run("result-sink", settings, () -> {
            PrometheusMeterRegistry registry = Metrics.registry("result-sink");
            MetricsEndpoint metrics = MetricsEndpoint.start(settings.getInt(SharedSettings.METRICS_PORT), registry);
            ResultStore store = ResultStores.open(StoreSettings.of(settings), registry);
            ResultSink sink = ResultSink.start(settings, store, SharedSettings.resultSignature(settings), registry);
            return () -> {
                sink.close();
                store.close();
                metrics.close();
            };
        });
    }
}
