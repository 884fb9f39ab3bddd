package io.statstream.launcher;

import io.statstream.api.ApiServer;
import io.statstream.api.ApiSettings;
import io.statstream.embedded.FreePorts;
import io.statstream.runtime.Metrics;
import io.statstream.store.InProcessResultStore;
import io.statstream.store.ResultStoreOptions;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The API alone, pointed at a port where no broker listens and keeping results in the process:
 * for what it must answer before, or without, any broker acknowledging.
 */
record ApiWithoutBroker(InProcessResultStore store, ApiServer server, ApiClient api) implements AutoCloseable {

    /** Starts it with these settings besides the dead broker address and a free HTTP port. */
    static ApiWithoutBroker start(Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + deadPort());
        all.put("HTTP_PORT", "0");
        all.putIfAbsent("HTTP_HOST", "127.0.0.1");
        InProcessResultStore store = new InProcessResultStore(ResultStoreOptions.DEFAULT);
        try {
            ApiServer server = ApiServer.start(new ApiSettings(all), store, Metrics.registry("test"));
            return new ApiWithoutBroker(store, server, new ApiClient(URI.create("http://localhost:" + server.port())));
        } catch (Exception e) {
            store.close();
            throw e;
        }
    }

    /** A port that was free a moment ago and is closed again: nothing listens there. */
    private static int deadPort() throws IOException {
        return FreePorts.any();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
