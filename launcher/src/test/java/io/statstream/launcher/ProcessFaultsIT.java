package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.api.ApiMain;
import io.statstream.embedded.EmbeddedKafka;
import io.statstream.embedded.FreePorts;
import io.statstream.embedded.RedisServerProcess;
import io.statstream.model.topic.Topics;
import io.statstream.sink.ResultSinkMain;
import io.statstream.worker.service.WorkerMain;
import io.statstream.worker.service.WorkerSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.statstream.launcher.RedisOutageIT.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault suite: worker, sink and API as separate processes against a broker and a real
 * redis-server; a bulk of distinct analyses goes in through the batch endpoint, one part fails the
 * way parts fail while the bulk is still coming in, and every accepted key must end answered. Each
 * scenario reports submitted, accepted, answered, lost, extra computations (results published
 * beyond one per accepted key) and the time from the fault to the last answer (one line on stdout
 * and in target/reliability.tsv). {@code -Dfaults.analyses=20000} runs the full size;
 * RELIABILITY.md has the figures.
 */
class ProcessFaultsIT {
    private static final int ANALYSES = Integer.getInteger("faults.analyses", 2_000);
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(90);
    private static final Path REPORT = Path.of("target", "reliability.tsv");
    private static final Duration FREEZE = Duration.ofSeconds(Integer.getInteger("faults.freeze.seconds", 5));

    @Test
    void aWorkerKilledMidStreamAndRestartedLosesNothing() throws Exception {
        try (Topology topology = Topology.start("worker-kill")) {
            Bulk bulk = topology.bulkUnderWay();
            ServiceProcesses.kill(topology.worker);
            Instant fault = Instant.now();
            Thread.sleep(1_000); // an orchestrator's restart delay
            topology.worker = topology.launchWorker();
            topology.awaitAllAnswered(bulk.keys(), fault, "worker kill -9, restarted after 1 s");
        }
    }

    @Test
    void aSinkKilledMidStreamAndRestartedLosesNothing() throws Exception {
        try (Topology topology = Topology.start("sink-kill")) {
            Bulk bulk = topology.bulkUnderWay();
            ServiceProcesses.kill(topology.sink);
            Instant fault = Instant.now();
            Thread.sleep(1_000);
            topology.sink = topology.launchSink();
            topology.awaitAllAnswered(bulk.keys(), fault, "sink kill -9, restarted after 1 s");
        }
    }

    @Test
    void redisRestartedEmptyMidStreamLosesNothing() throws Exception {
        try (Topology topology = Topology.start("redis-empty")) {
            Bulk bulk = topology.bulkUnderWay();
            topology.redis.stop();
            Instant fault = Instant.now();
            Thread.sleep(500); // calls meanwhile are refused (503) or their items failed: not accepted
            topology.redis.start(); // no persistence: results, marks and pending marks are gone
            topology.awaitAllAnswered(bulk.keys(), fault, "Redis restarted empty after 0.5 s");
        }
    }

    @Test
    void redisFrozenMidStreamLosesNothingAndAcceptsNothingFalsely() throws Exception {
        try (Topology topology = Topology.start("redis-frozen")) {
            Bulk bulk = topology.bulkUnderWay();
            topology.redis.freeze();
            Thread.sleep(FREEZE.toMillis()); // calls meanwhile time out: 503, sent again after it
            topology.redis.thaw();
            Instant fault = Instant.now();
            topology.awaitAllAnswered(bulk.keys(), fault, "Redis frozen (SIGSTOP) for " + FREEZE.toSeconds() + " s");
        }
    }

    @Test
    void theApiKilledMidBatchLosesNothingTheClientWasToldAccepted() throws Exception {
        try (Topology topology = Topology.start("api-kill")) {
            Bulk bulk = topology.bulkUnderWay();
            ServiceProcesses.kill(topology.api);
            Instant fault = Instant.now();
            Thread.sleep(1_000); // the client's calls fail and are sent again once it is back
            topology.api = topology.launchApi();
            topology.awaitAllAnswered(bulk.keys(), fault, "API kill -9, restarted after 1 s");
        }
    }

    @Test
    void aSurvivingWorkerTakesOverAKilledOnesPartitions() throws Exception {
        try (Topology topology = Topology.start("worker-takeover")) {
            Process second = topology.services.launch(WorkerMain.class, "worker-takeover-worker-2",
                    topology.withEnv("WORKER_INSTANCE_ID", "worker-takeover-worker-2"));
            awaitTrue(() -> topology.groupMembers() == 2, "the second worker joined");
            Bulk bulk = topology.bulkUnderWay();
            ServiceProcesses.kill(topology.worker); // not restarted
            Instant fault = Instant.now();
            topology.awaitAllAnswered(bulk.keys(), fault, "one of two workers kill -9, not restarted");
            assertTrue(second.isAlive());
        }
    }

