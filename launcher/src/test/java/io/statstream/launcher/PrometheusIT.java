package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.statstream.embedded.FreePorts;
import io.statstream.model.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboard's queries, answered by a real Prometheus (Debian's) that scrapes a live
 * pipeline with ops/prometheus/prometheus.yml and the sample keys of ops/api-keys.sample: every
 * query must return a series with a number, not only name metrics that /metrics serves.
 */
class PrometheusIT {
    private static final Path OPS = Path.of("..", "ops");
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);
    /** The dashboard's Redis panel needs a real Redis client's meters. */
    @RegisterExtension
    static final PipelineExtension pipeline = PipelineExtension.with("API_KEYS_FILE", OPS.resolve("api-keys.sample").toString())
            .onRealRedis();
    private static Process prometheus;
    /** Prometheus's data: JUnit removes it. */
    @TempDir
    static Path storage;
    private static URI prometheusUri;
    private static BackgroundTraffic traffic;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTrafficAndPrometheus() throws Exception {
        Path binary = Prerequisites.onPath("prometheus");
        ApiClient api = pipeline.api().withKey("statstream-sample-admin");
        traffic = new BackgroundTraffic(api, Duration.ofMillis(100),
                i -> "{\"type\":\"descriptive\",\"data\":[1,2," + i + "]}", "{\"type\":\"descriptive\",\"data\":[1,2,3]}");

        Path home = Files.createDirectories(Path.of("target", "prometheus"));
        Path config = home.resolve("prometheus.yml");
        Files.writeString(config, scrapeConfig(pipeline.apiUri()));
        int port = FreePorts.any();
        prometheusUri = URI.create("http://127.0.0.1:" + port);
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config.toAbsolutePath(),
                "--storage.tsdb.path=" + storage.toAbsolutePath(),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(home.resolve("prometheus.log").toFile()).start();
    }

    /**
     * ops/prometheus.yml as it is, but for where it scrapes: the API of this pipeline, every second.
     * Its second job scrapes the worker's and the sink's own listeners, which a pipeline in one JVM
     * does not have: their meters are in the API's /metrics here.
     */
    private static String scrapeConfig(URI api) throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode config = (ObjectNode) yaml.readTree(OPS.resolve("prometheus").resolve("prometheus.yml").toFile());
        ((ObjectNode) config.get("global")).put("scrape_interval", "1s");
        ArrayNode jobs = config.withArray("scrape_configs");
        for (int i = jobs.size() - 1; i >= 0; i--) {
            ObjectNode job = (ObjectNode) jobs.get(i);
            if (!job.get("job_name").asText().equals("statstream-api")) {
                jobs.remove(i);
                continue;
            }
            for (JsonNode target : job.withArray("static_configs")) {
                ((ObjectNode) target).putArray("targets").add(api.getHost() + ":" + api.getPort());
            }
        }
        assertEquals(1, jobs.size(), "ops/prometheus.yml has a job statstream-api");
        return yaml.writeValueAsString(config);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroyForcibly(); // the one process this test started
            prometheus.waitFor(10, TimeUnit.SECONDS); // before JUnit removes its data
        }
        if (traffic != null) {
            traffic.close(); // last: it fails the class if a reply broke the contract
        }
    }

    @Test
    void everyQueryOfTheDashboardAnswersWithNumbers() throws Exception {
        List<String> queries = new ArrayList<>();
        new YAMLMapper().readTree(OPS.resolve("grafana").resolve("dashboards").resolve("statstream.json").toFile())
                .findValues("expr").forEach(expr -> queries.add(expr.asText()));
        assertTrue(queries.size() > 10, "the dashboard's queries were read: " + queries);
        Map<String, JsonNode> unanswered = new LinkedHashMap<>();
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        List<String> waiting = queries;
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            unanswered.clear();
            for (String query : waiting) {
                JsonNode answer = query(query);
                if (!hasNumber(answer)) {
                    unanswered.put(query, answer);
                }
            }
            waiting = List.copyOf(unanswered.keySet());
            Thread.sleep(1_000);
        }
        assertEquals(Map.of(), unanswered, "queries of the dashboard that Prometheus answers with no number");
    }

    private JsonNode query(String promql) throws Exception {
        URI uri = prometheusUri.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return Json.readTree(response.body());
        } catch (java.io.IOException e) {
            return Json.readTree("{\"error\":\"Prometheus does not answer yet\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A vector with at least one series whose value is a finite number (a histogram with nothing observed gives NaN). */
    private static boolean hasNumber(JsonNode answer) {
        for (JsonNode series : answer.path("data").path("result")) {
            String value = series.path("value").path(1).asText();
            if (!value.isEmpty() && !value.matches("NaN|[+-]Inf")) { // Prometheus's spelling of what is not a number
                return true;
            }
        }
        return false;
    }
}
