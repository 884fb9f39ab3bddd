package io.statstream.launcher;

import io.statstream.embedded.FreePorts;
import io.statstream.runtime.TopicSetup;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker (KRaft, a combined broker and controller, alone or one node of a quorum) as a
 * process of its own, from Kafka's jars on this test's classpath, so that it can die as brokers die: {@code kill -9}, then a
 * restart on the same ports and log directory, with what it had written. Its directory goes when it is closed.
 */
final class KafkaBrokerProcess implements AutoCloseable {
    private static final Path LOGS = Path.of("target", "it-logs");

    private final Path config;
    private final String name;
    private final int port;
    private Process process;

    private KafkaBrokerProcess(Path config, String name, int port) {
        this.config = config;
        this.name = name;
        this.port = port;
    }

    static KafkaBrokerProcess start(String name) throws Exception {
        return startCluster(name, 1).get(0);
    }

    /**
     * One broker whose clients must authenticate with SASL/PLAIN as {@code user}: how a secured
     * cluster is reached, for the test that statstream's services pass Kafka's security settings on.
     */
    static KafkaBrokerProcess startWithSaslPlain(String name, String user, String password) throws Exception {
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" "
                + "password=\"broker-secret\" user_broker=\"broker-secret\" user_" + user + "=\"" + password + "\";";
        return startCluster(name, 1, "SASL_PLAINTEXT", List.of(
                "inter.broker.listener.name=SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config=" + jaas)).get(0);
    }

    /**
     * {@code size} nodes, each broker and controller, one quorum: internal topics keep a copy on
     * every node (at most three) and acknowledge with all but one in sync, as a production cluster does.
     */
    static List<KafkaBrokerProcess> startCluster(String name, int size) throws Exception {
        return startCluster(name, size, "PLAINTEXT", List.of());
    }

    private static List<KafkaBrokerProcess> startCluster(String name, int size, String protocol, List<String> extra)
            throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        int[] ports = new int[size];
        int[] controllerPorts = new int[size];
        List<String> voters = new ArrayList<>();
        for (int node = 0; node < size; node++) {
            ports[node] = FreePorts.any();
            controllerPorts[node] = FreePorts.any();
            voters.add((node + 1) + "@127.0.0.1:" + controllerPorts[node]);
        }
        // The internal topics replicated as statstream's own are on a cluster of this size.
        TopicSetup.Replication replication = TopicSetup.replicationFor(size, Optional.empty());
        String copies = Short.toString(replication.factor());
        String inSync = Integer.toString(replication.minInSync());
        List<KafkaBrokerProcess> brokers = new ArrayList<>();
        for (int node = 0; node < size; node++) {
            String nodeName = size == 1 ? name : name + "-" + (node + 1);
            Path dir = Files.createTempDirectory("statstream-broker-");
            Path config = dir.resolve("server.properties");
            List<String> lines = new ArrayList<>(List.of(
                    "process.roles=broker,controller",
                    "node.id=" + (node + 1),
                    "controller.quorum.voters=" + String.join(",", voters),
                    "listeners=" + protocol + "://127.0.0.1:" + ports[node] + ",CONTROLLER://127.0.0.1:" + controllerPorts[node],
                    "advertised.listeners=" + protocol + "://127.0.0.1:" + ports[node],
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=" + protocol + ":" + protocol + ",CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "offsets.topic.replication.factor=" + copies,
                    "offsets.topic.num.partitions=1",
                    "transaction.state.log.replication.factor=" + copies,
                    "transaction.state.log.min.isr=" + inSync,
                    "share.coordinator.state.topic.replication.factor=" + copies,
                    "share.coordinator.state.topic.min.isr=" + inSync,
                    "group.initial.rebalance.delay.ms=0",
                    "log.cleaner.dedupe.buffer.size=2097152"));
            lines.addAll(extra);
            Files.writeString(config, String.join("\n", lines) + "\n");
            Process format = java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())
                    .redirectOutput(LOGS.resolve(nodeName + "-format.log").toFile()).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IOException("formatting the broker's storage failed: see " + LOGS.resolve(nodeName + "-format.log"));
            }
            brokers.add(new KafkaBrokerProcess(config, nodeName, ports[node]));
        }
        // Started together: a controller quorum of three elects no leader until two of its voters run.
        for (KafkaBrokerProcess broker : brokers) {
            broker.launch();
        }
        for (KafkaBrokerProcess broker : brokers) {
            broker.awaitListening();
        }
        return brokers;
    }

    /** Starts (again) and returns once the broker accepts connections. */
    void start() throws Exception {
        launch();
        awaitListening();
    }

    private void launch() throws IOException {
        process = java("kafka.Kafka", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile())).start();
    }

    private void awaitListening() throws Exception {
        RedisOutageIT.awaitTrue(this::listening, "the broker listens on " + port);
    }

    /** {@code kill -9}: no controlled shutdown, nothing flushed by the broker itself. */
    void kill() throws InterruptedException {
        ServiceProcesses.kill(process);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    static String bootstrapServers(List<KafkaBrokerProcess> cluster) {
        return cluster.stream().map(KafkaBrokerProcess::bootstrapServers).collect(java.util.stream.Collectors.joining(","));
    }

    private boolean listening() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the broker exited: see " + LOGS.resolve(name + ".log"));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ProcessBuilder java(String main, String... args) throws IOException {
        Files.createDirectories(LOGS);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        Utils.delete(config.getParent().toFile()); // its configuration and data: each test formats a new one
    }
}