    @Test
    void theBrokerKilledAndRestartedLosesNothingAcknowledged() throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start("broker-kill");
             Topology topology = Topology.start("broker-kill", broker.bootstrapServers())) {
            Bulk bulk = topology.bulkUnderWay();
            broker.kill();
            Instant fault = Instant.now();
            Thread.sleep(2_000); // items sent meanwhile are answered "failed" or 503: not accepted
            broker.start();
            topology.awaitAllAnswered(bulk.keys(), fault, "broker kill -9, restarted after 2 s");
        }
    }

    @Test
    void oneOfThreeBrokersKilledLosesNothingAndRefusesNothing() throws Exception {
        List<KafkaBrokerProcess> cluster = KafkaBrokerProcess.startCluster("three-brokers", 3);
        try (AutoCloseable brokers = () -> closeAll(cluster);
             Topology topology = Topology.start("three-brokers", KafkaBrokerProcess.bootstrapServers(cluster))) {
            Bulk bulk = topology.bulkUnderWay();
            cluster.get(0).kill(); // not restarted: two of three copies live on
            Instant fault = Instant.now();
            topology.awaitAllAnswered(bulk.keys(), fault, "one of three brokers kill -9, not restarted");
            assertEquals(0, bulk.refused.get(), "items answered \"failed\" while two of three copies lived");
        }
    }

    private static void closeAll(List<KafkaBrokerProcess> cluster) throws InterruptedException, IOException {
        for (KafkaBrokerProcess broker : cluster) {
            broker.close();
        }
    }

    /** A bulk submitted in calls of 500 from a thread of its own, so that a fault can land in the middle of it. */
    private static final class Bulk {
        private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger refused = new AtomicInteger();
        private CompletableFuture<Void> done;

        void awaitAccepted(int count) throws Exception {
            awaitTrue(() -> accepted.size() >= count || done.isDone(), count + " analyses accepted");
        }

        /** Every key the API accepted (202 pending or done), once the whole bulk was sent. */
        List<String> keys() {
            done.join();
            return List.copyOf(accepted);
        }
    }

    /** A broker and Redis here, the three services as processes, and what a scenario needs to measure. */
    private static final class Topology implements AutoCloseable {
        private final String name;
        private final AutoCloseable kafka; // null when the broker belongs to the test
        private final RedisServerProcess redis;
        private final ServiceProcesses services = new ServiceProcesses();
        private final KafkaProbe probe;
        private final Map<String, String> env = new HashMap<>();
        private final ApiClient apiClient;
        private Process worker;
        private Process sink;
        private Process api;
        private long resultsBefore;

        private Topology(String name, AutoCloseable kafka, String bootstrapServers, RedisServerProcess redis) throws Exception {
            this.name = name;
            this.kafka = kafka;
            this.redis = redis;
            this.probe = new KafkaProbe(bootstrapServers);
            int httpPort = FreePorts.any();
            env.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers, "REDIS_URL", redis.url(),
                    "HTTP_PORT", Integer.toString(httpPort), "HTTP_HOST", "127.0.0.1", "TOPIC_PARTITIONS", "3", "METRICS_PORT", "0",
                    // Every answer from the store itself: the API's near cache would hide a store that lost results.
                    "NEAR_CACHE_ENTRIES", "0",
                    // As docker-compose runs them: a restarted service takes its partitions back at once.
                    "WORKER_INSTANCE_ID", name + "-worker", "SINK_INSTANCE_ID", name + "-sink"));
            this.apiClient = new ApiClient(URI.create("http://localhost:" + httpPort));
        }

        /** Against a broker in this JVM. */
        static Topology start(String name) throws Exception {
            EmbeddedKafka kafka = EmbeddedKafka.start();
            return start(name, kafka, kafka.bootstrapServers());
        }

        /** Against a broker the test runs, and closes, itself. */
        static Topology start(String name, String bootstrapServers) throws Exception {
            return start(name, null, bootstrapServers);
        }

        private static Topology start(String name, AutoCloseable kafka, String bootstrapServers) throws Exception {
            RedisServerProcess redis = RedisServerProcess.start(Prerequisites.redisServer());
            Topology topology = new Topology(name, kafka, bootstrapServers, redis);
            topology.worker = topology.launchWorker();
            topology.sink = topology.launchSink();
            topology.api = topology.launchApi();
            awaitTrue(() -> SeparateProcessesIT.healthy(topology.apiClient), "the API answers");
            // One analysis end to end first: the worker has joined its group and the sink its own.
            String first = topology.apiClient.submit("{\"type\":\"descriptive\",\"data\":[1,2," + System.nanoTime() + "]}")
                    .json().get("key").asText();
            assertEquals(200, topology.apiClient.awaitResult(first, Duration.ofSeconds(60)).status());
            return topology;
        }

        Process launchWorker() throws Exception {
            return services.launch(WorkerMain.class, name + "-worker", env);
        }

        Process launchSink() throws Exception {
            return services.launch(ResultSinkMain.class, name + "-sink", env);
        }

        Process launchApi() throws Exception {
            return services.launch(ApiMain.class, name + "-api", env);
        }

        Map<String, String> withEnv(String name, String value) {
            Map<String, String> changed = new HashMap<>(env);
            changed.put(name, value);
            return changed;
        }

        /** Members of the worker's group: Kafka Streams' group is its application id. */
        int groupMembers() throws Exception {
            return probe.groupMembers(WorkerSettings.DEFAULT_WORKER_APPLICATION_ID);
        }

        /** The scenarios' bulk, a quarter of it accepted: the fault lands while the rest comes in. */
        Bulk bulkUnderWay() throws Exception {
            Bulk bulk = submitInBackground(ANALYSES);
            bulk.awaitAccepted(ANALYSES / 4);
            return bulk;
        }

        /**
         * Submits distinct analyses in calls of 500 from another thread, a call answered 503 sent
         * again after its Retry-After. An item counts as accepted when its call answered it
         * "pending" or "done"; an item "failed" told the client it was not taken.
         */
        Bulk submitInBackground(int analyses) throws Exception {
            resultsBefore = probe.endOffsets(Topics.ANALYSIS_RESULTS.name());
            long run = System.nanoTime();
            Bulk bulk = new Bulk();
            bulk.done = CompletableFuture.runAsync(() -> {
                for (int from = 0; from < analyses; from += 500) {
                    String body = IntStream.range(from, Math.min(analyses, from + 500))
                            .mapToObj(i -> "{\"type\":\"ttest_one_sample\",\"data\":[" + run + "," + i + ",3,4],\"mu\":1}")
                            .collect(Collectors.joining("\n"));
                    ApiClient.Reply reply = send(body);
                    for (int retry = 0; reply.status() == 503 && retry < 60; retry++) {
                        pause(Duration.ofSeconds(Long.parseLong(reply.header("Retry-After")))); // as a client would
                        reply = send(body);
                    }
                    assertEquals(200, reply.status(), reply.response().body());
                    for (JsonNode item : reply.json().get("items")) {
                        String state = item.get("state").asText();
                        if (state.equals("pending") || state.equals("done")) {
                            bulk.accepted.add(item.get("key").asText());
                        } else {
                            assertEquals("failed", state, item.toString());
                            bulk.refused.incrementAndGet();
                        }
                    }
                }
            });
            return bulk;
        }

        /** One call; a call the API never answered (it died, or is not back yet) is sent again after a second. */
        private ApiClient.Reply send(String body) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return apiClient.post("/v1/analyses/batch", "application/x-ndjson", body);
                } catch (RuntimeException unanswered) {
                    if (attempt == 60) {
                        throw unanswered;
                    }
                    pause(Duration.ofSeconds(1));
                }
            }
        }

        private static void pause(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Waits until every key answers done, then reports; fails when a key is still unanswered at the deadline. */
        void awaitAllAnswered(List<String> keys, Instant fault, String scenario) throws Exception {
            long deadline = System.nanoTime() + ANSWERED_WITHIN.toNanos();
            int unanswered = keys.size();
            while (unanswered > 0 && System.nanoTime() < deadline) {
                unanswered = unanswered(keys);
                if (unanswered > 0) {
                    Thread.sleep(100);
                }
            }
            Duration recovery = Duration.between(fault, Instant.now());
            long computations = probe.endOffsets(Topics.ANALYSIS_RESULTS.name()) - resultsBefore;
            String line = String.join("\t", scenario, Integer.toString(ANALYSES), Integer.toString(keys.size()),
                    Integer.toString(keys.size() - unanswered),
                    Integer.toString(unanswered), Long.toString(computations - keys.size()),
                    String.format("%.1f", recovery.toMillis() / 1000.0));
            System.out.println("FAULT\t" + line);
            Files.writeString(REPORT, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertEquals(0, unanswered, scenario + ": accepted keys still unanswered " + ANSWERED_WITHIN + " after the fault");
        }

        private int unanswered(List<String> keys) {
            int missing = 0;
            for (int from = 0; from < keys.size(); from += 10_000) {
                String body = keys.subList(from, Math.min(keys.size(), from + 10_000)).stream()
                        .map(key -> '"' + key + '"').collect(Collectors.joining(",", "{\"keys\":[", "]}"));
                ApiClient.Reply reply;
                try {
                    reply = apiClient.post("/v1/analyses/lookup", "application/json", body);
                } catch (RuntimeException notBackYet) {
                    return keys.size();
                }
                if (reply.status() != 200) {
                    return keys.size(); // the store is still coming back
                }
                for (JsonNode item : reply.json().get("results")) {
                    if (!item.get("state").asText().equals("done")) {
                        missing++;
                    }
                }
            }
            return missing;
        }

        @Override
        public void close() throws Exception {
            services.close();
            probe.close();
            redis.close();
            if (kafka != null) {
                kafka.close();
            }
        }
    }
}
