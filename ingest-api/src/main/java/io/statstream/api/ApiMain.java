package io.statstream.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statstream.runtime.EnvironmentSettings;
import io.statstream.runtime.Metrics;
import io.statstream.runtime.ServiceRunner;
import io.statstream.runtime.StoreSettings;
import io.statstream.store.ResultStore;
import io.statstream.store.ResultStores;
import org.slf4j.LoggerFactory;

/** Runs the HTTP API alone, configured by environment variables (see the README). */
public final class ApiMain {
    private ApiMain() {
    }

    public static void main(String[] args) {
        ApiSettings settings = new ApiSettings(EnvironmentSettings.read(ApiSettings.DEFINITION));
        ServiceRunner.run("ingest-api", settings, () -> {
            PrometheusMeterRegistry registry = Metrics.registry("ingest-api");
            ResultStore store = ResultStores.open(StoreSettings.of(settings), registry);
            ApiServer server = ApiServer.start(settings, store, registry);
            LoggerFactory.getLogger(ApiMain.class).info("Listening on http://localhost:{}", server.port());
            return () -> {
                server.close();
                store.close();
            };
        });
    }
}
