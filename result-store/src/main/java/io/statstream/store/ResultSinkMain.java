package io.statstream.store;

import io.statstream.runtime.EnvironmentSettings;
import io.statstream.runtime.ServiceRunner;
import io.statstream.runtime.SharedSettings;
import io.statstream.runtime.StoreSettings;

/** Runs the result sink alone, configured by environment variables (see the README). */
public final class ResultSinkMain {
    private ResultSinkMain() {
    }

    public static void main(String[] args) {
        SinkSettings settings = new SinkSettings(EnvironmentSettings.read(SinkSettings.DEFINITION));
        ServiceRunner.run("result-sink", settings, () -> {
            ResultStore store = ResultStores.open(StoreSettings.of(settings));
            ResultSink sink = ResultSink.start(settings.getString(SharedSettings.KAFKA_BOOTSTRAP_SERVERS),
                    settings.getString(SinkSettings.SINK_GROUP_ID), store, settings.getBoolean(SinkSettings.SINK_REBUILD));
            return () -> {
                sink.close();
                store.close();
            };
        });
    }
}
