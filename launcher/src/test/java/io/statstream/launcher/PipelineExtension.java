package io.statstream.launcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.statstream.embedded.RedisServerProcess;
import io.statstream.model.topic.ResultSignature;
import io.statstream.store.ResultStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pipeline for a test class, started before its first test and closed after its last:
 * <pre>{@code
 * @RegisterExtension
 * static final PipelineExtension pipeline = PipelineExtension.with("MAX_VALUES_PER_REQUEST", "1000");
 * private static final ApiClient api = pipeline.api();
 * }</pre>
 * The API listens on a free port. A class whose tests promise a real Redis says so with
 * {@link #onRealRedis()}: skipped without one on a developer's machine, failed under CI
 * ({@link Prerequisites}). A test that needs settings of its own starts its own
 * {@link LocalPipeline} in a try-with-resources.
 */
final class PipelineExtension implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> settings;
    private final boolean realRedis;
    private LocalPipeline pipeline;

    private PipelineExtension(Map<String, String> settings, boolean realRedis) {
        this.settings = settings;
        this.realRedis = realRedis;
    }

    /** A pipeline with these settings (name, value, name, value...) beside the defaults. */
    static PipelineExtension with(String... namesAndValues) {
        Map<String, String> settings = new HashMap<>(Map.of("HTTP_PORT", "0"));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            settings.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new PipelineExtension(settings, false);
    }

    /** The same pipeline, on a real redis-server. */
    PipelineExtension onRealRedis() {
        return new PipelineExtension(settings, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (realRedis) {
            Prerequisites.redisServer();
        }
        pipeline = LocalPipeline.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** A client of its API with no key; usable as a field, it finds the API when it is first called. */
    ApiClient api() {
        return new ApiClient(this::apiUri, null);
    }

    URI apiUri() {
        return started().apiUri();
    }

    String bootstrapServers() {
        return started().bootstrapServers();
    }

    ResultStore store() {
        return started().store();
    }

    Optional<ResultSignature> resultSignature() {
        return started().resultSignature();
    }

    MeterRegistry registry() {
        return started().registry();
    }

    Optional<RedisServerProcess> redis() {
        return started().redis();
    }

    List<String> apiRoutes() {
        return started().apiRoutes();
    }

    private LocalPipeline started() {
        if (pipeline == null) {
            throw new IllegalStateException("the pipeline starts before the class's first test");
        }
        return pipeline;
    }
}
