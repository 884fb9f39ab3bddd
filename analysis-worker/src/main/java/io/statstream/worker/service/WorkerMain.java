package io.statstream.worker.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statstream.runtime.EnvironmentSettings;
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
            ResultStore store = ResultStores.open(StoreSettings.of(settings));
            AnalysisWorker worker = AnalysisWorker.start(settings, store, new SimpleMeterRegistry());
            return () -> {
                worker.close();
                store.close();
            };
        });
    }
}
