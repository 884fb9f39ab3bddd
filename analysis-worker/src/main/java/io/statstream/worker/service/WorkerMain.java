package io.statstream.worker.service;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statstream.runtime.EnvironmentSettings;
import io.statstream.runtime.Metrics;
import io.statstream.runtime.MetricsEndpoint;
import io.statstream.runtime.SharedSettings;
import io.statstream.runtime.ServiceRunner;
import io.statstream.runtime.StoreSettings;
import io.statstream.store.ResultStore;
import io.statstream.store.ResultStores;

/** Runs the analysis worker alone, configured by environment variables (see the README). */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) {
        WorkerSettings settings = new WorkerSettings(EnvironmentSettings.read(WorkerSettings.DEFINITION));
        ServiceRunner.run("analysis-worker", settings, () -> {
            PrometheusMeterRegistry registry = Metrics.registry("analysis-worker");
            MetricsEndpoint metrics = MetricsEndpoint.start(settings.getInt(SharedSettings.METRICS_PORT), registry);
            ResultStore store = ResultStores.open(StoreSettings.of(settings), registry);
            AnalysisWorker worker = AnalysisWorker.start(settings, store, registry);
            return () -> {
                worker.close();
                store.close();
                metrics.close();
            };
        });
    }
}
