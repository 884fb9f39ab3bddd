package io.statstream.launcher;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker (KRaft, one combined broker and controller) as a process of its own, from Kafka's
 * jars on this test's classpath, so that it can die as brokers die: {@code kill -9}, then a
 * restart on the same ports and log directory, with what it had written.
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
        Path dir = Files.createTempDirectory("statstream-broker-");
        int port = ServiceProcesses.freePort();
        int controllerPort = ServiceProcesses.freePort();
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=2097152", ""));
        Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())
                .redirectOutput(LOGS.resolve(name + "-format.log").toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IOException("formatting the broker's storage failed: see " + LOGS.resolve(name + "-format.log"));
        }
        KafkaBrokerProcess broker = new KafkaBrokerProcess(config, name, port);
        broker.start();
        return broker;
    }

    /** Starts (again) and returns once the broker accepts connections. */
    void start() throws Exception {
        process = java("kafka.Kafka", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile())).start();
        RedisOutageIT.awaitTrue(this::listening, "the broker listens on " + port);
    }

    /** {@code kill -9}: no controlled shutdown, nothing flushed by the broker itself. */
    void kill() throws InterruptedException {
        ServiceProcesses.kill(process);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
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
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
