package io.statstream.launcher;

import io.statstream.embedded.FreePorts;
import io.statstream.embedded.RedisServerProcess;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Redis Cluster of three masters, each with a replica, made of {@code redis-server} processes on
 * 127.0.0.1 and joined by {@code redis-cli --cluster create}, as an operator builds one. Only the
 * processes started here are ever signalled. Their directory goes when they are closed.
 */
final class RedisClusterProcesses implements AutoCloseable {
    private static final Path LOGS = Path.of("target", "it-logs");

    private final Map<Integer, Process> nodes = new LinkedHashMap<>();
    private final Path dir;

    private RedisClusterProcesses(Path dir) {
        this.dir = dir;
    }

    static RedisClusterProcesses start() throws Exception {
        Path binary = Prerequisites.redisServer();
        Path cli = binary.resolveSibling("redis-cli");
        Path dir = Files.createTempDirectory("statstream-redis-cluster-");
        Files.createDirectories(LOGS);
        RedisClusterProcesses cluster = new RedisClusterProcesses(dir);
        try {
            for (int i = 0; i < 6; i++) {
                int port = FreePorts.any();
                Process node = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                        "--cluster-node-timeout", "2000", "--dir", dir.toString(), "--save", "", "--appendonly", "no",
                        // A replica takes over however long ago it last heard from its master (on a busy
                        // test machine the default refused to, as "disconnected for longer than allowed").
                        "--cluster-replica-validity-factor", "0")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve("redis-cluster-" + i + ".log").toFile()))
                        .start();
                cluster.nodes.put(port, node);
            }
            for (int port : cluster.nodes.keySet()) {
                RedisOutageIT.awaitTrue(() -> cli(cli, port, "ping").contains("PONG"), "node " + port + " answers");
            }
            List<String> create = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
            cluster.nodes.keySet().forEach(port -> create.add("127.0.0.1:" + port));
            create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            Process join = new ProcessBuilder(create).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve("redis-cluster-create.log").toFile())).start();
            if (!join.waitFor(60, TimeUnit.SECONDS) || join.exitValue() != 0) {
                throw new IOException("redis-cli --cluster create failed: see " + LOGS.resolve("redis-cluster-create.log"));
            }
            int seed = cluster.seedPort();
            RedisOutageIT.awaitTrue(() -> cli(cli, seed, "cluster", "info").contains("cluster_state:ok"), "the cluster is ok");
            RedisOutageIT.awaitTrue(() -> cluster.nodes.keySet().stream().filter(port -> cli(cli, port, "role").startsWith("slave"))
                    .filter(port -> cli(cli, port, "info", "replication").contains("master_link_status:up")).count() == 3,
                    "every replica follows its master");
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    int seedPort() {
        return nodes.keySet().iterator().next();
    }

    /** The port of a master other than the seed, as {@code CLUSTER NODES} says now. */
    int anotherMaster() throws IOException, InterruptedException {
        Path cli = RedisServerProcess.findBinary().orElseThrow().resolveSibling("redis-cli");
        for (String line : cli(cli, seedPort(), "cluster", "nodes").split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length > 2 && fields[2].contains("master") && !fields[2].contains("fail")) {
                int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
                if (port != seedPort()) {
                    return port;
                }
            }
        }
        throw new IllegalStateException("no master but the seed");
    }

    /** {@code kill -9} of the node on this port. */
    void kill(int port) throws InterruptedException {
        ServiceProcesses.kill(nodes.get(port));
    }

    private static String cli(Path cli, int port, String... command) {
        List<String> args = new ArrayList<>(List.of(cli.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port)));
        args.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        for (Process node : nodes.values()) {
            node.destroy();
        }
        for (Process node : nodes.values()) {
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor();
            }
        }
        Utils.delete(dir.toFile()); // the nodes' cluster configurations
    }
}
